import { DateTime } from 'luxon';
import type { Contribution, RollupSource, StatFigures } from '../../rollups.js';
import { type Mission, missionModel } from './model.js';

/**
 * What a mission adds to the analytics figures: started and its staffing time (start − need
 * expressed, in days) on its start day, and its onboarding completion time on the day the checklist
 * was completed (in `zone`). A cancelled mission adds nothing.
 */
export function missionContribution(m: Mission, zone: string): Contribution[] {
  if (m.status === 'cancelled') return [];
  const base = { managerId: m.managerId, missionId: String(m._id) };
  const started: StatFigures = { missionsStarted: 1 };
  if (m.needExpressedOn) {
    const days = DateTime.fromISO(m.startDate).diff(DateTime.fromISO(m.needExpressedOn), 'days').days;
    started.staffingDaysSum = Math.max(0, Math.round(days));
    started.staffingCount = 1;
  }
  const out: Contribution[] = [{ ...base, day: m.startDate, figures: started }];
  if (m.onboardingCompletedAt && m.onboardingDurationDays !== null) {
    const day = DateTime.fromJSDate(m.onboardingCompletedAt, { zone }).toISODate() ?? m.startDate;
    out.push({ ...base, day, figures: { onboardingDaysSum: m.onboardingDurationDays, onboardingCount: 1 } });
  }
  return out;
}

/** The missions as a rollup source (instants counted on their day in the workspace's zone). */
export function missionStats(zone: string): RollupSource {
  return {
    name: 'missions',
    model: missionModel,
    contributions: async (_conn, docs) => (docs as Mission[]).map((m) => missionContribution(m, zone)),
  };
}
