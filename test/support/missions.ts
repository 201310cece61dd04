import type { Connection } from 'mongoose';
import type { Mission } from '../../src/features/missions/model.js';
import { insertMission, type NewMission } from '../../src/features/missions/repository.js';

let seq = 0;

/** What a test sets on a mission: the people, and any field (the check-in slot field by field). */
export type MissionOverrides = Partial<Omit<NewMission, 'checkin'>> &
  Pick<NewMission, 'freelancerId' | 'managerId'> & { checkin?: Partial<NewMission['checkin']> };

/** A valid new mission for tests; `over` sets what the test is about (people, dates, status…). */
export function newMission(over: MissionOverrides): NewMission {
  seq += 1;
  const { checkin, ...rest } = over;
  return {
    creationKey: `test-mission-${process.pid}-${seq}`,
    title: `Mission ${seq}`,
    brief: '',
    objectives: '',
    buddyId: null,
    channelId: null,
    skills: [],
    startDate: '2025-03-03',
    endDate: '2025-06-27',
    needExpressedOn: null,
    previousMissionId: null,
    templateKey: 'default',
    freelancerLocale: null,
    status: 'onboarding',
    history: [],
    ...rest,
    checkin: {
      weekday: 1,
      time: '10:00',
      timezone: 'Europe/Paris',
      timezoneAssumed: false,
      country: null,
      workingDays: [],
      pausedUntil: null,
      ...checkin,
    },
  };
}

/** Stores a test mission (see `newMission`) and returns it. */
export async function createMission(db: Connection, over: MissionOverrides): Promise<Mission> {
  const m = await insertMission(db, newMission(over));
  if (m === 'duplicate') throw new Error('duplicate mission in test data');
  return m;
}
