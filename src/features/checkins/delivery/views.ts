import type { KnownBlock } from '@slack/types';
import { formatDate, translator } from '../../../i18n/index.js';
import type { OutgoingMessage } from '../../../slack/gateway.js';
import { escapeMrkdwn, truncate } from '../../../slack/mrkdwn.js';
import { openCheckinButton } from '../answers/views.js';
import type { Checkin } from '../model.js';

const MAX_TITLE = 120;

/** What the weekly DM and its reminder show of a check-in. */
export type DeliveredCheckin = Pick<Checkin, '_id' | 'title' | 'locale' | 'zone' | 'dueAt'>;

/** The actions block with the button that opens the check-in modal. */
export function answerButton(c: DeliveredCheckin, label: string): KnownBlock {
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

/** The weekly DM once its week closed without an answer: what it asked, and no button any more. */
export function missedMessage(c: DeliveredCheckin): OutgoingMessage {
  const tr = translator(c.locale);
  const asked = checkinMessage(c);
  const blocks = (asked.blocks ?? []).filter((b) => b.type !== 'actions');
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: tr('checkins.dm.missed') }] });
  return { text: asked.text, blocks };
}
