import type { Deps } from '../../deps.js';
import type { ReminderSource } from './source.js';

/** What the reminders feature uses: the sending parts, and the sources handed over by features/index.ts. */
export type RemindersDeps = Pick<
  Deps,
  'config' | 'logger' | 'clock' | 'db' | 'gateway' | 'dispatcher' | 'users' | 'scheduler' | 'events'
> & { sources: () => readonly ReminderSource[] };
