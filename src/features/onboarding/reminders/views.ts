import type { Locale } from '../../../config.js';
import { formatCalendarDate, formatDate, translator } from '../../../i18n/index.js';
import { button } from '../../../slack/blocks.js';
import type { OutgoingMessage } from '../../../slack/gateway.js';
import { escapeMrkdwn, truncate } from '../../../slack/mrkdwn.js';
import type { Reader } from '../../../slack/reader.js';
import type { ListedMission, Mission } from '../../missions/index.js';
import type { DigestEntry } from '../../reminders/index.js';
import { finishedLine } from '../checklist/views.js';
import { itemBlockId, TOGGLE_ITEM } from '../ids.js';
import type { OnboardingItem } from '../model.js';
import { dueDayOf } from '../rules.js';

// Labels come from editable templates: keep each line far below the 3000-char section limit.
const MAX_LABEL = 300;

/**
 * The one reminder for an overdue item, with a button that ticks it while the item is open and the
 * mission runs; then what became of it ("Done on …", "Mission closed on …") instead of the button.
 */
export function reminderMessage(
  item: OnboardingItem,
  mission: Mission,
  locale: Locale,
  zone: string,
): OutgoingMessage {
  const tr = translator(locale);
  const text = tr('onboarding.reminder.text', {
    title: escapeMrkdwn(mission.title),
    label: escapeMrkdwn(truncate(item.label[locale], MAX_LABEL)),
    date: item.dueAt
      ? formatCalendarDate(dueDayOf(item.dueAt, mission.checkin.timezone), locale, 'short')
      : '—',
  });
  const end = finishedLine(tr, mission, { locale, zone });
  const doneLine = item.doneAt
    ? tr('onboarding.reminder.done', { date: formatDate(item.doneAt, locale, zone) })
    : null;
  if (doneLine || end)
    return {
      text,
      blocks: [
        { type: 'section', text: { type: 'mrkdwn', text } },
        {
          type: 'context',
          elements: [{ type: 'mrkdwn', text: [doneLine, end].filter(Boolean).join(' · ') }],
        },
      ],
    };
  return {
    text,
    blocks: [
      {
        type: 'section',
        block_id: itemBlockId(item._id.toString(), false),
        text: { type: 'mrkdwn', text },
        accessory: button(tr('onboarding.reminder.button'), TOGGLE_ITEM, item._id.toString(), 'primary'),
      },
    ],
  };
}

/**
 * An overdue item in a reminder digest, with the checklist's own toggle button: its block_id says
 * "open" as the reader saw it, so a click on a stale digest never reopens a ticked item.
 */
export function digestEntry(
  item: OnboardingItem,
  mission: Pick<ListedMission, 'title' | 'status' | 'checkin'> | undefined,
  reader: Pick<Reader, 'locale' | 'zone'>,
): DigestEntry {
  const tr = translator(reader.locale);
  const label = escapeMrkdwn(truncate(item.label[reader.locale], MAX_LABEL));
  const text = item.dueAt
    ? tr('onboarding.digest.item', {
        label,
        // A due day is a calendar day of the mission's zone, the same for every reader.
        date: formatCalendarDate(
          dueDayOf(item.dueAt, mission?.checkin.timezone ?? reader.zone),
          reader.locale,
          'short',
        ),
      })
    : `*${label}*`;
  const id = item._id.toString();
  return {
    missionId: item.missionId.toString(),
    missionTitle: mission?.title ?? '',
    order: item.index,
    text,
    blockId: itemBlockId(id, item.done),
    done: item.done,
    ...(mission?.status === 'onboarding'
      ? { button: button(tr('onboarding.reminder.button'), TOGGLE_ITEM, id, 'primary') }
      : {}),
  };
}
