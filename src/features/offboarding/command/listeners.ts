import type { App } from '@slack/bolt';
import { AppError } from '../../../errors.js';
import type { CommandArgs } from '../../../slack/listener-args.js';
import type { OffboardingDeps } from '../deps.js';
import { MISSION_END } from '../ids.js';
import { clickerTr } from '../start/listeners.js';
import { startOffboarding } from '../start/service.js';
import { findEndable, mayEndAny } from './service.js';
import { nothingToEndText, pickerMessage } from './views.js';

/** `/mission-end [mission]`: one mission found starts at once, several get a picker, none says why. */
export function registerMissionEndCommand(app: App, deps: OffboardingDeps): void {
  app.command(MISSION_END, async ({ ack, command, respond }: CommandArgs) => {
    await ack();
    const tr = await clickerTr(deps, command.user_id);
    const say = (text: string) => respond({ response_type: 'ephemeral', text });
    try {
      if (!(await mayEndAny(deps, command.user_id)))
        return void (await say(tr('offboarding.error.forbidden')));
      const result = await findEndable(deps, command.user_id, command.text);
      if (result.kind !== 'found') return void (await say(nothingToEndText(tr, result, command.text)));
      const [only] = result.missions;
      if (only && result.missions.length === 1) {
        const outcome = await startOffboarding(deps, command.user_id, String(only._id));
        return void (await say(
          tr(outcome === 'started' ? 'offboarding.started' : 'offboarding.alreadyStarted'),
        ));
      }
      const locale = await deps.users.localeWithin(command.user_id, deps.config.defaultLocale, 1_000);
      await respond({ response_type: 'ephemeral', ...pickerMessage(tr, result.missions, locale) });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      await say(tr(err.messageKey));
    }
  });
}
