import type { Locale } from '../../../config.js';
import { translator } from '../../../i18n/index.js';
import type { OutgoingMessage } from '../../../slack/gateway.js';
import { escapeMrkdwn } from '../../../slack/mrkdwn.js';
import type { Mission } from '../../missions/index.js';

/** The notice both sides get when the last item is ticked. */
export function completionMessage(mission: Mission, locale: Locale, days: number): OutgoingMessage {
  const text = translator(locale)('onboarding.complete', { title: escapeMrkdwn(mission.title), count: days });
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}
