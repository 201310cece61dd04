import type { Deps } from '../../deps.js';

/** What the check-ins feature uses of the app's dependencies (the scheduler for its follow-up jobs). */
export type CheckinsDeps = Pick<
  Deps,
  'config' | 'logger' | 'clock' | 'db' | 'gateway' | 'dispatcher' | 'users' | 'scheduler'
>;
