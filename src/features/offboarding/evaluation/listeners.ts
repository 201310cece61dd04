import type { App, BlockAction } from '@slack/bolt';
import { AppError } from '../../../errors.js';
import { textMessage } from '../../../slack/gateway.js';
import type { ActionArgs, ViewArgs } from '../../../slack/listener-args.js';
import { translatedErrors } from '../../../slack/view-state.js';
import type { OffboardingDeps } from '../deps.js';
import { EVALUATION_MODAL, field, OPEN_EVALUATION } from '../ids.js';
import { parseEvaluation, parseMetadata, rawState } from '../input.js';
import { answering, clickedId, clickerTr } from '../start/listeners.js';
import { evaluationToGive, giveEvaluation } from './service.js';
import { evaluationModal } from './views.js';

/** The manager's evaluation: the button (DM, Home) and the modal. */
export function registerEvaluationListeners(app: App, deps: OffboardingDeps): void {
  app.action<BlockAction>(OPEN_EVALUATION, async (args: ActionArgs) => {
    await args.ack();
    await answering(deps, args, async (tr) => {
      const id = clickedId(args.body);
      if (!id) return 'offboarding.error.notFound';
      const mission = await evaluationToGive(deps, args.body.user.id, id);
      await deps.gateway.openModal(args.body.trigger_id, evaluationModal(tr, mission));
      return undefined;
    });
  });

  app.view(EVALUATION_MODAL, async ({ ack, body, view }: ViewArgs) => {
    const userId = body.user.id;
    const tr = await clickerTr(deps, userId);
    const meta = parseMetadata(view.private_metadata);
    const state = rawState.safeParse(view.state.values);
    if (!meta || !state.success)
      return void (await ack({
        response_action: 'errors',
        errors: { [field.rating]: tr('offboarding.error.field') },
      }));
    const form = parseEvaluation(state.data);
    if (!form.ok)
      return void (await ack({ response_action: 'errors', errors: translatedErrors(form.errors, tr) }));
    try {
      await evaluationToGive(deps, userId, meta.id);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      return void (await ack({ response_action: 'errors', errors: { [field.rating]: tr(err.messageKey) } }));
    }
    await ack();
    try {
      await giveEvaluation(deps, userId, meta.id, form.value);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      await deps.gateway.sendDm(userId, textMessage(tr(err.messageKey)));
    }
  });
}
