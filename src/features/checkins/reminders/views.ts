import { formatDate, formatDateTime, translator } from '../../../i18n/index.js';
import type { OutgoingMessage } from '../../../slack/gateway.js';
import { escapeMrkdwn, truncate } from '../../../slack/mrkdwn.js';
import { answerButton, type DeliveredCheckin } from '../delivery/views.js';

const MAX_TITLE = 120;

/** The one reminder of an unanswered check-in. */
export function checkinReminderMessage(c: DeliveredCheckin, closesAt: Date): OutgoingMessage {
  const tr = translator(c.locale);
  const text = tr('checkins.reminder.text', {
    title: escapeMrkdwn(truncate(c.title, MAX_TITLE)),
    date: formatDate(c.dueAt, c.locale, c.zone),
  });
  return {
    text,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text } },
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: tr('checkins.reminder.closes', { date: formatDateTime(closesAt, c.locale, c.zone) }),
          },
        ],
      },
      answerButton(c, tr('checkins.dm.button')),
    ],
  };
}

/** The reminder once its week is settled (answered, or closed without an answer): no button any more. */
export function settledReminderMessage(c: DeliveredCheckin, outcome: 'answered' | 'missed'): OutgoingMessage {
  const tr = translator(c.locale);
  const text = tr('checkins.reminder.text', {
    title: escapeMrkdwn(truncate(c.title, MAX_TITLE)),
    date: formatDate(c.dueAt, c.locale, c.zone),
  });
  const line = tr(outcome === 'answered' ? 'checkins.reminder.answered' : 'checkins.dm.missed');
  return {
    text,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: line }] },
    ],
  };
}
