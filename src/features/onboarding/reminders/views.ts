import type { Locale } from '../../../config.js';
import { formatCalendarDate, translator } from '../../../i18n/index.js';
import type { OutgoingMessage } from '../../../slack/gateway.js';
import { escapeMrkdwn, truncate } from '../../../slack/mrkdwn.js';
import type { Mission } from '../../missions/index.js';
import { itemBlockId, TOGGLE_ITEM } from '../ids.js';
import type { OnboardingItem } from '../model.js';
import { dueDayOf } from '../rules.js';

// Labels come from editable templates: keep the reminder far below the 3000-char section limit.
const MAX_LABEL = 300;

/** The one reminder for an overdue item, with a button that ticks it. */
export function reminderMessage(item: OnboardingItem, mission: Mission, locale: Locale): OutgoingMessage {
  const tr = translator(locale);
  const text = tr('onboarding.reminder.text', {
    title: escapeMrkdwn(mission.title),
    label: escapeMrkdwn(truncate(item.label[locale], MAX_LABEL)),
    date: item.dueAt
      ? formatCalendarDate(dueDayOf(item.dueAt, mission.checkin.timezone), locale, 'short')
      : '—',
  });
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
