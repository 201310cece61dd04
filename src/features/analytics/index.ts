import type { Connection } from 'mongoose';
import type { Clock } from '../../clock.js';
import type { Feature } from '../feature.js';
import { personHasher } from '../privacy/index.js';
import type { AnalyticsDeps } from './deps.js';
import { analyticsJobs } from './jobs.js';
import { registerAnalyticsListeners } from './listeners.js';
import { applyRollups } from './rollups/applier.js';
import { type RebuildReport, rebuildRollups } from './rollups/rebuild.js';

export type { AnalyticsDeps } from './deps.js';
export type { RebuildReport } from './rollups/rebuild.js';
export { adminStatsHome } from './summary/service.js';

/**
 * Analytics (PRODUCT.md flow 8): the figures of every rollup source kept summed per workspace × day,
 * manager × day and mission (rollups/), `/mission-stats`, the admin Home summary and the CSV export.
 */
export function createAnalyticsFeature(deps: AnalyticsDeps): Feature {
  return {
    name: 'analytics',
    listeners: (app) => registerAnalyticsListeners(app, deps),
    jobs: analyticsJobs(deps),
    workers: {
      'analytics.rollups': (_now, signal) => applyRollups(deps, () => deps.clock.now(), signal),
    },
  };
}

/**
 * `npm run jobs -- rebuild-stats`: every rollup document recomputed from the raw records of the
 * features' sources. Waits (polling once a second) for a running applier to let go.
 */
export function rebuildStats(
  db: Connection,
  features: readonly Feature[],
  clock: Clock,
): Promise<RebuildReport> {
  return rebuildRollups(
    { db, sources: () => features.flatMap((f) => f.rollupSources ?? []), personHash: () => personHasher(db) },
    () => clock.now(),
    () => new Promise((resolve) => setTimeout(resolve, 1_000)),
  );
}
