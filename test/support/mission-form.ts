import { missionModel } from '../../src/features/missions/model.js';
import { eventually } from './eventually.js';
import { ADMIN_ID, type Harness } from './harness.js';
import { newChannel, newPerson } from './people.js';

/** Everything a message says (blocks and fallback text), for `toContain` checks. */
export function textOf(message: { text?: unknown; blocks?: unknown } | undefined): string {
  return JSON.stringify(message?.blocks ?? []) + String(message?.text ?? '');
}

/** The people and channels of one /mission-start test. */
export interface MissionStartWorld {
  /** The manager filling in the form (English, London). */
  manager: string;
  /** The freelancer chosen (Alice, French, Paris). */
  freelancer: string;
  buddy: string;
  /** A public channel the app is not in yet. */
  team: string;
  /** A private channel the app is not in. */
  privateChannel: string;
}

/** New people and channels for one test (and the workspace admin of the test config in the directory). */
export function missionStartWorld(h: Harness): MissionStartWorld {
  h.standin.addUser({ id: ADMIN_ID, name: 'ada', locale: 'en-US', tz: 'Europe/Paris' });
  return {
    manager: newPerson(h, 'MGR', { name: 'maya', locale: 'en-US', tz: 'Europe/London' }),
    freelancer: newPerson(h, 'FREEL', {
      name: 'alice',
      displayName: 'Alice',
      locale: 'fr-FR',
      tz: 'Europe/Paris',
    }),
    buddy: newPerson(h, 'BUDDY', { name: 'bob', locale: 'fr-FR', tz: 'Europe/Paris' }),
    team: newChannel(h, 'TEAM', { name: 'team-payments', isMember: false }),
    privateChannel: newChannel(h, 'PRIV', { name: 'secret', isPrivate: true, isMember: false }),
  };
}

/** What the manager typed; `undefined` leaves a field empty. */
export type FormOverrides = Partial<Record<string, string | undefined>>;

/** The modal's values, as Slack sends them, for a form filled in by a manager. */
export function values(w: MissionStartWorld, over: FormOverrides = {}) {
  const v = {
    freelancer: w.freelancer,
    title: 'Refonte du tunnel de paiement',
    brief: 'Reprendre le tunnel de paiement mobile.',
    objectives: 'Taux de conversion +10 %',
    start: '2026-01-12',
    end: '2026-04-30',
    channel: w.team,
    buddy: w.buddy,
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

let viewSeq = 0;

/** A view id no other submission of the file has used (it is the mission's creation key). */
export function newViewId(tag = 'SUBMIT'): string {
  viewSeq += 1;
  return `V${tag}${String(viewSeq).padStart(3, '0')}`;
}

/** Submits the /mission-start modal as the world's manager (a Slack retry when `viewId` repeats). */
export function submitMissionForm(
  h: Harness,
  w: MissionStartWorld,
  over: FormOverrides = {},
  viewId = newViewId(),
) {
  return h.slack.sendViewSubmission({
    userId: w.manager,
    applyAck: false,
    view: {
      id: viewId,
      callback_id: 'missions.start',
      private_metadata: '{"v":1}',
      state: { values: values(w, over) },
    },
  });
}

/** Waits until the mission of this submission is stored and its start has finished (the manager's checklist is posted). */
export function startedMission(h: Harness, viewId: string) {
  return eventually(async () => {
    const m = await missionModel(h.db).findOne({ creationKey: viewId }).lean();
    if (!m) throw new Error(`no mission with creation key ${viewId} yet`);
    if (!m.managerChecklistMessage)
      throw new Error(`mission ${viewId} stored (${m.status}), not started yet`);
    return m;
  });
}
