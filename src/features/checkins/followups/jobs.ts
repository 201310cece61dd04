import type { JobHandler } from '../../../scheduler/runner.js';
import type { CheckinsDeps } from '../deps.js';
import { FOLLOWUP_JOB, sendFollowUp } from './service.js';

/** The durable job that sends one follow-up DM of an answer. */
export function followUpJobs(deps: CheckinsDeps): Record<string, JobHandler> {
  return { [FOLLOWUP_JOB]: (payload, ctx) => sendFollowUp(deps, payload, ctx.key) };
}
