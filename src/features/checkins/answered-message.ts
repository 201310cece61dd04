import type { KnownBlock } from '@slack/types';
import type { Locale } from '../../config.js';
import { formatDateTime, translator } from '../../i18n/index.js';
import type { OutgoingMessage } from '../../slack/gateway.js';
import { escapeMrkdwn, truncate } from '../../slack/mrkdwn.js';
import { openCheckinButton } from './delivery-views.js';
import type { Checkin, CheckinAnswer } from './model.js';

/**
 * The check-in DM once answered (it replaces the question in place): thanks, the score, who reads
 * it, and while the answer can still change, a button to edit it and until when.
 */
export function answeredMessage(
  c: Pick<Checkin, '_id' | 'title' | 'zone' | 'managerId'> & { answer: CheckinAnswer },
  locale: Locale,
  until: Date | null,
  now: Date,
): OutgoingMessage {
  const tr = translator(locale);
  const title = escapeMrkdwn(truncate(c.title, 120));
  const shared =
    c.answer.visibility === 'manager'
      ? tr('checkins.answered.sharedManager', { manager: c.managerId })
      : tr('checkins.answered.sharedHr');
  const text = tr('checkins.answered.text', { title, score: c.answer.score });
  const blocks: KnownBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: `${text}\n${shared}` } }];
  const editable = until === null || now < until;
  if (editable) {
    if (until) {
      const date = formatDateTime(until, locale, c.zone);
      blocks.push({
        type: 'context',
        elements: [{ type: 'mrkdwn', text: tr('checkins.answered.editableUntil', { date }) }],
      });
    }
    blocks.push({
      type: 'actions',
      block_id: 'checkin.edit',
      elements: [openCheckinButton(c._id.toString(), tr('checkins.answered.edit'))],
    });
  }
  return { text, blocks };
}
