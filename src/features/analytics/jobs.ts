import type { JobHandler } from '../../scheduler/runner.js';
import type { AnalyticsDeps } from './deps.js';
import { runStatsExport } from './export/service.js';
import { EXPORT_JOB } from './ids.js';

/** The CSV export job (durable: retried, taken over after a crash). */
export function analyticsJobs(deps: AnalyticsDeps): Record<string, JobHandler> {
  return { [EXPORT_JOB]: (payload, ctx) => runStatsExport(deps, payload, ctx) };
}
