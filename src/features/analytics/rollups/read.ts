import type { Connection } from 'mongoose';
import type { StatFigures } from '../../../rollups.js';
import { missionDoc, type PersonHash, type StatScope, scopeName, yearDocs } from './keys.js';
import { type RollupDoc, rollupModel } from './model.js';

/** A scope's figures over some days: each day's sums, and the HR-only people per quarter. */
export interface ScopeRollup {
  /** `yyyy-MM-dd` → that day's figures (days without any figure are absent). */
  days: Map<string, StatFigures>;
  /** `2026-Q2` → how many distinct people's HR-only answers the quarter's figures hold. */
  hrPeople: Map<string, number>;
}

/**
 * The figures of `scope` from `from` to `to` (inclusive days, `yyyy-MM-dd`): one read by `_id` per
 * year, whatever the number of check-ins behind them. Quarters are given whole (the caller decides
 * which quarters lie fully in its period).
 */
export async function readScopeRollup(
  conn: Connection,
  scope: StatScope,
  from: string,
  to: string,
  hash: PersonHash,
): Promise<ScopeRollup> {
  const docs = await Promise.all(
    yearDocs(scopeName(scope, hash), from, to).map((id) =>
      rollupModel(conn).findById(id, { d: 1, hr: 1 }).lean<RollupDoc>().exec(),
    ),
  );
  const days = new Map<string, StatFigures>();
  const hrPeople = new Map<string, number>();
  for (const doc of docs) {
    if (!doc) continue;
    for (const [day, figures] of Object.entries(doc.d ?? {}))
      if (day >= from && day <= to) days.set(day, figures);
    for (const [quarter, people] of Object.entries(doc.hr ?? {})) {
      hrPeople.set(quarter, Object.values(people).filter((n) => n > 0).length);
    }
  }
  return { days, hrPeople };
}

/** Each mission's totals (its CSV row), by mission id; a mission without any figure is absent. */
export async function readMissionRollups(
  conn: Connection,
  missionIds: readonly string[],
): Promise<Map<string, StatFigures>> {
  const wanted = new Set(missionIds.map(missionDoc));
  // One equality read of every mission document (2,000 small ones), not one read per id: FerretDB
  // runs `$in` as one statement per id.
  const docs = await rollupModel(conn).find({ scope: 'mission' }, { t: 1 }).lean<RollupDoc[]>().exec();
  const out = new Map<string, StatFigures>();
  for (const doc of docs) if (wanted.has(doc._id)) out.set(doc._id.slice('mission:'.length), doc.t ?? {});
  return out;
}
