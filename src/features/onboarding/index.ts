import type { Feature } from '../feature.js';
import { registerOnboardingJobs } from './jobs.js';
import { registerOnboardingListeners } from './listeners.js';

export type * from './contract.js';
export { TOGGLE_ITEM } from './ids.js';
export { itemsOf, listTemplates, openItemsOf, progressOf, startOnboarding } from './service.js';

/** The onboarding feature: checklist templates, item toggles, reminders of overdue items. */
export const onboardingFeature: Feature = {
  name: 'onboarding',
  register: registerOnboardingListeners,
  registerJobs: registerOnboardingJobs,
};
