import type { AllMiddlewareArgs, App, BlockOverflowAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { AppError, ValidationError } from '../../../errors.js';
import { type MessageKey, type Translate, translator } from '../../../i18n/index.js';
import type { ViewArgs } from '../../../slack/listener-args.js';
import { inputValue, viewState } from '../../../slack/view-state.js';
import type { MissionsDeps } from '../deps.js';
import { ADMIN_MENU, type adminActions, CANCEL_MODAL, DATES_MODAL, field, REASSIGN_MODAL } from '../ids.js';
import { cancelMission, changeDates, missionForAdmin, reassignManager } from './service.js';
import { cancelModal, datesModal, noticeModal, reassignModal } from './views.js';

type OverflowArgs = SlackActionMiddlewareArgs<BlockOverflowAction> & AllMiddlewareArgs;

const menuValue = z.string().regex(/^(dates|reassign|cancel):[a-f0-9]{24}$/);
const adminMetadata = z.object({ v: z.literal(1), missionId: z.string().regex(/^[a-f0-9]{24}$/) });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** The reassign modal's users_select: a Slack user id, or an inline error before anything is stored. */
const managerInput = z.string().regex(/^[UW][A-Z0-9]{2,30}$/);

function missionIdOf(privateMetadata: string): string | undefined {
  try {
    const parsed = adminMetadata.safeParse(JSON.parse(privateMetadata));
    return parsed.success ? parsed.data.missionId : undefined;
  } catch {
    return undefined;
  }
}

/** The admin overflow menu of a mission and its three correction modals. */
export function registerMissionAdmin(app: App, deps: MissionsDeps): void {
  app.action<BlockOverflowAction>(ADMIN_MENU, async ({ ack, action, body, respond }: OverflowArgs) => {
    await ack();
    // Bolt matches on action_id only: a payload may carry another element under this id.
    if (action.type !== 'overflow') return;
    const tr = translator(await deps.users.localeOf(body.user.id, deps.config.defaultLocale));
    const value = menuValue.safeParse(action.selected_option?.value);
    if (!value.success) return;
    const [kind, missionId] = value.data.split(':') as [(typeof adminActions)[number], string];
    try {
      const mission = await missionForAdmin(deps, body.user.id, missionId);
      const modal =
        kind === 'dates'
          ? datesModal(mission, tr)
          : kind === 'reassign'
            ? reassignModal(mission, tr)
            : cancelModal(mission, tr);
      await deps.gateway.openModal(body.trigger_id, modal);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const text = tr(err.messageKey);
      if (body.response_url) await respond({ response_type: 'ephemeral', replace_original: false, text });
      else await deps.gateway.sendDm(body.user.id, { text });
    }
  });

  /**
   * Admin modal submissions: checks that can fail go into the ack (field errors, or the modal turned
   * into an explanation); the change and its notifications run after the ack, within Slack's 3 s.
   */
  const submission =
    (
      check: (state: z.infer<typeof viewState>) => Record<string, MessageKey>,
      apply: (adminId: string, missionId: string, state: z.infer<typeof viewState>) => Promise<unknown>,
    ) =>
    async ({ ack, body, view }: ViewArgs) => {
      const adminId = body.user.id;
      const tr: Translate = translator(
        await deps.users.localeWithin(adminId, deps.config.defaultLocale, 1_000),
      );
      const missionId = missionIdOf(view.private_metadata);
      const state = viewState.safeParse(view.state.values);
      try {
        if (!missionId || !state.success) throw new ValidationError('tampered view', {});
        await missionForAdmin(deps, adminId, missionId);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        await ack({ response_action: 'update', view: noticeModal(tr, tr(err.messageKey)) });
        return;
      }
      const errors = check(state.data);
      if (Object.keys(errors).length > 0) {
        await ack({
          response_action: 'errors',
          errors: Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, tr(v)])),
        });
        return;
      }
      await ack();
      try {
        await apply(adminId, missionId, state.data);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        await deps.gateway.sendDm(adminId, { text: tr(err.messageKey) });
      }
    };

  const datesOf = (state: z.infer<typeof viewState>) => ({
    start: isoDate.safeParse(inputValue(state, field.start)),
    end: isoDate.safeParse(inputValue(state, field.end)),
  });
  app.view(
    DATES_MODAL,
    submission(
      (state): Record<string, MessageKey> => {
        const { start, end } = datesOf(state);
        if (!start.success) return { [field.start]: 'missions.error.invalid' };
        if (!end.success) return { [field.end]: 'missions.error.invalid' };
        return end.data <= start.data ? { [field.end]: 'missions.error.endBeforeStart' } : {};
      },
      async (adminId, missionId, state) => {
        const { start, end } = datesOf(state);
        if (start.success && end.success) await changeDates(deps, adminId, missionId, start.data, end.data);
      },
    ),
  );
  app.view(
    REASSIGN_MODAL,
    submission(
      (state): Record<string, MessageKey> =>
        managerInput.safeParse(inputValue(state, field.manager)).success
          ? {}
          : { [field.manager]: 'missions.error.invalid' },
      async (adminId, missionId, state) => {
        const manager = managerInput.safeParse(inputValue(state, field.manager));
        if (manager.success) await reassignManager(deps, adminId, missionId, manager.data);
      },
    ),
  );
  app.view(
    CANCEL_MODAL,
    submission(
      () => ({}),
      async (adminId, missionId) => {
        await cancelMission(deps, adminId, missionId);
      },
    ),
  );
}
