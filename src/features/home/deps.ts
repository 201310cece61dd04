import type { Deps } from '../../deps.js';

/** What the Home and `/missions` use of the app's dependencies (they read; they write nothing). */
export type HomeDeps = Pick<Deps, 'config' | 'logger' | 'clock' | 'db' | 'gateway' | 'users'>;
