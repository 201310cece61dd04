import type { Deps } from '../../deps.js';
import type { Feature } from '../feature.js';
import { registerHelpListeners } from './listeners.js';

/** The `/passerelle` command: help, and the preference subcommands (mute, snooze, settings). */
export function createHelpFeature(deps: Deps): Feature {
  return { name: 'help', listeners: (app) => registerHelpListeners(app, deps) };
}
