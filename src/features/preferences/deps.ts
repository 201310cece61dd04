import type { Deps } from '../../deps.js';

/** What the preferences feature uses of the app's dependencies. */
export type PreferencesDeps = Pick<Deps, 'config' | 'clock' | 'db' | 'users'>;
