import type { Feature } from '../feature.js';
import { registerHelpListeners } from './listeners.js';

/** The `/passerelle` command: help, and the preference subcommands (mute, snooze, settings). */
export const helpFeature: Feature = {
  name: 'help',
  register: registerHelpListeners,
};
