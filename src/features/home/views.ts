import type { HomeView, KnownBlock } from '@slack/types';
import { DateTime } from 'luxon';
import {
  formatCalendarDate,
  formatDate,
  formatDateTime,
  type MessageKey,
  mention,
  type Translate,
} from '../../i18n/index.js';
import { escapeMrkdwn, truncate } from '../../slack/mrkdwn.js';
import type { Reader } from '../../slack/reader.js';
import { openCheckinButton } from '../checkins/index.js';
import { type MissionStatus, missionStatuses, type StatusCounts } from '../missions/index.js';
import { offboardingTodoBlocks } from '../offboarding/index.js';
import { type ChecklistItemView, itemBlockId, TOGGLE_ITEM } from '../onboarding/index.js';
import type { CompletedRows, HomeData, MissionListData, MissionRow } from './service.js';

/** Slack refuses a Home with more blocks (SLACK.md 4.1). */
export const MAX_HOME_BLOCKS = 100;
const MAX_LABEL = 300;

/**
 * The App Home of one reader, composed from the parts their roles give them (freelancer, items,
 * manager, admin); someone with none of them gets the welcome. Pure: data + locale in, view out.
 */
export function homeView(tr: Translate, data: HomeData): HomeView {
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: tr('home.title') } },
    contextLine(tr('home.intro')),
  ];
  if (data.freelancer) blocks.push(...freelancerPart(tr, data.reader, data.freelancer));
  // A freelancer's profile comes with their missions; anyone else's (a guest before a first
  // mission, a member who freelances) after what they came for.
  if (data.talentProfile && data.freelancer) blocks.push(...data.talentProfile);
  if (data.items.shown.length > 0) blocks.push(...itemsPart(tr, data.reader, data.items));
  blocks.push(...offboardingTodoBlocks(tr, data.offboarding, data.reader.locale));
  if (data.manager) blocks.push(...managerPart(tr, data.reader, data.manager));
  if (!data.freelancer && !data.manager && data.items.shown.length === 0) blocks.push(...welcomePart(tr));
  if (data.talentProfile && !data.freelancer) blocks.push(...data.talentProfile);
  if (data.community) blocks.push(...data.community);
  if (data.workspace) blocks.push(...adminPart(tr, data.workspace));
  if (data.stats) blocks.push(...data.stats);
  // The caps in service.ts keep far below this; the cut only guards against a future part.
  return { type: 'home', blocks: blocks.slice(0, MAX_HOME_BLOCKS) };
}

function header(text: string): KnownBlock {
  return { type: 'header', text: { type: 'plain_text', text } };
}

function freelancerPart(
  tr: Translate,
  reader: Reader,
  part: NonNullable<HomeData['freelancer']>,
): KnownBlock[] {
  const blocks: KnownBlock[] = [{ type: 'divider' }, header(tr('home.freelancer.header'))];
  if (part.current.length === 0) blocks.push(mrkdwnSection(tr('home.freelancer.none')));
  for (const row of part.current) blocks.push(mrkdwnSection(missionLine(tr, reader, row, 'freelancer')));
  if (part.moreCurrent > 0) blocks.push(contextLine(tr('missions.list.more', { count: part.moreCurrent })));
  blocks.push(...completedPart(tr, reader, part.completed, 'freelancer'));
  const { toAnswer, next } = part.checkins;
  if (toAnswer) {
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: tr('home.checkin.waiting', { title: escapeMrkdwn(truncate(toAnswer.title, MAX_LABEL)) }),
      },
      accessory: openCheckinButton(toAnswer._id.toString(), tr('home.checkin.answer'), 'primary'),
    });
  }
  if (next) {
    const date = formatDateTime(next.dueAt, reader.locale, reader.zone);
    blocks.push(
      contextLine(tr('home.checkin.next', { date, title: escapeMrkdwn(truncate(next.title, MAX_LABEL)) })),
    );
  }
  return blocks;
}

function itemsPart(tr: Translate, reader: Reader, part: HomeData['items']): KnownBlock[] {
  const blocks: KnownBlock[] = [{ type: 'divider' }, header(tr('home.items.header'))];
  for (const item of part.shown) blocks.push(itemBlock(tr, reader, item));
  if (part.more > 0) blocks.push(contextLine(tr('home.items.more', { count: part.more })));
  return blocks;
}

/** One open item with its tick button; onboarding handles the click (value = item id). */
export function itemBlock(tr: Translate, reader: Reader, item: ChecklistItemView): KnownBlock {
  const due = item.dueDate
    ? ` · ${tr('home.items.due', { date: formatCalendarDate(item.dueDate, reader.locale, 'short') })}`
    : '';
  return {
    type: 'section',
    // Onboarding's id says the item was shown open: a double click or a replay ticks it once, never
    // ticks then reopens it.
    block_id: itemBlockId(item.id, false),
    text: {
      type: 'mrkdwn',
      text: `${escapeMrkdwn(truncate(item.label, MAX_LABEL))}\n_${escapeMrkdwn(truncate(item.missionTitle, 150))}_${due}`,
    },
    accessory: {
      type: 'button',
      action_id: TOGGLE_ITEM,
      value: item.id,
      text: { type: 'plain_text', text: tr('home.items.tick') },
    },
  };
}

function managerPart(tr: Translate, reader: Reader, part: NonNullable<HomeData['manager']>): KnownBlock[] {
  const blocks: KnownBlock[] = [
    { type: 'divider' },
    header(tr('home.manager.header')),
    mrkdwnSection(summaryText(tr, 'home.manager.summary', part.total, part.counts)),
  ];
  if (part.open.length === 0) blocks.push(mrkdwnSection(tr('home.manager.noneOpen')));
  for (const row of part.open) blocks.push(mrkdwnSection(missionLine(tr, reader, row, 'manager')));
  if (part.moreOpen > 0) blocks.push(contextLine(tr('home.manager.more', { count: part.moreOpen })));
  blocks.push(...completedPart(tr, reader, part.completed, 'manager'));
  return blocks;
}

/** The completed missions, one line each in one section (two blocks at most), then "…and N more". */
function completedPart(tr: Translate, reader: Reader, part: CompletedRows, side: Side): KnownBlock[] {
  if (part.rows.length === 0) return [];
  const lines = part.rows.map((row) =>
    tr('home.completed.row', {
      title: escapeMrkdwn(truncate(row.title, MAX_TITLE)),
      date: calendarDate(row.endDate, reader),
      who: tr(side === 'manager' ? 'missions.list.withFreelancer' : 'missions.list.withManager', {
        user: mention(tr, row.otherUserId),
      }),
    }),
  );
  const blocks = [mrkdwnSection([`*${tr('home.completed.header')}*`, ...lines].join('\n'))];
  const more = part.total - part.rows.length;
  if (more > 0) blocks.push(contextLine(tr('home.completed.more', { count: more })));
  return blocks;
}

function adminPart(tr: Translate, part: NonNullable<HomeData['workspace']>): KnownBlock[] {
  const text =
    part.total === 0
      ? tr('home.admin.empty')
      : summaryText(tr, 'home.admin.summary', part.total, part.counts);
  return [{ type: 'divider' }, header(tr('home.admin.header')), mrkdwnSection(text)];
}

function welcomePart(tr: Translate): KnownBlock[] {
  return [
    { type: 'divider' },
    header(tr('home.welcome.title')),
    mrkdwnSection(tr('home.welcome.body')),
    mrkdwnSection(tr('home.welcome.start')),
    contextLine(tr('home.welcome.help')),
  ];
}

/** "*12 missions* in all — Active: 5 · Onboarding: 3 · …" (statuses with none are left out). */
function summaryText(tr: Translate, key: MessageKey, total: number, counts: StatusCounts): string {
  const breakdown = missionStatuses
    .filter((s) => counts[s] > 0)
    .map((s) => tr('home.statusCount', { status: statusLabel(tr, s), count: counts[s] }))
    .join(' · ');
  return tr(key, { count: total, breakdown });
}

/** Which side of the mission the reader is on: decides who the row names (the other side). */
export type Side = 'manager' | 'freelancer';

const MAX_TITLE = 150;

/** The translated name of a status. */
export function statusLabel(tr: Translate, status: MissionStatus): string {
  return tr(`missions.list.status.${status}` as MessageKey);
}

/**
 * A mission's calendar date (`yyyy-MM-dd`) in the reader's locale. Read in the reader's zone and
 * shown in it, so the calendar day never shifts whatever their offset.
 */
export function calendarDate(isoDate: string, reader: Reader): string {
  const at = DateTime.fromISO(isoDate, { zone: reader.zone });
  return at.isValid ? formatDate(at.toJSDate(), reader.locale, reader.zone) : isoDate;
}

/**
 * "Onboarding 3/6", "Onboarding complete", or nothing when there is nothing to say (draft,
 * cancelled, no checklist past onboarding). Past its onboarding, a mission ended before every item
 * was done says where the onboarding was left, never "complete".
 */
export function progressText(tr: Translate, row: MissionRow): string | undefined {
  const o = row.onboarding;
  if (o === undefined) return undefined;
  if (o === 'complete') return tr('missions.list.onboardingDone');
  if (row.status !== 'onboarding') {
    return o.total > 0 ? tr('missions.list.progressLeft', { done: o.done, total: o.total }) : undefined;
  }
  return o.total > 0
    ? tr('missions.list.progress', { done: o.done, total: o.total })
    : tr('missions.list.noProgress');
}

/** The latest check-in as the manager may see it: score and blocker, or that it is HR-only. */
export function healthText(tr: Translate, row: MissionRow): string | undefined {
  const h = row.health;
  if (h === undefined) return undefined;
  if (!h.visible) return tr('missions.list.checkinHrOnly');
  const score = tr('missions.list.checkinScore', { score: h.score });
  return h.blocker ? `${score} · ${tr('missions.list.checkinBlocker')}` : score;
}

/**
 * One mission as mrkdwn: bold title, then status, dates, the person on the other side and the
 * onboarding progress. Titles are user text: escaped so they cannot mention or link.
 */
export function missionLine(tr: Translate, reader: Reader, row: MissionRow, side: Side): string {
  const other = mention(tr, row.otherUserId);
  const who =
    side === 'manager'
      ? tr('missions.list.withFreelancer', { user: other })
      : tr('missions.list.withManager', { user: other });
  const dates = tr('missions.list.dates', {
    start: calendarDate(row.startDate, reader),
    end: calendarDate(row.endDate, reader),
  });
  const details = [statusLabel(tr, row.status), dates, who, progressText(tr, row), healthText(tr, row)]
    .filter((part) => part !== undefined)
    .join(' · ');
  return `*${escapeMrkdwn(truncate(row.title, MAX_TITLE))}*\n${details}`;
}

/** A section block holding one mrkdwn text. */
export function mrkdwnSection(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

/** A context block holding one mrkdwn text. */
export function contextLine(text: string): KnownBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text }] };
}

/**
 * The ephemeral answer of `/missions`: one part per role the reader has, a row per mission, and
 * "…and N more" where a part was cut. At most 20 rows, so far below a message's 50 blocks.
 */
export function missionListMessage(
  tr: Translate,
  data: MissionListData,
): { text: string; blocks: KnownBlock[] } {
  const { reader, managed, freelancing } = data;
  if (managed.total === 0 && freelancing.total === 0) {
    const text = tr('missions.list.empty');
    return { text, blocks: [mrkdwnSection(text)] };
  }
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: tr('missions.list.title') } },
  ];
  const part = (side: Side, list: MissionListData['managed'], heading: MessageKey) => {
    if (list.total === 0) return;
    blocks.push(mrkdwnSection(`*${tr(heading, { count: list.total })}*`));
    for (const row of list.rows) blocks.push(mrkdwnSection(missionLine(tr, reader, row, side)));
    const more = list.total - list.rows.length;
    if (more > 0) blocks.push(contextLine(tr('missions.list.more', { count: more })));
  };
  part('freelancer', freelancing, 'missions.list.asFreelancer');
  if (freelancing.total > 0 && managed.total > 0) blocks.push({ type: 'divider' });
  part('manager', managed, 'missions.list.asManager');
  return { text: tr('missions.list.title'), blocks };
}
