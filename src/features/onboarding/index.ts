import type { Deps } from '../../deps.js';
import type { Feature } from '../feature.js';
import { REMINDER_JOB } from './ids.js';
import { sendItemReminder } from './reminders/jobs.js';
import { registerOnboardingListeners } from './toggle/listeners.js';

export { itemsOf, listTemplates, openItemsOf, progressOf, startOnboarding } from './checklist/service.js';
export type * from './contract.js';
export { TOGGLE_ITEM } from './ids.js';

/** The onboarding feature: checklist templates, item toggles, reminders of overdue items. */
export function createOnboardingFeature(deps: Deps): Feature {
  return {
    name: 'onboarding',
    listeners: (app) => registerOnboardingListeners(app, deps),
    jobs: { [REMINDER_JOB]: (payload, ctx) => sendItemReminder(deps, payload, ctx.now) },
  };
}
