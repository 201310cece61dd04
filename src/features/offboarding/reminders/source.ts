import {
  type ListedMission,
  listedMissionsManagedBy,
  listedMissionsOfFreelancer,
} from '../../missions/index.js';
import type { DigestEntry, ReminderSource } from '../../reminders/index.js';
import type { OffboardingDeps } from '../deps.js';
import { dropOwed, marked, markOwed, missionsOwing, nextOwedReminder, unmarkOwed } from './repository.js';
import { evaluationEntry, feedbackEntry, handoverEntry } from './views.js';

/**
 * What an offboarding asks of each side, as a source of the reminder digest: the open handover items
 * to their owner, the feedback to the freelancer and the evaluation to the manager, each reminded
 * once, `REMINDER_DAYS` after the offboarding started, while it runs.
 */
export function offboardingReminders(deps: OffboardingDeps): ReminderSource {
  return {
    kind: 'offboarding',
    async take(userId, mark, now) {
      const owing = await missionsOwing(deps.db, userId, now);
      if (owing.length === 0) return;
      const missions = await missionsOf(deps, userId);
      const running = (id: string) => missions.get(id)?.status === 'offboarding';
      await markOwed(deps.db, userId, owing.filter(running), mark, now);
      await dropOwed(
        deps.db,
        userId,
        owing.filter((id) => !running(id)),
        now,
      );
    },
    release: (userId, mark) => unmarkOwed(deps.db, userId, mark),
    async listed(userId, mark, reader) {
      const found = await marked(deps.db, userId, mark);
      if (found.items.length + found.feedback.length + found.evaluation.length === 0) return [];
      const missions = await missionsOf(deps, userId);
      const entries: DigestEntry[] = [];
      for (const item of found.items) entries.push(handoverEntry(item, missions.get(item.missionId), reader));
      for (const off of found.feedback) entries.push(feedbackEntry(off, missions.get(off.missionId), reader));
      for (const off of found.evaluation)
        entries.push(evaluationEntry(off, missions.get(off.missionId), reader));
      return entries;
    },
    nextDue: (userId) => nextOwedReminder(deps.db, userId),
  };
}

/** The missions a person is on, either side (two equality queries), by id. */
async function missionsOf(deps: OffboardingDeps, userId: string): Promise<Map<string, ListedMission>> {
  const [managed, worked] = await Promise.all([
    listedMissionsManagedBy(deps.db, userId),
    listedMissionsOfFreelancer(deps.db, userId),
  ]);
  return new Map([...managed, ...worked].map((m) => [m._id.toString(), m]));
}
