import type { AllMiddlewareArgs, App, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../deps.js';
import { translator } from '../../i18n/index.js';
import { escapeMrkdwn, truncate } from '../../slack/mrkdwn.js';
import { commandHelp } from './commands.js';
import { helpMessage } from './views.js';

type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/**
 * `/passerelle [help|…]` answers inside the ack: one round trip, nothing to do afterwards. The
 * locale lookup is cached and capped (`localeWithin`) so the ack always beats Slack's 3 s.
 */
export function registerHelpListeners(app: App, deps: Deps): void {
  app.command('/passerelle', async ({ ack, command }: CommandArgs) => {
    const sub = command.text.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
    const locale = await deps.users.localeWithin(command.user_id, deps.config.defaultLocale, 1_500);
    const unknown = sub === '' || sub === 'help' ? undefined : escapeMrkdwn(truncate(sub, 40));
    await ack({ response_type: 'ephemeral', ...helpMessage(translator(locale), commandHelp, unknown) });
  });
}
