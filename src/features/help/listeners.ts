import type { App } from '@slack/bolt';
import { type Locale, locales } from '../../config.js';
import { translator } from '../../i18n/index.js';
import type { CommandArgs } from '../../slack/listener-args.js';
import { escapeMrkdwn, truncate } from '../../slack/mrkdwn.js';
import type { HelpDeps, Subcommand } from './deps.js';
import { commandHelp } from './ids.js';
import { helpMessage } from './views.js';

/**
 * `/passerelle`: other features' subcommands (preferences: mute, snooze, settings…) ack at once and
 * answer once done; help and unknown subcommands answer inside the ack (one round trip), with a cached and
 * capped locale lookup (`localeWithin`) so the ack always beats Slack's 3 s.
 */
export function registerHelpListeners(app: App, deps: HelpDeps): void {
  // The plain help depends only on the language: built once, not per request.
  const standardHelp = {} as Record<Locale, { response_type: 'ephemeral' } & ReturnType<typeof helpMessage>>;
  for (const l of locales)
    standardHelp[l] = { response_type: 'ephemeral', ...helpMessage(translator(l), commandHelp) };
  app.command('/passerelle', async ({ ack, command, respond }: CommandArgs) => {
    const words = command.text.trim().split(/\s+/).filter(Boolean);
    const sub = words[0]?.toLowerCase() ?? '';
    const run = matchSubcommand(deps.subcommands, words);
    if (run) {
      // Another feature's subcommand (a database write): ack at once, answer when it is done.
      await ack();
      const answer = await run(command.user_id, { triggerId: command.trigger_id });
      if (answer) await respond({ response_type: 'ephemeral', ...answer });
      return;
    }
    const locale = await deps.users.localeWithin(command.user_id, deps.config.defaultLocale, 1_500);
    if (sub === '' || sub === 'help') {
      await ack(standardHelp[locale]);
      return;
    }
    const unknown = escapeMrkdwn(truncate(sub, 40));
    await ack({ response_type: 'ephemeral', ...helpMessage(translator(locale), commandHelp, unknown) });
  });
}

function matchSubcommand(subcommands: readonly Subcommand[], words: readonly string[]) {
  for (const s of subcommands) {
    const run = s.match(words);
    if (run) return run;
  }
  return undefined;
}
