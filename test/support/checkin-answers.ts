import type { Types } from 'mongoose';
import type { MessageRef } from '../../src/db/schemas.js';
import { CHECKIN_VIEW, OPEN_CHECKIN } from '../../src/features/checkins/answers/ids.js';
import { FOLLOWUP_JOB } from '../../src/features/checkins/followups/service.js';
import {
  type Checkin,
  type CheckinAnswer,
  checkinMessageModel,
  checkinModel,
} from '../../src/features/checkins/model.js';
import type { Mission } from '../../src/features/missions/model.js';
import { jobModel } from '../../src/scheduler/job-model.js';
import { eventually } from './eventually.js';
import { ADMIN_ID, type Harness } from './harness.js';
import { createMission, type MissionOverrides } from './missions.js';
import { newPerson } from './people.js';
import type { StandinMessage } from './slack-standin.js';

/** The people of an answer: a French freelancer in Paris, an English manager in New York. */
export interface AnswerPeople {
  freelancer: string;
  manager: string;
}

/** New people for one test (and the workspace admin of the test config in the directory). */
export function answerPeople(h: Harness): AnswerPeople {
  h.standin.addUser({ id: ADMIN_ID, name: 'ada', locale: 'en-US', tz: 'Europe/London' });
  return {
    freelancer: newPerson(h, 'FREEL', { name: 'francoise', locale: 'fr-FR', tz: 'Europe/Paris' }),
    manager: newPerson(h, 'MGR', { name: 'emma', locale: 'en-US', tz: 'America/New_York' }),
  };
}

let missionSeq = 0;

/**
 * An active mission of theirs (2 March – 30 June 2026). Its title is unique and no other title
 * contains it (`Refonte paiement (3)`, never a prefix of `… (31)`), so DMs can be found by title.
 */
export function answerMission(
  h: Harness,
  people: AnswerPeople,
  over: Partial<MissionOverrides> = {},
): Promise<Mission> {
  missionSeq += 1;
  return createMission(h.db, {
    freelancerId: people.freelancer,
    managerId: people.manager,
    title: `Refonte paiement (${missionSeq})`,
    startDate: '2026-03-02',
    endDate: '2026-06-30',
    status: 'active',
    ...over,
  });
}

/**
 * Waits until every follow-up job of this check-in has run (none left pending or running): after
 * it, what the people were sent is all they will be sent for this answer.
 */
export async function followUpsSettled(h: Harness, checkinId: Types.ObjectId): Promise<void> {
  const prefix = `checkin-followup:${checkinId.toString()}:`;
  await eventually(
    async () => {
      const jobs = await jobModel(h.db).find({ name: FOLLOWUP_JOB }).lean().exec();
      const mine = jobs.filter((j) => j.key.startsWith(prefix));
      const open = mine.filter((j) => j.status === 'pending' || j.status === 'running');
      if (mine.length === 0 || open.length > 0) {
        throw new Error(
          `follow-ups of ${checkinId}: ${mine.length} queued, still open: ${open.map((j) => `${j.key} (${j.status})`).join(', ') || 'none'}`,
        );
      }
    },
    { what: 'every follow-up job run' },
  );
}

/** Waits for at least `count` DMs to `userId` mentioning `needle`; on timeout says which came. */
export function awaitDms(
  h: Harness,
  userId: string,
  needle: string,
  count: number,
): Promise<StandinMessage[]> {
  return eventually(
    () => {
      const dms = dmsAbout(h, userId, needle);
      if (dms.length < count) {
        throw new Error(
          `expected ${count} DM(s) to ${userId} about "${needle}", got ${dms.length}: ${texts(dms)}`,
        );
      }
      return dms;
    },
    { what: `DMs to ${userId}` },
  );
}

/** The fallback texts of some messages, for failure messages. */
export function texts(messages: StandinMessage[]): string {
  return JSON.stringify(messages.map((m) => m.text ?? ''));
}

/** What a freelancer fills in; `undefined` leaves the input empty (an unselected radio, a blank text). */
export interface AnswerValues {
  score?: string;
  progress?: string;
  blockers?: string;
  needsHelp?: string;
  note?: string;
  visibility?: string;
  extra?: Record<string, string>;
}

const radio = (id: string, value: string | undefined) => ({
  [id]: { [id]: { type: 'radio_buttons', selected_option: value ? { value } : null } },
});
const text = (id: string, value: string | undefined) => ({
  [id]: { [id]: { type: 'plain_text_input', value: value ?? null } },
});

/** `view.state.values` of the check-in modal as Slack sends them. */
export function answerState(v: AnswerValues): Record<string, unknown> {
  return {
    ...radio('score', v.score),
    ...text('progress', v.progress),
    ...text('blockers', v.blockers),
    ...radio('needs_help', v.needsHelp),
    ...text('note', v.note),
    ...radio('visibility', v.visibility),
    ...Object.assign({}, ...Object.entries(v.extra ?? {}).map(([k, x]) => text(`extra_${k}`, x))),
  };
}

/** A reasonable answer; `over` changes what the test is about. */
export function answer(over: AnswerValues = {}): AnswerValues {
  return {
    score: '4',
    progress: 'Le tunnel de paiement avance bien.',
    blockers: undefined,
    needsHelp: 'no',
    note: undefined,
    visibility: 'manager',
    ...over,
  };
}

/** The check-in reminders a user got, in order. */
export function reminderDms(h: Harness, userId: string): StandinMessage[] {
  return h.standin.messagesTo(userId).filter((m) => /^(Reminder|Rappel)/.test(m.text ?? ''));
}

/** An answer as stored (what `submitAnswer` takes and a check-in holds); `over` changes what the test is about. */
export function storedAnswer(over: Partial<CheckinAnswer> = {}): CheckinAnswer {
  return {
    score: 4,
    progress: 'ok',
    blockers: '',
    needsHelp: false,
    note: '',
    visibility: 'manager',
    extra: {},
    ...over,
  };
}

/** A sent check-in with where its DM is, as the tests click it. */
export type SentCheckin = Checkin & { message: MessageRef };

/** A check-in in the state delivery leaves it (`sent`, with its DM posted through the gateway). */
export async function sentCheckin(
  h: Harness,
  mission: Mission,
  over: Partial<Checkin> = {},
): Promise<SentCheckin> {
  const ref = await h.deps.gateway.sendDm(mission.freelancerId, { text: 'Point hebdomadaire' });
  const doc = await checkinModel(h.db).create({
    missionId: mission._id,
    week: '2026-W11',
    dueAt: new Date('2026-03-09T09:00:00Z'),
    freelancerId: mission.freelancerId,
    managerId: mission.managerId,
    title: mission.title,
    locale: 'fr',
    zone: mission.checkin.timezone,
    country: 'FR',
    status: 'sent',
    sentAt: new Date('2026-03-09T09:00:00Z'),
    reminderAt: new Date('2026-03-10T09:00:00Z'),
    closesAt: new Date('2026-03-11T09:00:00Z'),
    editableUntil: new Date('2026-03-16T09:00:00Z'),
    lane: 0,
    ...over,
  });
  await checkinMessageModel(h.db).create({ _id: doc._id, channel: ref.channel, ts: ref.ts });
  return { ...doc.toObject<Checkin>(), message: ref };
}

/** The stored check-in now. */
export async function reloadCheckin(h: Harness, id: Types.ObjectId): Promise<Checkin> {
  const c = await checkinModel(h.db).findById(id).lean<Checkin>().exec();
  if (!c) throw new Error('check-in vanished');
  return c;
}

/** Clicks the DM's button as `userId`. */
export async function clickOpen(h: Harness, c: Checkin, userId: string) {
  const ref = (await checkinMessageModel(h.db).findById(c._id).lean().exec()) ?? { channel: '', ts: '' };
  return h.slack.sendBlockAction({
    userId,
    actions: [{ action_id: OPEN_CHECKIN, block_id: 'checkin.open', value: c._id.toString() }],
    message: { ts: ref.ts, channel: ref.channel },
    channelId: ref.channel,
  });
}

/**
 * Submits the check-in modal of `c` as `userId` (a retry of the same view when `viewId` repeats).
 * With the id of a modal the stand-in opened (`openModalId`), the app's ack is applied to it as
 * Slack would and refused acks land in `standin.ackProblems`.
 */
export function submitCheckin(
  h: Harness,
  c: Checkin | string,
  userId: string,
  v: AnswerValues,
  viewId?: string,
) {
  return h.slack.sendViewSubmission({
    userId,
    applyAck: viewId !== undefined && h.standin.view(viewId) !== undefined,
    view: {
      ...(viewId ? { id: viewId } : {}),
      callback_id: CHECKIN_VIEW,
      private_metadata: typeof c === 'string' ? c : c._id.toString(),
      state: { values: answerState(v) },
    },
  });
}

/** The modal opened with this trigger (waits for the app's views.open after its ack). */
export function modalOpenedWith(h: Harness, triggerId: string | undefined) {
  return eventually(() => {
    const call = h.standin.callsTo('views.open').find((c) => c.args.trigger_id === triggerId);
    if (!call) throw new Error(`no views.open with trigger ${triggerId} yet`);
    if (!call.ok) throw new Error(`views.open with trigger ${triggerId} refused: ${call.error}`);
    return call.args.view as ModalJson;
  });
}

/** The id of the modal the stand-in opened for `userId` showing check-in `c` (after modalOpenedWith). */
export function openModalId(h: Harness, userId: string, c: Checkin): string {
  const v = h.standin.openModals(userId).find((x) => x.view.private_metadata === c._id.toString());
  if (!v) throw new Error(`no open check-in modal for ${userId}`);
  return v.id;
}

/** The parts of a modal the tests look at. */
export interface ModalJson {
  title: { text: string };
  private_metadata: string;
  blocks: {
    type: string;
    block_id?: string;
    label?: { text: string };
    element?: {
      options?: { value: string; text: { text: string }; description?: { text: string } }[];
      initial_option?: { value: string };
      initial_value?: string;
    };
    elements?: { text?: string }[];
  }[];
}

/** Everything a message says (fallback text and blocks), for `toContain` checks. */
export function said(m: StandinMessage | undefined): string {
  return `${m?.text ?? ''}\n${JSON.stringify(m?.blocks ?? [])}`;
}

/** The DMs a user received that mention `needle`. */
export function dmsAbout(h: Harness, userId: string, needle: string): StandinMessage[] {
  return h.standin.messagesTo(userId).filter((m) => said(m).includes(needle));
}
