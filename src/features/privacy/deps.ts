import type { Deps } from '../../deps.js';
import type { PersonalData } from '../feature.js';

/** One feature's personal data, named (the export groups records by feature). */
export interface NamedPersonalData {
  feature: string;
  data: PersonalData;
}

/**
 * What the privacy feature uses: the app's dependencies, and every feature's personal data (read
 * when a request runs: the features are built after this one, in src/features/index.ts).
 */
export type PrivacyDeps = Pick<
  Deps,
  'config' | 'logger' | 'clock' | 'db' | 'gateway' | 'dispatcher' | 'users' | 'scheduler'
> & {
  personalData: () => readonly NamedPersonalData[];
};
