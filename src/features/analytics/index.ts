import type { Feature } from '../feature.js';
import type { AnalyticsDeps } from './deps.js';
import { analyticsJobs } from './jobs.js';
import { registerAnalyticsListeners } from './listeners.js';

export type { AnalyticsDeps } from './deps.js';
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
  };
}
