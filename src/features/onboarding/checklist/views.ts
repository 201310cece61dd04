import type { Button, KnownBlock, SectionBlock } from '@slack/types';
import type { Locale } from '../../../config.js';
import { formatCalendarDate, formatDate, type Translate, translator } from '../../../i18n/index.js';
import type { OutgoingMessage } from '../../../slack/gateway.js';
import { escapeMrkdwn, truncate } from '../../../slack/mrkdwn.js';
import { isOpen, type Mission, statusReachedAt } from '../../missions/index.js';
import { itemBlockId, TOGGLE_ITEM } from '../ids.js';
import type { ItemOwner, OnboardingItem } from '../model.js';
import { dueDayOf, readerCanToggle } from '../rules.js';

/** Who reads a checklist message: their side of the mission, language and time zone. */
export interface ChecklistReader {
  side: ItemOwner;
  locale: Locale;
  zone: string;
}

// A message holds at most 50 blocks; 5 go to header, intro, divider, "more" and the completion line.
const MAX_ITEM_BLOCKS = 45;
// Labels come from editable templates: keep each row far below the 3000-char section limit.
const MAX_LABEL = 300;
const MAX_HEADER = 150;

/** One side's checklist message: header, progress, one row per item with its state, owner and due date. */
export function checklistMessage(
  items: readonly OnboardingItem[],
  mission: Mission,
  reader: ChecklistReader,
): OutgoingMessage {
  const tr = translator(reader.locale);
  const done = items.filter((i) => i.doneAt !== null).length;
  const title = escapeMrkdwn(mission.title);
  const intro =
    reader.side === 'freelancer'
      ? tr('onboarding.checklist.introFreelancer')
      : tr('onboarding.checklist.introManager', { freelancer: mission.freelancerId, title });
  const blocks: KnownBlock[] = [
    {
      type: 'header',
      text: {
        type: 'plain_text',
        text: truncate(tr('onboarding.checklist.header', { title: mission.title }), MAX_HEADER),
      },
    },
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `${intro}\n${tr('onboarding.checklist.progress', { done, total: items.length })}`,
      },
    },
    { type: 'divider' },
  ];
  const finished = !isOpen(mission.status);
  for (const item of items.slice(0, MAX_ITEM_BLOCKS))
    blocks.push(itemRow(tr, item, mission, reader, finished));
  const hidden = items.length - MAX_ITEM_BLOCKS;
  if (hidden > 0) {
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: tr('onboarding.checklist.more', { count: hidden }) }],
    });
  }
  if (mission.onboardingCompletedAt) {
    const date = formatDate(mission.onboardingCompletedAt, reader.locale, reader.zone);
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: tr('onboarding.checklist.completed', { date }) }],
    });
  }
  const end = finished ? finishedLine(tr, mission, reader) : null;
  if (end) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: end }] });
  const text = tr('onboarding.checklist.fallback', { title, done, total: items.length });
  return { text, blocks };
}

/** "Mission closed on …" / "cancelled on …": the checklist of a finished mission takes no more ticks. */
export function finishedLine(
  tr: Translate,
  mission: Pick<Mission, 'status' | 'history'>,
  reader: { locale: Locale; zone: string },
): string | null {
  if (isOpen(mission.status)) return null;
  const at = statusReachedAt(mission);
  const date = at ? formatDate(at, reader.locale, reader.zone) : '—';
  return tr(mission.status === 'completed' ? 'onboarding.message.closed' : 'onboarding.message.cancelled', {
    date,
  });
}

function itemRow(
  tr: Translate,
  item: OnboardingItem,
  mission: Mission,
  reader: ChecklistReader,
  finished: boolean,
): SectionBlock {
  const done = item.doneAt !== null;
  const label = escapeMrkdwn(truncate(item.label[reader.locale], MAX_LABEL));
  const role = tr(`onboarding.checklist.role.${item.owner}`);
  const details = [tr('onboarding.checklist.owner', { role, user: item.ownerId })];
  if (item.dueAt) {
    details.push(
      tr('onboarding.checklist.due', {
        date: formatCalendarDate(dueDayOf(item.dueAt, mission.checkin.timezone), reader.locale, 'short'),
      }),
    );
  }
  const row: SectionBlock = {
    type: 'section',
    block_id: itemBlockId(item._id.toString(), done),
    text: { type: 'mrkdwn', text: `${done ? '✅' : '⬜'} *${label}*\n${details.join(' · ')}` },
  };
  // The other side's items are shown for follow-up; only the manager's copy may confirm them.
  if (!finished && readerCanToggle(reader.side, item)) row.accessory = toggleButton(tr, item, done);
  return row;
}

function toggleButton(tr: Translate, item: OnboardingItem, done: boolean): Button {
  const button: Button = {
    type: 'button',
    action_id: TOGGLE_ITEM,
    value: item._id.toString(),
    text: {
      type: 'plain_text',
      text: tr(done ? 'onboarding.checklist.reopen' : 'onboarding.checklist.markDone'),
    },
  };
  if (!done) button.style = 'primary';
  return button;
}
