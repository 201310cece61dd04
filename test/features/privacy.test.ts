import { spawn } from 'node:child_process';
import path from 'node:path';
import type { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { type Checkin, checkinModel } from '../../src/features/checkins/model.js';
import { type Mission, missionModel } from '../../src/features/missions/model.js';
import { missionCountsByStatus } from '../../src/features/missions/repository.js';
import { offboardingModel } from '../../src/features/offboarding/model.js';
import { itemModel } from '../../src/features/onboarding/model.js';
import {
  answer,
  answerMission,
  answerPeople,
  followUpsSettled,
  sentCheckin,
  submitCheckin,
} from '../support/checkin-answers.js';
import { eventually } from '../support/eventually.js';
import { ADMIN_ID, BOT_TOKEN, type Harness } from '../support/harness.js';
import { harnessPerTest } from '../support/harness-hooks.js';
import { createMission } from '../support/missions.js';
import { ephemeralAnswer, passAt } from '../support/passes.js';
import { newPerson } from '../support/people.js';

const root = path.resolve(import.meta.dirname, '../..');
let seq = 0;

interface Person {
  id: string;
  name: string;
  texts: string[];
  mission: Mission;
}

/** A check-in of `m`, answered with free texts (or not), due at `dueAt`. */
async function answeredCheckin(
  h: Harness,
  m: Mission,
  dueAt: Date,
  answer: { score: number; text?: string } | null,
): Promise<Types.ObjectId> {
  seq += 1;
  const doc = await checkinModel(h.db).create({
    missionId: m._id,
    week: `W-${seq}`,
    dueAt,
    freelancerId: m.freelancerId,
    managerId: m.managerId,
    title: m.title,
    locale: 'fr',
    zone: 'Europe/Paris',
    country: 'FR',
    lane: 0,
    status: answer ? 'answered' : 'sent',
    sentAt: dueAt,
    answeredAt: answer ? dueAt : null,
    answer: answer
      ? {
          score: answer.score,
          progress: `${answer.text} progress`,
          blockers: `${answer.text} blockers`,
          needsHelp: false,
          note: `${answer.text} note`,
          visibility: 'manager',
          extra: { mood: `${answer.text} mood` },
        }
      : null,
  });
  return doc._id as Types.ObjectId;
}

/** Two freelancers sharing a manager, each with a mission, answered check-ins, an item and a preference. */
async function twoFreelancers(h: Harness): Promise<{ manager: string; a: Person; b: Person }> {
  h.standin.addUser({ id: ADMIN_ID, name: 'ada', locale: 'en-US', tz: 'Europe/London' });
  const manager = newPerson(h, 'MGR', { name: 'manon', locale: 'fr-FR', tz: 'Europe/Paris' });
  const make = async (tag: string, name: string): Promise<Person> => {
    const id = newPerson(h, tag, { name, locale: 'fr-FR', tz: 'Europe/Paris' });
    const secret = `secret-of-${name}`;
    const mission = await createMission(h.db, {
      freelancerId: id,
      managerId: manager,
      title: `Mission ${tag}`,
      brief: `${secret} brief`,
      objectives: `${secret} objectives`,
      status: 'active',
      startDate: '2026-03-02',
      endDate: '2026-06-30',
      history: [{ at: new Date('2026-03-01T09:00:00Z'), by: id, action: 'created' }],
    });
    await answeredCheckin(h, mission, new Date('2026-03-09T09:00:00Z'), {
      score: 4,
      text: `${secret} week1`,
    });
    await answeredCheckin(h, mission, new Date('2026-03-16T09:00:00Z'), {
      score: 2,
      text: `${secret} week2`,
    });
    await answeredCheckin(h, mission, new Date('2026-03-23T09:00:00Z'), null);
    await itemModel(h.db).create({
      missionId: mission._id,
      index: 0,
      label: { fr: 'Accès', en: 'Access' },
      owner: 'freelancer',
      ownerId: id,
      done: true,
      doneAt: new Date('2026-03-03T09:00:00Z'),
      doneBy: id,
    });
    await ephemeralAnswer(h, '/passerelle', 'mute reminders', id);
    return {
      id,
      name,
      mission,
      texts: [`${secret} brief`, `${secret} objectives`, `${secret} week1`, `${secret} week2`],
    };
  };
  return { manager, a: await make('ALICE', `alice${seq}x`), b: await make('BRUNO', `bruno${seq}y`) };
}

/** Every document of every collection, as JSON, by collection. */
async function everyDocument(h: Harness): Promise<Map<string, string[]>> {
  const db = h.db.db;
  if (!db) throw new Error('no database');
  const out = new Map<string, string[]>();
  for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
    const docs = await db.collection(name).find({}).toArray();
    out.set(
      name,
      docs.map((d) => JSON.stringify(d)),
    );
  }
  return out;
}

/** Where any of `needles` still appears: `collection: needle`. */
async function traces(h: Harness, needles: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const [name, docs] of await everyDocument(h)) {
    for (const needle of needles) if (docs.some((d) => d.includes(needle))) found.push(`${name}: ${needle}`);
  }
  return found;
}

/** What aggregates see: missions by status, and the answered scores of these missions. */
async function aggregates(h: Harness, missions: Mission[]) {
  const rows = await checkinModel(h.db).find({ status: 'answered' }).lean<Checkin[]>().exec();
  const ids = new Set(missions.map((m) => m._id.toString()));
  const mine = rows.filter((c) => ids.has(c.missionId.toString()));
  return {
    byStatus: await missionCountsByStatus(h.db),
    answered: mine.length,
    scoreSum: mine.reduce((s, c) => s + (c.answer?.score ?? 0), 0),
    checkins: await checkinModel(h.db).countDocuments(),
  };
}

/** Runs `/passerelle <text>` and returns the modal it opened (with its trigger). */
async function openedModal(h: Harness, userId: string, text: string) {
  const res = await h.slack.sendCommand({ command: '/passerelle', text, userId });
  expect(res.status).toBe(200);
  return eventually(() => {
    const call = h.standin.callsTo('views.open').find((c) => c.args.trigger_id === res.triggerId);
    if (!call) throw new Error('no views.open yet');
    const modal = h.standin.openModals(userId).at(-1);
    if (!modal) throw new Error('no modal open');
    return modal;
  });
}

/** Submits the confirmation modal `modal` as `userId`. */
async function confirm(h: Harness, userId: string, modal: { id: string; view: Record<string, unknown> }) {
  return h.slack.sendViewSubmission({
    userId,
    view: {
      id: modal.id,
      callback_id: String(modal.view.callback_id),
      private_metadata: String(modal.view.private_metadata),
      state: { values: {} },
    },
  });
}

async function auditLines(h: Harness) {
  return h.db.collection('audit_trail').find({}).toArray();
}

describe('data protection: my-data, erase-me, erase @user, is_forgotten, uninstall, retention', () => {
  const harness = harnessPerTest('privacy', { now: new Date('2026-04-01T08:00:00Z') });

  it('my-data sends a JSON file by DM with every record about the caller and nothing about the other freelancer', async () => {
    const h = harness();
    const { manager, a, b } = await twoFreelancers(h);
    const answer = await ephemeralAnswer(h, '/passerelle', 'my-data', a.id);
    expect(answer).toContain('Vos données arrivent');
    const file = await eventually(() => {
      const f = h.standin.files.find((x) => x.completed && x.channelId === h.standin.state.dmFor(a.id));
      if (!f?.content) throw new Error('no file in the DM yet');
      return f;
    });
    expect(file.filename).toMatch(/^passerelle-my-data-2026-04-01\.json$/);
    const text = file.content?.toString('utf8') ?? '';
    const data = JSON.parse(text) as Record<string, Record<string, unknown>>;
    expect(data.about?.person).toBe(a.id);
    for (const t of a.texts) expect(text).toContain(t);
    expect(data.missions?.missions).toHaveLength(1);
    expect(data.checkins?.checkins).toHaveLength(3);
    expect(data.onboardingItems?.items).toHaveLength(1);
    expect(data.preferences).toMatchObject({ muted: ['reminders'], snoozedUntil: null });
    expect(text).toContain(manager);
    // Nothing about the other freelancer: neither their id, nor their name, nor any of their texts.
    for (const needle of [b.id, b.name, ...b.texts, 'secret-of-bruno']) expect(text).not.toContain(needle);
    // The export job forgot whose it was once done.
    await eventually(async () => {
      const jobs = await h.db.collection('jobs').find({ name: 'privacy.export' }).toArray();
      expect(jobs.map((j) => [j.status, j.payload])).toEqual([['done', {}]]);
    });
  });

  it('erase-me: after the confirmation nothing about them is left in any collection, while counts and scores stay', async () => {
    const h = harness();
    const { a, b } = await twoFreelancers(h);
    const before = await aggregates(h, [a.mission, b.mission]);
    expect(await traces(h, [a.id, ...a.texts])).not.toEqual([]);
    const modal = await openedModal(h, a.id, 'erase-me');
    expect(JSON.stringify(modal.view)).toContain('Effacer mes données');
    expect(JSON.stringify(modal.view)).toContain('Conservé');
    const res = await confirm(h, a.id, modal);
    expect(res.status).toBe(200);
    await eventually(async () => expect((await auditLines(h)).length).toBe(1));
    expect(await traces(h, [a.id, a.name, ...a.texts, 'secret-of-alice'])).toEqual([]);
    const after = await aggregates(h, [a.mission, b.mission]);
    expect(after).toEqual(before);
    // The other freelancer is untouched.
    expect(await traces(h, [b.id, ...b.texts])).not.toEqual([]);
    const [line] = await auditLines(h);
    expect(line).toMatchObject({ kind: 'erasure', by: 'self' });
    expect(line?.byHash ?? null).toBeNull();
    expect(String(line?.subjectHash)).toMatch(/^[0-9a-f]{16}$/);
    const mission = await h.db.collection('missions').findOne({ _id: a.mission._id });
    expect(mission?.freelancerId).toBe(`erased:${line?.subjectHash}`);
    // The next check-in slot (Monday 13 April, 10:00 Paris) sends nothing to the erased person.
    const posts = h.standin.callsTo('chat.postMessage').length;
    await passAt(h, '2026-04-13T07:00:00Z');
    await passAt(h, '2026-04-13T08:00:00Z');
    const sent = h.standin.callsTo('chat.postMessage').slice(posts);
    // The other freelancer's check-in went (the pass did send), the erased one's did not.
    expect(sent.map((c) => String(c.args.channel))).toEqual([b.id]);
    expect(await traces(h, [a.id, ...a.texts])).toEqual([]);
  });

  it('erase-me also reaches what the second half stores: offboarding, talent profile, re-engagement', async () => {
    const h = harness();
    const { manager, a, b } = await twoFreelancers(h);
    // The mission closed well: offboarding holds the feedback and the evaluation with its private
    // note; the talent pool and re-engagement record it from the closing event.
    await offboardingModel(h.db).create({
      missionId: String(a.mission._id),
      freelancerId: a.id,
      managerId: manager,
      startedAt: new Date('2026-06-25T09:00:00Z'),
      startedBy: manager,
      feedbackState: 'given',
      feedback: {
        overall: 5,
        onboarding: 4,
        communication: 5,
        recognition: 4,
        improve: 'improve-said-by-alice',
        wouldWorkAgain: true,
        recommend: 9,
        at: new Date('2026-06-26T09:00:00Z'),
      },
      evaluationGiven: true,
      evaluation: {
        rating: 5,
        skills: ['typescript'],
        recommendation: 'recommendation-about-alice',
        shareRecommendation: true,
        privateNote: 'note-about-alice',
        wouldRehire: true,
        renewed: false,
        by: manager,
        at: new Date('2026-06-27T09:00:00Z'),
      },
      closed: true,
      closedAt: new Date('2026-06-30T09:00:00Z'),
    });
    await h.deps.events.emit('mission.closed', {
      missionId: String(a.mission._id),
      freelancerId: a.id,
      managerId: manager,
      title: a.mission.title,
      skills: ['typescript'],
      closedAt: new Date('2026-06-30T09:00:00Z'),
      rating: 5,
      wouldRehire: true,
      privateNote: 'note-about-alice',
      renewed: false,
      handover: [],
    });
    const secrets = ['improve-said-by-alice', 'recommendation-about-alice', 'note-about-alice'];
    expect(await traces(h, [a.id, ...secrets])).not.toEqual([]);
    const modal = await openedModal(h, a.id, 'erase-me');
    expect((await confirm(h, a.id, modal)).status).toBe(200);
    await eventually(async () => expect((await auditLines(h)).length).toBe(1));
    expect(await traces(h, [a.id, a.name, ...a.texts, ...secrets])).toEqual([]);
    // The scores stay for the aggregates.
    const kept = await offboardingModel(h.db)
      .findOne({ missionId: String(a.mission._id) })
      .lean()
      .exec();
    expect(kept?.feedback?.recommend).toBe(9);
    expect(kept?.evaluation?.rating).toBe(5);
    expect(await traces(h, [b.id])).not.toEqual([]);
  });

  it('a Slack user_change with is_forgotten erases at once', async () => {
    const h = harness();
    const { a } = await twoFreelancers(h);
    const res = await h.slack.sendEvent({
      type: 'user_change',
      user: { id: a.id, name: a.name, deleted: true, is_forgotten: true },
    });
    expect(res.status).toBe(200);
    await eventually(async () => expect((await auditLines(h)).map((l) => l.by)).toEqual(['slack']));
    expect(await traces(h, [a.id, ...a.texts])).toEqual([]);
  });

  it('erase @user: refused to a non-admin (command and forged modal alike); an admin confirms and is told', async () => {
    const h = harness();
    const { manager, b } = await twoFreelancers(h);
    expect(await ephemeralAnswer(h, '/passerelle', `erase <@${b.id}|${b.name}>`, manager)).toContain(
      'Seuls les admins',
    );
    // An admin's modal submitted by the manager is refused too.
    const modal = await openedModal(h, ADMIN_ID, `erase <@${b.id}|${b.name}>`);
    expect(JSON.stringify(modal.view)).toContain(b.id);
    await confirm(h, manager, { ...modal, id: modal.id });
    expect(await auditLines(h)).toEqual([]);
    expect(await traces(h, [b.id])).not.toEqual([]);
    await confirm(h, ADMIN_ID, modal);
    await eventually(async () => expect((await auditLines(h)).map((l) => l.by)).toEqual(['admin']));
    expect(await traces(h, [b.id, ...b.texts])).toEqual([]);
    const [line] = await auditLines(h);
    expect(String(line?.byHash)).toMatch(/^[0-9a-f]{16}$/);
    await eventually(() =>
      expect(h.standin.messagesTo(ADMIN_ID).map((m) => m.text)).toContain(
        'Done: the personal data of a person you asked to erase is gone (logged in the audit trail).',
      ),
    );
  });

  it('erasing a manager after a real answer: their follow-up jobs and delivery journal go too', async () => {
    const h = harness();
    h.clock.set(new Date('2026-03-09T10:00:00Z'));
    const people = answerPeople(h);
    const m = await answerMission(h, people);
    const c = await sentCheckin(h, m);
    await submitCheckin(h, c, people.freelancer, answer({ score: '4', note: 'Très bonne semaine' }));
    await followUpsSettled(h, c._id);
    const where = await traces(h, [people.manager]);
    expect(where).toEqual(
      expect.arrayContaining([`jobs: ${people.manager}`, `delivery_journal: ${people.manager}`]),
    );
    const modal = await openedModal(h, ADMIN_ID, `erase <@${people.manager}|emma>`);
    await confirm(h, ADMIN_ID, modal);
    await eventually(async () => expect((await auditLines(h)).map((l) => l.by)).toEqual(['admin']));
    expect(await traces(h, [people.manager])).toEqual([]);
    // The freelancer's answer is theirs: it stays, under the manager's pseudonym.
    const stored = await checkinModel(h.db).findById(c._id).lean<Checkin>().exec();
    expect(stored?.answer?.note).toBe('Très bonne semaine');
    expect(stored?.managerId).toMatch(/^erased:[0-9a-f]{16}$/);
  });

  it('someone only in a mission’s history (a former admin who corrected it) is pseudonymised there', async () => {
    const h = harness();
    const { a } = await twoFreelancers(h);
    const former = newPerson(h, 'OLDADM', { name: 'olga' });
    await missionModel(h.db).updateOne(
      { _id: a.mission._id },
      {
        $push: {
          history: { at: new Date(), by: former, action: 'managerReassigned', details: `${former}→x` },
        },
      },
    );
    const modal = await openedModal(h, ADMIN_ID, `erase <@${former}|olga>`);
    await confirm(h, ADMIN_ID, modal);
    await eventually(async () => expect((await auditLines(h)).length).toBe(1));
    expect(await traces(h, [former])).toEqual([]);
    const mission = await h.db.collection('missions').findOne({ _id: a.mission._id });
    expect(mission?.history).toHaveLength(2);
    expect(mission?.history?.[1]?.by).toMatch(/^erased:[0-9a-f]{16}$/);
    expect(mission?.freelancerId).toBe(a.id);
  });

  it('app_uninstalled stops every job (a due check-in is not sent); purge-workspace --yes empties the data', async () => {
    const h = harness();
    const freelancer = newPerson(h, 'UNINST', { locale: 'fr-FR', tz: 'Europe/Paris' });
    const manager = newPerson(h, 'MGR', { locale: 'fr-FR', tz: 'Europe/Paris' });
    await createMission(h.db, {
      freelancerId: freelancer,
      managerId: manager,
      status: 'active',
      startDate: '2025-09-29',
      endDate: '2025-12-19',
    });
    const res = await h.slack.sendEvent({ type: 'app_uninstalled' });
    expect(res.status).toBe(200);
    await eventually(async () => expect((await auditLines(h)).map((l) => l.kind)).toEqual(['uninstall']));
    const notes = await passAt(h, '2025-10-06T08:00:00Z');
    expect(notes.join(' ')).toContain('workspace stopped');
    expect(h.standin.messagesTo(freelancer)).toEqual([]);
    expect(await h.db.collection('checkins').countDocuments()).toBe(0);

    const purge = await new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'purge-workspace', '--yes'], {
        cwd: root,
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          DOTENV_CONFIG_PATH: '/nonexistent',
          SLACK_BOT_TOKEN: BOT_TOKEN,
          MONGODB_URI: h.dbUri,
        },
      });
      let out = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      child.stderr.on('data', (c: Buffer) => (out += c.toString()));
      child.once('exit', (code) => resolve({ code, out }));
    });
    expect(purge.out).toContain('purge-workspace:');
    expect(purge.code).toBe(0);
    for (const [name, docs] of await everyDocument(h)) {
      if (name === 'audit_trail' || name === 'privacy_keys') continue;
      expect(docs, name).toEqual([]);
    }
    expect((await auditLines(h)).map((l) => l.kind)).toEqual(['uninstall', 'purge']);
  });

  it('a stopped workspace resumed sends again (the stop flag is what held the check-in)', async () => {
    const h = harness();
    const freelancer = newPerson(h, 'RESUME', { locale: 'fr-FR', tz: 'Europe/Paris' });
    const manager = newPerson(h, 'MGR', { locale: 'fr-FR', tz: 'Europe/Paris' });
    await createMission(h.db, {
      freelancerId: freelancer,
      managerId: manager,
      status: 'active',
      startDate: '2025-09-29',
      endDate: '2025-12-19',
    });
    await h.slack.sendEvent({ type: 'tokens_revoked', tokens: { oauth: [], bot: ['UBOT0001'] } });
    await eventually(async () => expect((await auditLines(h)).length).toBe(1));
    await passAt(h, '2025-10-06T07:59:00Z');
    expect(h.standin.messagesTo(freelancer)).toEqual([]);
    const { resumeWorkspace } = await import('../../src/scheduler/halt.js');
    expect(await resumeWorkspace(h.db)).toBe(true);
    await passAt(h, '2025-10-06T07:00:00Z');
    await passAt(h, '2025-10-06T08:00:00Z');
    expect(
      h.standin
        .messagesTo(freelancer)
        .map((m) => m.text ?? '')
        .join(' '),
    ).toMatch(/Point hebdomadaire/);
  });

  it('the retention pass removes free text older than 24 months and nothing else', async () => {
    const h = harness();
    const freelancer = newPerson(h, 'RETAIN', { locale: 'fr-FR', tz: 'Europe/Paris' });
    const manager = newPerson(h, 'MGR', { locale: 'fr-FR', tz: 'Europe/Paris' });
    const m = await createMission(h.db, {
      freelancerId: freelancer,
      managerId: manager,
      status: 'completed',
    });
    const old = await answeredCheckin(h, m, new Date('2024-03-25T09:00:00Z'), { score: 3, text: 'old' });
    const recent = await answeredCheckin(h, m, new Date('2024-04-08T09:00:00Z'), {
      score: 5,
      text: 'recent',
    });
    const notes = await passAt(h, '2026-04-01T08:00:00Z');
    expect(notes).toContain('checkins.retention: 1 answer(s) past retention: free text removed');
    const get = async (id: Types.ObjectId) =>
      (await checkinModel(h.db).findById(id).lean<Checkin>().exec())?.answer;
    expect(await get(old)).toEqual({
      score: 3,
      progress: '',
      blockers: '',
      needsHelp: false,
      note: '',
      visibility: 'manager',
      extra: {},
    });
    expect(await get(recent)).toEqual({
      score: 5,
      progress: 'recent progress',
      blockers: 'recent blockers',
      needsHelp: false,
      note: 'recent note',
      visibility: 'manager',
      extra: { mood: 'recent mood' },
    });
    // Once a day: a second pass that day does nothing.
    expect((await passAt(h, '2026-04-01T09:00:00Z')).join(' ')).not.toContain('retention');
  });
});
