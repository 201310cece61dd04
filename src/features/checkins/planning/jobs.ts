import { DateTime } from 'luxon';
import type { DomainEvents } from '../../../events.js';
import { claimOnce } from '../../../scheduler/once.js';
import type { Pass } from '../../../scheduler/scheduler.js';
import type { CheckinsDeps } from '../deps.js';
import { PLAN_MARK } from './ids.js';
import { planAll, planMission } from './service.js';

/** Planning, once an hour across all instances: a short pass. */
export function planningPasses(deps: CheckinsDeps): Record<string, Pass> {
  return {
    'checkins.plan': async (now) => {
      const hour = DateTime.fromJSDate(now, { zone: 'utc' }).toFormat("yyyy-MM-dd'T'HH");
      if (!(await claimOnce(deps.db, `${PLAN_MARK}:${hour}`, now))) return undefined;
      const planned = await planAll(deps, now);
      return planned ? `${planned} planned` : undefined;
    },
  };
}

/** A mission whose schedule changed is re-planned at once. */
export function subscribePlanning(deps: CheckinsDeps, events: DomainEvents): void {
  events.on('mission.changed', async ({ missionId, schedule }) => {
    if (schedule) await planMission(deps, missionId, deps.clock.now());
  });
}
