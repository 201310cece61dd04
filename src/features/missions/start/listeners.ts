import type { App } from '@slack/bolt';
import { translator } from '../../../i18n/index.js';
import type { CommandArgs, ViewArgs } from '../../../slack/listener-args.js';
import { translatedErrors, viewState } from '../../../slack/view-state.js';
import type { MissionStartDeps } from '../deps.js';
import { MISSION_MODAL } from '../ids.js';
import { parseMetadata, parseMissionForm } from './input.js';
import { openMissionStart, startMission, validateMission } from './service.js';

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

  app.view(MISSION_MODAL, async ({ ack, body, view }: ViewArgs) => {
    const managerId = body.user.id;
    const tr = translator(await deps.users.localeWithin(managerId, deps.config.defaultLocale, 1_000));
    const state = viewState.safeParse(view.state.values);
    if (!state.success) {
      await ack({ response_action: 'errors', errors: { title: tr('missions.error.invalid') } });
      return;
    }
    const parsed = parseMissionForm(state.data);
    if (!parsed.ok) {
      await ack({ response_action: 'errors', errors: translatedErrors(parsed.errors, tr) });
      return;
    }
    const errors = await validateMission(deps, parsed.form, managerId);
    if (Object.keys(errors).length > 0) {
      await ack({ response_action: 'errors', errors: translatedErrors(errors, tr) });
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
