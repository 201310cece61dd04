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

/**
 * The /mission-start modal's `state.values`, as Slack sends them, for a form filled in by a manager
 * (freelancer UFREELA01, buddy UBUDDY001, channel CTEAM0001); `over` changes fields (undefined: empty).
 */
export function missionFormValues(over: Partial<Record<string, string | undefined>> = {}) {
  const v = {
    freelancer: 'UFREELA01',
    title: 'Refonte du tunnel de paiement',
    brief: 'Reprendre le tunnel de paiement mobile.',
    objectives: 'Taux de conversion +10 %',
    start: '2026-01-12',
    end: '2026-04-30',
    channel: 'CTEAM0001',
    buddy: 'UBUDDY001',
    skills: 'React, TypeScript',
    checkin_day: '1',
    checkin_time: '10:00',
    need_expressed: '2025-12-01',
    ...over,
  };
  const out: Record<string, Record<string, Record<string, unknown>>> = {
    freelancer: { freelancer: { type: 'users_select', selected_user: v.freelancer ?? null } },
    title: { title: { type: 'plain_text_input', value: v.title ?? null } },
    brief: { brief: { type: 'plain_text_input', value: v.brief ?? null } },
    objectives: { objectives: { type: 'plain_text_input', value: v.objectives ?? null } },
    start: { start: { type: 'datepicker', selected_date: v.start ?? null } },
    end: { end: { type: 'datepicker', selected_date: v.end ?? null } },
    channel: { channel: { type: 'conversations_select', selected_conversation: v.channel ?? null } },
    buddy: { buddy: { type: 'users_select', selected_user: v.buddy ?? null } },
    skills: { skills: { type: 'plain_text_input', value: v.skills ?? null } },
    template: {
      template: {
        type: 'static_select',
        selected_option: { value: 'default', text: { type: 'plain_text', text: 'x' } },
      },
    },
    checkin_day: {
      checkin_day: {
        type: 'static_select',
        selected_option: { value: v.checkin_day, text: { type: 'plain_text', text: 'x' } },
      },
    },
    checkin_time: { checkin_time: { type: 'timepicker', selected_time: v.checkin_time ?? null } },
    need_expressed: { need_expressed: { type: 'datepicker', selected_date: v.need_expressed ?? null } },
  };
  return out;
}
