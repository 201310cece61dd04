import type { Deps } from '../../deps.js';
import type { OutgoingMessage } from '../../slack/gateway.js';

/**
 * A `/passerelle` subcommand another feature answers (preferences: mute, snooze, settings…):
 * `match` returns how to run it when the words are its own. It is acked at once and answered
 * through `respond` once done (nothing is sent when it resolves with nothing: it opened a modal).
 */
export interface Subcommand {
  match(
    words: readonly string[],
  ): ((userId: string, context: SubcommandContext) => Promise<OutgoingMessage | undefined>) | undefined;
}

/** What a subcommand may use of the command besides its caller: its trigger_id (to open a modal). */
export interface SubcommandContext {
  triggerId: string;
}

/** What help uses: the user directory and config for the locale, and the other features' subcommands. */
export type HelpDeps = Pick<Deps, 'config' | 'users'> & { subcommands: readonly Subcommand[] };
