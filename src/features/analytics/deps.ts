import type { Deps } from '../../deps.js';
import type { RollupSource } from '../../rollups.js';
import type { PersonHash } from './rollups/keys.js';

/** What analytics uses: the app's dependencies, every feature's rollup sources, and how people are hashed. */
export interface AnalyticsDeps extends Deps {
  /** Every feature's rollup sources (read when the applier runs: all features are built by then). */
  sources: () => readonly RollupSource[];
  /** The person hash of privacy (the erasure pseudonym's), loaded once per use. */
  personHash: () => Promise<PersonHash>;
}
