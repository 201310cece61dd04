import { DateTime } from 'luxon';
import { claimOnce } from '../../../scheduler/once.js';
import type { Pass } from '../../../scheduler/scheduler.js';
import type { CheckinsDeps } from '../deps.js';
import { RETENTION_MARK } from './ids.js';
import { clearOldAnswerText } from './repository.js';

/**
 * Retention, once a day across all instances: the free text of answers older than
 * `CHECKIN_TEXT_RETENTION_MONTHS` is removed; scores stay.
 */
export function retentionPasses(deps: CheckinsDeps): Record<string, Pass> {
  return {
    'checkins.retention': async (now) => {
      const day = DateTime.fromJSDate(now, { zone: 'utc' });
      if (!(await claimOnce(deps.db, `${RETENTION_MARK}:${day.toISODate()}`, now))) return undefined;
      const cutoff = day.minus({ months: deps.config.checkinTextRetentionMonths }).toJSDate();
      const cleared = await clearOldAnswerText(deps.db, cutoff);
      return cleared ? `${cleared} answer(s) past retention: free text removed` : undefined;
    },
  };
}
