import type { Types } from 'mongoose';
import {
  type ListedMission,
  listedMissionsManagedBy,
  listedMissionsOfFreelancer,
} from '../../missions/index.js';
import type { ReminderSource } from '../../reminders/index.js';
import type { OnboardingDeps } from '../deps.js';
import {
  dropReminders,
  itemsMarked,
  markReminded,
  missionsWithDueItems,
  nextReminderOf,
  unmarkReminded,
} from './repository.js';
import { digestEntry } from './views.js';

/**
 * Overdue onboarding items as a source of the reminder digest: each open item is reminded once to
 * its owner, the morning after its due day (README, step 3), while its mission is onboarding.
 */
export function onboardingReminders(deps: OnboardingDeps): ReminderSource {
  return {
    kind: 'onboarding',
    async take(userId, mark, now) {
      const due = await missionsWithDueItems(deps.db, userId, now);
      if (due.length === 0) return;
      const missions = await missionsOf(deps, userId);
      const onboarding = (id: Types.ObjectId) => missions.get(id.toString())?.status === 'onboarding';
      await markReminded(deps.db, userId, due.filter(onboarding), mark, now);
      await dropReminders(
        deps.db,
        userId,
        due.filter((id) => !onboarding(id)),
        now,
      );
    },
    release: (userId, mark) => unmarkReminded(deps.db, userId, mark),
    async listed(userId, mark, reader) {
      const items = await itemsMarked(deps.db, userId, mark);
      if (items.length === 0) return [];
      const missions = await missionsOf(deps, userId);
      return items.map((item) => digestEntry(item, missions.get(item.missionId.toString()), reader));
    },
    nextDue: (userId) => nextReminderOf(deps.db, userId),
  };
}

/** The missions a person is on, either side (two equality queries), by id. */
async function missionsOf(deps: OnboardingDeps, userId: string): Promise<Map<string, ListedMission>> {
  const [managed, worked] = await Promise.all([
    listedMissionsManagedBy(deps.db, userId),
    listedMissionsOfFreelancer(deps.db, userId),
  ]);
  return new Map([...managed, ...worked].map((m) => [m._id.toString(), m]));
}
