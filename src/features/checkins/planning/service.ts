import type { Types } from 'mongoose';
import { calendarFor } from '../../../calendar/work-calendar.js';
import type { Config } from '../../../config.js';
import { eachMissionWithStatus, findMission, type Mission } from '../../missions/index.js';
import { laneOf } from '../delivery/repository.js';
import type { CheckinsDeps } from '../deps.js';
import {
  deleteUnsent,
  insertPlanned,
  type PlannedCheckin,
  plannedKey,
  plannedKeysFrom,
  refreshOpen,
  unsentOfMission,
} from './repository.js';
import { firstSlotFrom, type Slot, type SlotRule, slotsBetween } from './rules.js';

/** Check-ins are planned this far ahead, so that a slot exists (and can be claimed) when it is due. */
export const PLAN_HORIZON_MS = 8 * 24 * 3600_000;
/** After downtime, a check-in due less than this long ago is still sent; older ones are missed. */
export const CATCH_UP_MS = 12 * 3600_000;
const PLAN_PAGE = 500;

/** Missions that get weekly check-ins: from the start of onboarding to the end (onboarding done or not). */
const CHECKIN_STATUSES = ['onboarding', 'active', 'offboarding'] as const;

/** The mission's check-in rule, in the freelancer's calendar (zone, country, working days). */
export function ruleOf(m: Mission, config: Config): SlotRule {
  return {
    weekday: m.checkin.weekday,
    time: m.checkin.time,
    calendar: calendarFor({
      zone: m.checkin.timezone,
      country: m.checkin.country,
      workingDays: m.checkin.workingDays,
      fallbackCountry: config.defaultCountry,
    }),
    startDate: m.startDate,
    endDate: m.endDate,
  };
}

function planned(m: Mission, rule: SlotRule, slot: Slot, config: Config): PlannedCheckin {
  const next = firstSlotFrom(rule, new Date(slot.dueAt.getTime() + 1));
  const paused = m.checkin.pausedUntil !== null && slot.localDate <= m.checkin.pausedUntil;
  return {
    missionId: m._id,
    week: slot.week,
    dueAt: slot.dueAt,
    freelancerId: m.freelancerId,
    managerId: m.managerId,
    title: m.title,
    locale: m.freelancerLocale ?? config.defaultLocale,
    zone: rule.calendar.zone,
    country: rule.calendar.country,
    workingDays: [...rule.calendar.workingDays],
    lane: laneOf(m._id),
    editableUntil: next?.dueAt ?? null,
    status: paused ? 'skipped' : 'scheduled',
    outcome: paused ? 'paused' : null,
  };
}

/** The check-ins a mission should have in [from, to). */
function wanted(m: Mission, config: Config, from: Date, to: Date): PlannedCheckin[] {
  const rule = ruleOf(m, config);
  return slotsBetween(rule, from, to).map((slot) => planned(m, rule, slot, config));
}

/**
 * Plans every mission's check-ins from the catch-up window to the horizon: inserts the (mission,
 * week) pairs not planned yet, a page of missions at a time. Run once an hour across all instances (see jobs.ts).
 */
export async function planAll(deps: CheckinsDeps, now: Date): Promise<number> {
  const from = new Date(now.getTime() - CATCH_UP_MS);
  const to = new Date(now.getTime() + PLAN_HORIZON_MS);
  const known = await plannedKeysFrom(deps.db, from);
  let missing: PlannedCheckin[] = [];
  let inserted = 0;
  for (const status of CHECKIN_STATUSES) {
    // A page of missions at a time, and their check-ins inserted a page at a time: memory stays flat
    // whatever the number of missions.
    for await (const m of eachMissionWithStatus(deps.db, status)) {
      try {
        for (const p of wanted(m, deps.config, from, to)) {
          if (!known.has(plannedKey(p.missionId, p.week))) missing.push(p);
        }
      } catch (err) {
        // One mission with a bad zone or dates must not stop everyone's check-ins.
        deps.logger.error(`cannot plan check-ins of mission ${m._id.toString()}`, err);
      }
      if (missing.length >= PLAN_PAGE) {
        inserted += await insertPlanned(deps.db, missing);
        missing = [];
      }
    }
  }
  return inserted + (await insertPlanned(deps.db, missing));
}

/**
 * Re-plans one mission after a change (creation, dates, manager, zone, cancellation): its future
 * check-ins not sent yet are replaced by what its rule says now. Sent and answered ones stay.
 */
export async function planMission(
  deps: CheckinsDeps,
  missionId: Types.ObjectId | string,
  now: Date,
): Promise<void> {
  const m = await findMission(deps.db, missionId.toString());
  if (!m) return;
  const to = new Date(now.getTime() + PLAN_HORIZON_MS);
  const want = (CHECKIN_STATUSES as readonly string[]).includes(m.status)
    ? wanted(m, deps.config, now, to)
    : [];
  const byWeek = new Map(want.map((p) => [p.week, p]));
  const stale = (await unsentOfMission(deps.db, m._id, now)).filter((c) => {
    const p = byWeek.get(c.week);
    return (
      !p ||
      p.dueAt.getTime() !== c.dueAt.getTime() ||
      p.status !== c.status ||
      p.managerId !== c.managerId ||
      p.title !== c.title
    );
  });
  await deleteUnsent(
    deps.db,
    stale.map((c) => c._id),
  );
  await insertPlanned(deps.db, want);
  await refreshOpen(deps.db, m._id, { managerId: m.managerId, title: m.title });
}
