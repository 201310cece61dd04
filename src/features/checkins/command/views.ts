import type { Translate } from '../../../i18n/index.js';
import { type OutgoingMessage, textMessage } from '../../../slack/gateway.js';
import { escapeMrkdwn, truncate } from '../../../slack/mrkdwn.js';

/** `/checkin help`, with a first line when the subcommand was not understood. */
export function checkinHelp(tr: Translate, unknown?: string): OutgoingMessage {
  const lines = [tr('checkins.help.title'), tr('checkins.help.body')];
  if (unknown !== undefined)
    lines.unshift(tr('checkins.help.unknown', { sub: escapeMrkdwn(truncate(unknown, 40)) }));
  return textMessage(lines.join('\n'));
}

/** A pause date the command could not read. */
export function badDateMessage(tr: Translate, raw: string): OutgoingMessage {
  return textMessage(tr('checkins.pause.badDate', { date: escapeMrkdwn(truncate(raw, 40)) }));
}
