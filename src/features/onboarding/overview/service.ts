import { type Connection, Types } from 'mongoose';
import type { Locale } from '../../../config.js';
import { findMission, isOpen, type Mission } from '../../missions/index.js';
import type { ChecklistItemView, OnboardingItem, Progress } from '../model.js';
import {
  itemDoneStates,
  itemStates,
  itemsOfMission,
  openItemsListedFor,
  openItemsOwnedBy,
} from '../repository.js';
import { dueDayOf } from '../rules.js';

/** What the read API needs: the database only. */
export interface OverviewDeps {
  db: Connection;
}

/** Done / total per mission; missions without items count 0/0. */
export async function progressOf(deps: OverviewDeps, missionIds: string[]): Promise<Map<string, Progress>> {
  const result = new Map<string, Progress>(missionIds.map((id) => [id, { done: 0, total: 0 }]));
  const ids = [...new Set(missionIds)].filter((id) => Types.ObjectId.isValid(id));
  const states = await itemStates(
    deps.db,
    ids.map((id) => new Types.ObjectId(id)),
  );
  for (const s of states) {
    const p = result.get(s.missionId.toString());
    if (!p) continue;
    p.total += 1;
    if (s.doneAt !== null) p.done += 1;
  }
  return result;
}

/** Open items owned by the user on open missions, soonest due first (undated last). */
export async function openItemsOf(
  deps: OverviewDeps,
  userId: string,
  locale: Locale,
): Promise<ChecklistItemView[]> {
  const items = await openItemsOwnedBy(deps.db, userId);
  const missionIds = [...new Set(items.map((i) => i.missionId.toString()))];
  const missions = await Promise.all(missionIds.map((id) => findMission(deps.db, id)));
  const open = new Map<string, Mission>();
  for (const m of missions) if (m && isOpen(m.status)) open.set(m._id.toString(), m);
  return items
    .flatMap((i) => {
      const m = open.get(i.missionId.toString());
      return m ? [itemView(i, m, locale)] : [];
    })
    .sort((a, b) => (a.dueAt?.getTime() ?? Infinity) - (b.dueAt?.getTime() ?? Infinity));
}

/** A mission's checklist in template order, labels in `locale`; empty for an unknown mission. */
export async function itemsOf(
  deps: OverviewDeps,
  missionId: string,
  locale: Locale,
): Promise<ChecklistItemView[]> {
  const mission = await findMission(deps.db, missionId);
  if (!mission) return [];
  return (await itemsOfMission(deps.db, mission._id)).map((i) => itemView(i, mission, locale));
}

/** What an item's view needs of its mission: its title, and its zone (the due day is a day there). */
export type ItemMission = Pick<Mission, '_id' | 'title'> & { checkin: Pick<Mission['checkin'], 'timezone'> };

/** An item as the checklist, the Home and `/missions` show it, in the reader's language. */
export function itemView(
  item: Pick<OnboardingItem, '_id' | 'label' | 'owner' | 'ownerId' | 'dueAt' | 'doneAt'>,
  mission: ItemMission,
  locale: Locale,
): ChecklistItemView {
  return {
    id: item._id.toString(),
    missionId: mission._id.toString(),
    missionTitle: mission.title,
    label: item.label[locale],
    owner: item.owner,
    ownerId: item.ownerId,
    dueAt: item.dueAt,
    dueDate: item.dueAt ? dueDayOf(item.dueAt, mission.checkin.timezone) : null,
    done: item.doneAt !== null,
  };
}

/**
 * The reader's open checklist items on their open missions, soonest due first (undated last) —
 * what `openItemsOf` returns, but joined with the missions the caller has already loaded (every
 * item's owner is that mission's manager or freelancer): one equality query on `ownerId`, where
 * `openItemsOf` reads each item's mission by id.
 */
export async function openItemsAmong(
  deps: OverviewDeps,
  userId: string,
  locale: Locale,
  missions: readonly (ItemMission & Pick<Mission, 'status'>)[],
): Promise<ChecklistItemView[]> {
  const items = await openItemsListedFor(deps.db, userId);
  const open = new Map(missions.filter((m) => isOpen(m.status)).map((m) => [m._id.toString(), m]));
  return items
    .flatMap((item): ChecklistItemView[] => {
      const mission = open.get(item.missionId.toString());
      if (!mission) return [];
      return [itemView(item, mission, locale)];
    })
    .sort((a, b) => dueKey(a) - dueKey(b));
}

/** Undated items sort last; a large finite key, since Infinity − Infinity is NaN to sort(). */
function dueKey(item: ChecklistItemView): number {
  return item.dueAt?.getTime() ?? Number.MAX_SAFE_INTEGER;
}

/** What a mission row says about onboarding: counts, "complete", or nothing (draft, cancelled). */
export type RowOnboarding = Progress | 'complete' | undefined;

/**
 * The onboarding state of the missions a list shows, by mission id. An `active` mission went
 * through the lifecycle guard "no open item", so it reads as complete without a query; one in
 * `onboarding` is counted, and so is one in `offboarding` or `completed`, which may have been ended
 * before its onboarding was done (offboarding starts from onboarding too). Counted with one equality
 * lookup per mission on the indexed `missionId` rather than `progressOf`, whose `$in` FerretDB 1.24
 * runs as a full scan.
 */
export async function onboardingOf(
  deps: OverviewDeps,
  missions: readonly Pick<Mission, '_id' | 'status'>[],
): Promise<Map<string, RowOnboarding>> {
  const result = new Map<string, RowOnboarding>();
  const counting: Pick<Mission, '_id' | 'status'>[] = [];
  for (const m of missions) {
    if (m.status === 'active') result.set(m._id.toString(), 'complete');
    else if (m.status === 'onboarding' || m.status === 'offboarding' || m.status === 'completed') {
      counting.push(m);
    }
  }
  const counted = await Promise.all(
    counting.map(async (m) => {
      const items = await itemDoneStates(deps.db, m._id);
      const done = items.filter((i) => i.doneAt !== null).length;
      const finished = m.status !== 'onboarding' && items.length > 0 && done === items.length;
      return [m._id.toString(), finished ? 'complete' : { done, total: items.length }] as const;
    }),
  );
  for (const [id, progress] of counted) result.set(id, progress);
  return result;
}
