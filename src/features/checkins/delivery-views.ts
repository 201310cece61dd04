import type { Button, KnownBlock } from '@slack/types';
import { formatDate, formatDateTime, translator } from '../../i18n/index.js';
import type { OutgoingMessage } from '../../slack/gateway.js';
import { escapeMrkdwn, truncate } from '../../slack/mrkdwn.js';
import { OPEN_CHECKIN } from './ids.js';
import type { Checkin } from './model.js';

const MAX_TITLE = 120;

type DeliveredCheckin = Pick<Checkin, '_id' | 'title' | 'locale' | 'zone' | 'dueAt'>;

/** The button that opens a check-in's modal (from its DM, the answered DM and the Home). */
export function openCheckinButton(checkinId: string, label: string, style?: 'primary'): Button {
  return {
    type: 'button',
    action_id: OPEN_CHECKIN,
    value: checkinId,
    ...(style ? { style } : {}),
    text: { type: 'plain_text', text: label },
  };
}

function answerButton(c: DeliveredCheckin, label: string): KnownBlock {
  return {
    type: 'actions',
    block_id: 'checkin.open',
    elements: [openCheckinButton(c._id.toString(), label, 'primary')],
  };
}

/** The weekly DM: a short summary and the button that opens the check-in modal. */
export function checkinMessage(c: DeliveredCheckin): OutgoingMessage {
  const tr = translator(c.locale);
  const title = escapeMrkdwn(truncate(c.title, MAX_TITLE));
  return {
    text: tr('checkins.dm.fallback', { title }),
    blocks: [
      {
        type: 'header',
        text: { type: 'plain_text', text: tr('checkins.dm.header', { title: truncate(c.title, MAX_TITLE) }) },
      },
      { type: 'section', text: { type: 'mrkdwn', text: tr('checkins.dm.text', { title }) } },
      {
        type: 'context',
        elements: [
          { type: 'mrkdwn', text: tr('checkins.dm.week', { date: formatDate(c.dueAt, c.locale, c.zone) }) },
        ],
      },
      answerButton(c, tr('checkins.dm.button')),
    ],
  };
}

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
