import type { App, BlockAction, StaticSelectAction } from '@slack/bolt';
import { AppError, ValidationError } from '../../../errors.js';
import { type MessageKey, type Translate, translator } from '../../../i18n/index.js';
import { textMessage } from '../../../slack/gateway.js';
import { type ActionArgs, answerClicker, type ViewArgs } from '../../../slack/listener-args.js';
import { translatedErrors } from '../../../slack/view-state.js';
import type { OffboardingDeps } from '../deps.js';
import { CHANGE_END, END_DATE_MODAL, PICK_MISSION, START } from '../ids.js';
import { idValue, parseEndDate, parseMetadata, rawState } from '../input.js';
import { changeEndDate, offboardableMission, startOffboarding } from './service.js';
import { endDateModal } from './views.js';

/** The clicker's translator, without waiting on Slack more than a second (answers go inside 3 s). */
export async function clickerTr(deps: OffboardingDeps, userId: string): Promise<Translate> {
  return translator(await deps.users.localeWithin(userId, deps.config.defaultLocale, 1_000));
}

/** The value of the clicked button or select, as a checked id. */
export function clickedId(body: BlockAction): string | undefined {
  const action = body.actions[0] as { value?: string; selected_option?: { value?: string } } | undefined;
  const parsed = idValue.safeParse(action?.selected_option?.value ?? action?.value);
  return parsed.success ? parsed.data : undefined;
}

/** Runs a click's use case; a refusal (AppError) is said to the clicker, politely, in their language. */
export async function answering(
  deps: OffboardingDeps,
  args: Pick<ActionArgs, 'body' | 'respond'>,
  run: (tr: Translate) => Promise<MessageKey | undefined>,
): Promise<void> {
  const tr = await clickerTr(deps, args.body.user.id);
  let key: MessageKey | undefined;
  try {
    key = await run(tr);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    key = err.messageKey;
  }
  if (key) await answerClicker(deps.gateway, args, textMessage(tr(key)));
}

/** The start of an offboarding: `/mission-end`'s picker, the proposal's two buttons and the end-date modal. */
export function registerStartListeners(app: App, deps: OffboardingDeps): void {
  const start = async (args: ActionArgs) => {
    await args.ack();
    await answering(deps, args, async (tr) => {
      const id = clickedId(args.body);
      if (!id) return 'offboarding.error.notFound';
      const outcome = await startOffboarding(deps, args.body.user.id, id);
      // The proposal (or picker) it came from loses its buttons: nothing stale left to click.
      if (args.body.response_url) {
        const done = textMessage(tr('offboarding.proposal.done', { user: args.body.user.id }));
        await args.respond({ replace_original: true, ...done }).catch(() => {});
      }
      return outcome === 'started' ? 'offboarding.started' : 'offboarding.alreadyStarted';
    });
  };
  app.action<BlockAction>(START, start);
  app.action<BlockAction<StaticSelectAction>>(PICK_MISSION, start);

  app.action<BlockAction>(CHANGE_END, async (args: ActionArgs) => {
    await args.ack();
    await answering(deps, args, async (tr) => {
      const id = clickedId(args.body);
      if (!id) return 'offboarding.error.notFound';
      const mission = await offboardableMission(deps, args.body.user.id, id);
      await deps.gateway.openModal(args.body.trigger_id, endDateModal(tr, mission, { v: 1, id }));
      return undefined;
    });
  });

  app.view(END_DATE_MODAL, async ({ ack, body, view }: ViewArgs) => {
    const userId = body.user.id;
    const tr = await clickerTr(deps, userId);
    const meta = parseMetadata(view.private_metadata);
    const state = rawState.safeParse(view.state.values);
    const date = state.success ? parseEndDate(state.data) : undefined;
    if (!meta || !date)
      return void (await ack({
        response_action: 'errors',
        errors: { end_date: tr('offboarding.error.date') },
      }));
    if (!date.ok)
      return void (await ack({ response_action: 'errors', errors: translatedErrors(date.errors, tr) }));
    try {
      const mission = await offboardableMission(deps, userId, meta.id);
      if (date.value <= mission.startDate)
        return void (await ack({
          response_action: 'errors',
          errors: { end_date: tr('missions.error.endBeforeStart') },
        }));
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      return void (await ack({ response_action: 'errors', errors: { end_date: tr(err.messageKey) } }));
    }
    await ack();
    try {
      await changeEndDate(deps, userId, meta.id, date.value);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const key = err instanceof ValidationError ? 'missions.error.endBeforeStart' : err.messageKey;
      await deps.gateway.sendDm(userId, textMessage(tr(key)));
    }
  });
}
