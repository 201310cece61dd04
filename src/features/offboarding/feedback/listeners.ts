import type { App, BlockAction } from '@slack/bolt';
import { AppError } from '../../../errors.js';
import { textMessage } from '../../../slack/gateway.js';
import type { ActionArgs, ViewArgs } from '../../../slack/listener-args.js';
import { translatedErrors } from '../../../slack/view-state.js';
import type { OffboardingDeps } from '../deps.js';
import { FEEDBACK_MODAL, field, OPEN_FEEDBACK } from '../ids.js';
import { parseFeedback, parseMetadata, rawState } from '../input.js';
import { answering, clickedId, clickerTr } from '../start/listeners.js';
import { feedbackToGive, giveFeedback } from './service.js';
import { feedbackModal } from './views.js';

/** The freelancer's feedback: the button (DM, reminder, Home) and the modal. */
export function registerFeedbackListeners(app: App, deps: OffboardingDeps): void {
  app.action<BlockAction>(OPEN_FEEDBACK, async (args: ActionArgs) => {
    await args.ack();
    await answering(deps, args, async (tr) => {
      const id = clickedId(args.body);
      if (!id) return 'offboarding.error.notFound';
      const mission = await feedbackToGive(deps, args.body.user.id, id);
      await deps.gateway.openModal(args.body.trigger_id, feedbackModal(tr, mission));
      return undefined;
    });
  });

  app.view(FEEDBACK_MODAL, async ({ ack, body, view }: ViewArgs) => {
    const userId = body.user.id;
    const tr = await clickerTr(deps, userId);
    const meta = parseMetadata(view.private_metadata);
    const state = rawState.safeParse(view.state.values);
    if (!meta || !state.success)
      return void (await ack({
        response_action: 'errors',
        errors: { [field.overall]: tr('offboarding.error.field') },
      }));
    const form = parseFeedback(state.data);
    if (!form.ok)
      return void (await ack({ response_action: 'errors', errors: translatedErrors(form.errors, tr) }));
    try {
      await feedbackToGive(deps, userId, meta.id);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      return void (await ack({ response_action: 'errors', errors: { [field.overall]: tr(err.messageKey) } }));
    }
    await ack();
    try {
      await giveFeedback(deps, userId, meta.id, form.value);
      await deps.gateway.sendDm(userId, textMessage(tr('offboarding.feedback.thanks')));
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      await deps.gateway.sendDm(userId, textMessage(tr(err.messageKey)));
    }
  });
}
