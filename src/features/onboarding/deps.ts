import type { Deps } from '../../deps.js';

/** What the onboarding feature uses of the app's dependencies (the scheduler for item reminders). */
export type OnboardingDeps = Pick<
  Deps,
  'config' | 'logger' | 'clock' | 'db' | 'gateway' | 'dispatcher' | 'users' | 'events' | 'scheduler'
>;
