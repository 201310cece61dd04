import type { Feature } from '../feature.js';
import { registerHelpListeners } from './listeners.js';

/** The help feature: `/passerelle help`. */
export const helpFeature: Feature = {
  name: 'help',
  register: registerHelpListeners,
};
