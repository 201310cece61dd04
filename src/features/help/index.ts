import type { Feature } from '../feature.js';
import type { HelpDeps } from './deps.js';
import { registerHelpListeners } from './listeners.js';

export type { HelpDeps, Subcommand, SubcommandContext } from './deps.js';

/** The `/passerelle` command: help, and the subcommands other features add (preferences). */
export function createHelpFeature(deps: HelpDeps): Feature {
  return { name: 'help', listeners: (app) => registerHelpListeners(app, deps) };
}
