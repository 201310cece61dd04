import type { Locale } from '../../../config.js';
import { formatCalendarDate, formatDate, translator } from '../../../i18n/index.js';
import type { OutgoingMessage } from '../../../slack/gateway.js';
import { escapeMrkdwn, truncate } from '../../../slack/mrkdwn.js';
import type { Mission } from '../../missions/index.js';
import { finishedLine } from '../checklist/views.js';
import { itemBlockId, TOGGLE_ITEM } from '../ids.js';
import type { OnboardingItem } from '../model.js';
import { dueDayOf } from '../rules.js';

// Labels come from editable templates: keep the reminder far below the 3000-char section limit.
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
        accessory: {
          type: 'button',
          action_id: TOGGLE_ITEM,
          value: item._id.toString(),
          style: 'primary',
          text: { type: 'plain_text', text: tr('onboarding.reminder.button') },
        },
      },
    ],
  };
}
