import type { App } from '@slack/bolt';
import { type MessageKey, translator } from '../../../i18n/index.js';
import type { OutgoingMessage } from '../../../slack/gateway.js';
import { type ActionArgs, answerClicker, type ViewArgs } from '../../../slack/listener-args.js';
import { type Reader, readerOf } from '../../../slack/reader.js';
import { translatedErrors, viewState } from '../../../slack/view-state.js';
import type { CheckinsDeps } from '../deps.js';
import { loadQuestions } from '../questions/service.js';
import { CHECKIN_VIEW, field, OPEN_CHECKIN } from './ids.js';
import { parseAnswerForm, parseCheckinId } from './input.js';
import { checkSubmission, type OpenOutcome, openCheckin, submitAnswer } from './service.js';
import { nothingToAnswerMessage } from './views.js';

/** Profile look-ups inside the 3-second window wait this long at most, then use the defaults. */
export const LOOKUP_MS = 1_000;

/** The check-in DM's button and the modal's submission. */
export function registerAnswerListeners(app: App, deps: CheckinsDeps): void {
  app.action(
    { type: 'block_actions', action_id: OPEN_CHECKIN },
    async ({ ack, body, action, respond }: ActionArgs) => {
      await ack();
      if (action.type !== 'button') return;
      const userId = body.user.id;
      const reader = await readerOf(deps, userId, LOOKUP_MS);
      let answer: OutgoingMessage | null;
      try {
        answer = await showModal(
          deps,
          body.trigger_id,
          reader,
          await openCheckin(deps, userId, action.value ?? '', reader.locale),
        );
      } catch (err) {
        deps.logger.error('opening a check-in failed', { userId, error: String(err) });
        answer = { text: translator(reader.locale)('error.unexpected') };
      }
      if (answer) await answerClicker(deps.gateway, { body, respond }, answer);
    },
  );

  app.view(CHECKIN_VIEW, async ({ ack, body, view }: ViewArgs) => {
    const userId = body.user.id;
    const checkinId = parseCheckinId(view.private_metadata);
    // Everything the answer to Slack needs, at once: it must come within 3 seconds.
    const [locale, questions, refusal] = await Promise.all([
      deps.users.localeWithin(userId, deps.config.defaultLocale, LOOKUP_MS),
      loadQuestions(deps.db),
      checkinId ? checkSubmission(deps, userId, checkinId) : null,
    ]);
    const tr = translator(locale);
    const errorOn = (key: MessageKey) =>
      ack({ response_action: 'errors', errors: { [field.score]: tr(key) } });
    const state = viewState.safeParse(view.state.values);
    if (!checkinId || !state.success) return errorOn('checkins.error.invalid');
    const parsed = parseAnswerForm(state.data, questions);
    if (!parsed.ok) {
      return ack({ response_action: 'errors', errors: translatedErrors(parsed.errors, tr) });
    }
    if (refusal) return errorOn(refusal);
    await ack();
    try {
      const outcome = await submitAnswer(deps, { userId, checkinId, answer: parsed.answer });
      // Closed between the check and the store (rare): the modal is gone, so say it in a DM.
      if (outcome.kind === 'refused') await deps.gateway.sendDm(userId, { text: tr(outcome.reason) });
    } catch (err) {
      // The error's kind only: a database error message may quote the answer, which is never logged.
      const { name, code } = err as { name?: string; code?: unknown };
      deps.logger.error('storing a check-in answer failed', { checkinId, error: name, code });
      await deps.gateway.sendDm(userId, { text: tr('error.unexpected') }).catch(() => {});
    }
  });
}

/** Opens the modal, or returns what to tell the user instead. */
export async function showModal(
  deps: CheckinsDeps,
  triggerId: string,
  reader: Reader,
  outcome: OpenOutcome,
): Promise<OutgoingMessage | null> {
  const tr = translator(reader.locale);
  if (outcome.kind === 'open') {
    await deps.gateway.openModal(triggerId, outcome.view);
    return null;
  }
  if (outcome.kind === 'refused') return { text: tr(outcome.reason) };
  return nothingToAnswerMessage(tr, reader.locale, reader.zone, outcome.info);
}
