import type { Feature } from '../feature.js';
import type { AnalyticsDeps } from './deps.js';

export type { AnalyticsDeps } from './deps.js';

/**
 * Analytics (PRODUCT.md flow 8): the figures of every rollup source kept summed per workspace × day,
 * manager × day and mission (rollups/), `/mission-stats`, the admin Home summary and the CSV export.
 */
export function createAnalyticsFeature(_deps: AnalyticsDeps): Feature {
  return { name: 'analytics' };
}
