import type { App } from '@slack/bolt';
import { z } from 'zod';
import { translator } from '../../../i18n/index.js';
import type { ActionArgs, CommandArgs, ViewArgs } from '../../../slack/listener-args.js';
import { translatedErrors, viewState } from '../../../slack/view-state.js';
import type { MissionStartDeps } from '../deps.js';
import { field, MISSION_MODAL, PICK_ALUMNUS } from '../ids.js';
import { errorsForBlocks, parseMetadata, parseMissionForm, withUsualFreelancerKey } from './input.js';
import { openMissionStart, refreshMissionModal, startMission, validateMission } from './service.js';

const userIdValue = z.string().regex(/^[UW][A-Z0-9]{2,30}$/);

/** A user mentioned in command text: `<@U123|name>` (escaped) or a bare `U123`. */
export function mentionedUser(text: string): string | undefined {
  return /<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/.exec(text)?.[1] ?? /^([UW][A-Z0-9]{6,})$/.exec(text.trim())?.[1];
}

/** `/mission-start [@freelancer]` and the submission of its modal. */
export function registerMissionStart(app: App, deps: MissionStartDeps): void {
  app.command('/mission-start', async ({ ack, command }: CommandArgs) => {
    const locale = await deps.users.localeWithin(command.user_id, deps.config.defaultLocale, 1_000);
    const tr = translator(locale);
    if (command.text.trim().toLowerCase() === 'help') {
      await ack({ response_type: 'ephemeral', text: tr('missions.help') });
      return;
    }
    await ack();
    const freelancerId = mentionedUser(command.text);
    await openMissionStart(deps, {
      triggerId: command.trigger_id,
      userId: command.user_id,
      channelId: command.channel_id,
      ...(freelancerId ? { prefill: { freelancerId } } : {}),
    });
  });

  // Skills typed (the input's dispatch_action) or an alumnus picked: the modal is updated in place.
  const refresh = async ({ ack, body }: ActionArgs, pick?: string) => {
    await ack();
    const view = body.view;
    const state = viewState.safeParse(view?.state?.values ?? {});
    if (!view || view.callback_id !== MISSION_MODAL || !state.success) return;
    await refreshMissionModal(deps, {
      viewId: view.id,
      hash: view.hash,
      userId: body.user.id,
      state: state.data,
      privateMetadata: view.private_metadata,
      ...(pick ? { pick } : {}),
    });
  };
  app.action(field.skills, (args: ActionArgs) => refresh(args));
  app.action(PICK_ALUMNUS, async (args: ActionArgs) => {
    const picked = userIdValue.safeParse('value' in args.action ? args.action.value : undefined);
    await refresh(args, picked.success ? picked.data : undefined);
  });

  app.view(MISSION_MODAL, async ({ ack, body, view }: ViewArgs) => {
    const managerId = body.user.id;
    const tr = translator(await deps.users.localeWithin(managerId, deps.config.defaultLocale, 1_000));
    const state = viewState.safeParse(view.state.values);
    if (!state.success) {
      await ack({ response_action: 'errors', errors: { title: tr('missions.error.invalid') } });
      return;
    }
    const parsed = parseMissionForm(withUsualFreelancerKey(state.data));
    if (!parsed.ok) {
      await ack({
        response_action: 'errors',
        errors: translatedErrors(errorsForBlocks(parsed.errors, state.data), tr),
      });
      return;
    }
    const errors = await validateMission(deps, parsed.form, managerId);
    if (Object.keys(errors).length > 0) {
      await ack({
        response_action: 'errors',
        errors: translatedErrors(errorsForBlocks(errors, state.data), tr),
      });
      return;
    }
    await ack();
    try {
      // view.id is the same for every delivery of this submission: the mission is created once.
      await startMission(deps, parsed.form, managerId, view.id, parseMetadata(view.private_metadata).follows);
    } catch (err) {
      deps.logger.error('mission start failed after the modal closed', err);
      await deps.gateway.sendDm(managerId, { text: tr('error.unexpected') }).catch(() => {});
    }
  });
}
