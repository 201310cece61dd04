import type { DomainEvents } from '../../events.js';
import type { JobHandler } from '../../scheduler/runner.js';
import type { PrivacyDeps } from './deps.js';
import { ERASE_JOB, EXPORT_JOB } from './ids.js';
import { requestErasure, runErasure, runExport } from './service.js';

/** The export and erasure jobs (durable: retried, taken over after a crash). */
export function privacyJobs(deps: PrivacyDeps): Record<string, JobHandler> {
  return {
    [EXPORT_JOB]: (payload, ctx) => runExport(deps, payload, ctx),
    [ERASE_JOB]: (payload, ctx) => runErasure(deps, payload, ctx),
  };
}

/** Slack erased an account (`user_change` with `is_forgotten`): Passerelle erases the person at once. */
export function subscribePrivacy(deps: PrivacyDeps, events: DomainEvents): void {
  events.on('user.changed', async ({ userId, forgotten }) => {
    if (forgotten) await requestErasure(deps, { userId, by: 'slack', requestedBy: null }, 'forgotten');
  });
}
