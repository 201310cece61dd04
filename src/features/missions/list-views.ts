import type { KnownBlock } from '@slack/types';
import { DateTime } from 'luxon';
import { formatDate, type MessageKey, type Translate } from '../../i18n/index.js';
import { escapeMrkdwn, truncate } from '../../slack/mrkdwn.js';
import type { Reader } from '../../slack/reader.js';
import type { MissionListData, MissionRow } from '../home/service.js';
import type { MissionStatus } from './rules.js';

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

/** "Onboarding 3/6", "Onboarding complete", or nothing when there is nothing to say (draft, cancelled). */
export function progressText(tr: Translate, row: MissionRow): string | undefined {
  const o = row.onboarding;
  if (o === undefined) return undefined;
  if (o === 'complete') return tr('missions.list.onboardingDone');
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
  const other = `<@${row.otherUserId}>`;
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
