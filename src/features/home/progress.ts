import type { Deps } from '../../deps.js';
import type { Mission } from '../missions/model.js';
import type { Progress } from '../onboarding/contract.js';
import { itemsOfMission } from '../onboarding/repository.js';

/** What a mission row says about onboarding: counts, "complete", or nothing (draft, cancelled). */
export type RowOnboarding = Progress | 'complete' | undefined;

/**
 * The onboarding state of the missions a list shows, by mission id. Only missions still in
 * `onboarding` are counted: later statuses went through the lifecycle guard "no open item", so
 * they read as complete without a query. Counted with one equality lookup per mission on the
 * indexed `missionId` rather than onboarding's `progressOf`, whose `$in` FerretDB 1.24 runs as a
 * full scan (≈1.1 s for a single id among 12,000 items on PostgreSQL; see bench/README.md).
 */
export async function onboardingOf(
  deps: Deps,
  missions: readonly Mission[],
): Promise<Map<string, RowOnboarding>> {
  const result = new Map<string, RowOnboarding>();
  const counting: Mission[] = [];
  for (const m of missions) {
    if (m.status === 'onboarding') counting.push(m);
    else if (m.status === 'active' || m.status === 'offboarding' || m.status === 'completed') {
      result.set(m._id.toString(), 'complete');
    }
  }
  const counted = await Promise.all(
    counting.map(async (m) => {
      const items = await itemsOfMission(deps.db, m._id);
      const done = items.filter((i) => i.doneAt !== null).length;
      return [m._id.toString(), { done, total: items.length }] as const;
    }),
  );
  for (const [id, progress] of counted) result.set(id, progress);
  return result;
}
