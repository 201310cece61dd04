import type { Feature } from '../feature.js';
import type { MissionOnboarding } from '../missions/index.js';
import { listTemplates, startOnboarding } from './checklist/service.js';
import type { OnboardingDeps } from './deps.js';
import { REFRESH_JOB, REMINDER_JOB } from './ids.js';
import { queueOnboardingRefresh, refreshOnboardingMessages } from './messages/service.js';
import { onboardingPersonalData } from './personal-data/service.js';
import { planLegacyReminder } from './reminders/jobs.js';
import { registerOnboardingListeners } from './toggle/listeners.js';

export { listTemplates, startOnboarding } from './checklist/service.js';
export type { OnboardingDeps } from './deps.js';
export { itemBlockId, TOGGLE_ITEM } from './ids.js';
export type { ChecklistItemView, ItemOwner, Progress, TemplateChoice } from './model.js';
export {
  itemsOf,
  itemView,
  onboardingOf,
  openItemsAmong,
  openItemsOf,
  progressOf,
  type RowOnboarding,
} from './overview/service.js';
export { onboardingReminders } from './reminders/source.js';

/** The onboarding feature: checklist templates, item toggles, reminders of overdue items. */
export function createOnboardingFeature(deps: OnboardingDeps): Feature {
  return {
    name: 'onboarding',
    listeners: (app) => registerOnboardingListeners(app, deps),
    jobs: {
      [REMINDER_JOB]: (payload, ctx) => planLegacyReminder(deps, payload, ctx),
      [REFRESH_JOB]: (payload) => refreshOnboardingMessages(deps, payload),
    },
    subscriptions(events) {
      // Every change of a mission (a tick, closed, cancelled, a new manager) rewrites the onboarding
      // messages sent about it: checklists of a finished mission and reminders of a done item lose their buttons.
      events.on('mission.changed', (e) => queueOnboardingRefresh(deps, e.missionId));
    },
    personalData: onboardingPersonalData(deps.db),
  };
}

/** What a mission start asks of onboarding: its templates, and the checklist of a new mission. */
export function missionOnboarding(deps: OnboardingDeps): MissionOnboarding {
  return {
    templates: (locale) => listTemplates(deps, locale),
    start: (mission) => startOnboarding(deps, mission),
  };
}
