import type { Locale } from '../../../config.js';
import { t } from '../../../i18n/index.js';
import type { OutgoingMessage } from '../../../slack/gateway.js';
import { titleOf } from '../views.js';
import type { AnswerOutcome } from './service.js';

/** The ephemeral confirmation of an answer, in the person's language. */
export function answerConfirmation(outcome: AnswerOutcome, locale: Locale): OutgoingMessage {
  if (outcome.kind === 'notFound' || outcome.kind === 'stale') return { text: t(locale, 'error.notFound') };
  const title = titleOf(outcome.event);
  switch (outcome.kind) {
    case 'waitlisted':
      return { text: t(locale, 'community.answer.waitlisted', { title, position: outcome.position }) };
    case 'closed':
      return { text: t(locale, 'community.answer.closed', { title }) };
    case 'cancelled':
      return { text: t(locale, 'community.answer.cancelled', { title }) };
    default:
      return { text: t(locale, `community.answer.${outcome.kind}`, { title }) };
  }
}
