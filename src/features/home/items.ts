import type { Locale } from '../../config.js';
import type { Deps } from '../../deps.js';
import type { Mission } from '../missions/model.js';
import { isOpen } from '../missions/rules.js';
import { itemView } from '../onboarding/checklist/service.js';
import type { ChecklistItemView } from '../onboarding/contract.js';
import { openItemsOwnedBy } from '../onboarding/repository.js';

/**
 * The reader's open checklist items on their open missions, soonest due first (undated last) —
 * what onboarding's `openItemsOf` returns, but joined with the missions the Home has already
 * loaded (every item's owner is that mission's manager or freelancer). `openItemsOf` reads each
 * item's mission by id: for a manager with 40 missions holding open items that is 40 round trips,
 * ≈190 ms on FerretDB/PostgreSQL (bench/README.md); here it is one equality query on `ownerId`.
 */
export async function openItemsAmong(
  deps: Deps,
  userId: string,
  locale: Locale,
  missions: readonly Mission[],
): Promise<ChecklistItemView[]> {
  const items = await openItemsOwnedBy(deps.db, userId);
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
