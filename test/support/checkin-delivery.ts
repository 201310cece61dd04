import { checkinModel } from '../../src/features/checkins/model.js';
import type { Mission } from '../../src/features/missions/model.js';
import type { Harness } from './harness.js';
import { createMission, type MissionOverrides } from './missions.js';
import { newPerson } from './people.js';
import type { StandinMessage } from './slack-standin.js';

/** The check-in DMs a user got (weekly ones, not reminders), in order. */
export function checkinDms(h: Harness, userId: string): StandinMessage[] {
  return h.standin
    .messagesTo(userId)
    .filter((m) => /^(Weekly check-in for|Point hebdomadaire pour)/.test(m.text ?? ''));
}

/** A mission's stored check-ins, oldest first. */
export async function storedCheckins(h: Harness, m: Mission) {
  return checkinModel(h.db).find({ missionId: m._id }).sort({ dueAt: 1 }).lean().exec();
}

/** A new manager (French, Paris) for the missions of one test. */
export function newManager(h: Harness): string {
  return newPerson(h, 'MGR', { name: 'manon', locale: 'fr-FR', tz: 'Europe/Paris' });
}

/** A new freelancer with a mission of theirs (active unless said otherwise) under `managerId`. */
export async function freelancerWithMission(
  h: Harness,
  managerId: string,
  over: Partial<MissionOverrides> & Pick<MissionOverrides, 'title' | 'startDate' | 'endDate'>,
  profile: { locale?: string; tz?: string } = {},
): Promise<{ freelancer: string; mission: Mission }> {
  const freelancer = newPerson(h, 'FREEL', { locale: 'en-US', tz: 'Europe/Paris', ...profile });
  const mission = await createMission(h.db, {
    freelancerId: freelancer,
    managerId,
    status: 'active',
    ...over,
  });
  return { freelancer, mission };
}
