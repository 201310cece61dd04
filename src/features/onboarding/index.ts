import type { Deps } from '../../deps.js';
import type { Feature } from '../feature.js';
import { REMINDER_JOB } from './ids.js';
import { sendItemReminder } from './jobs.js';
import { registerOnboardingListeners } from './listeners.js';

export type * from './contract.js';
export { TOGGLE_ITEM } from './ids.js';
export { itemsOf, listTemplates, openItemsOf, progressOf, startOnboarding } from './service.js';

/** The onboarding feature: checklist templates, item toggles, reminders of overdue items. */
export function createOnboardingFeature(deps: Deps): Feature {
  return {
    name: 'onboarding',
    listeners: (app) => registerOnboardingListeners(app, deps),
    jobs: { [REMINDER_JOB]: (payload, ctx) => sendItemReminder(deps, payload, ctx) },
  };
}
