import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase } from '../../src/db/connection.js';
import { cardBucketOf, entryLines, packEntry } from '../../src/features/talent/lines.js';
import { cardBucketModel, skillIndexModel, talentProfileModel } from '../../src/features/talent/model.js';
import {
  cardOf,
  listedSkills,
  pauseReadModelSyncs,
  syncSkillIndex,
} from '../../src/features/talent/read-model.js';
import { rebuildReadModel } from '../../src/features/talent/rebuild.js';
import { blankProfile, findProfile, type StoredProfile } from '../../src/features/talent/repository.js';
import { createLogger, silentLogger } from '../../src/logger.js';
import { eventually } from '../support/eventually.js';
import { Prng } from '../support/fuzz-random.js';
import { type Harness, startHarness } from '../support/harness.js';
import { createMission } from '../support/missions.js';
import { newUserId } from '../support/people.js';
import { closedMission, talentAnswer } from '../support/talent.js';

// Issue 19, defect 4: a read-model write must never put back an older state of a profile. Three app
// instances (each its own connection and read cache) take, all at once and round after round, the
// freelancer's own edits (Home modal: skills, e-mail, availability, opt-out), Slack deactivations
// and reactivations (`user_change` through the receiver), availability answers and closed missions
// with their ratings. Once every round's work is done, the read model must be what a rebuild from
// the profiles makes of them, and `/talent` must show the same before and after a rebuild.

const NOW = new Date('2026-05-04T09:00:00Z');
const FREELANCERS = 6;
const ROUNDS = 6;
const INSTANCES = 3;
/** The longest a sync waits between reading a profile and writing the read model. */
const MAX_PAUSE_MS = 80;
/** How long one request's work may take on a machine as busy as CI's (many test files at once). */
const WORK_MS = 15_000;

/** What the read model should hold of one profile (what `rebuildReadModel` writes for it). */
function expectedOf(p: StoredProfile): { skills: string[]; packed: string; card: unknown } {
  return {
    skills: listedSkills(p).sort(),
    packed: packEntry({
      ratingSum: p.ratingSum,
      ratingCount: p.ratingCount,
      wouldRehire: p.wouldRehireCount,
      missionsDone: p.missionsDone,
      saidAt: p.availabilitySaidAt ? new Date(p.availabilitySaidAt).getTime() : 0,
    }),
    card: p.optedOut ? null : JSON.parse(JSON.stringify(cardOf(p))),
  };
}

/** What the stored read model holds of one user: skills listed under (with their facts) and card. */
async function storedOf(h: Harness, userId: string, skills: readonly string[]) {
  const listed: string[] = [];
  const packed = new Set<string>();
  for (const s of skills) {
    const doc = await skillIndexModel(h.db).collection.findOne<{ entries: string }>({ _id: s as never });
    for (const [id, facts] of entryLines(doc?.entries ?? '')) {
      if (id !== userId) continue;
      listed.push(s);
      packed.add(facts);
    }
  }
  const bucket = await cardBucketModel(h.db).collection.findOne<{ cards: string }>({
    _id: cardBucketOf(userId) as never,
  });
  const line = [...entryLines(bucket?.cards ?? '')].find(([id]) => id === userId);
  return { skills: listed.sort(), packed: [...packed], card: line ? JSON.parse(line[1]) : null };
}

/** What a freelancer types in their profile modal. */
interface ProfileInput {
  skills: string[];
  email: string;
  availableFrom: string | null;
  optOut: boolean;
  rate: number;
}

/**
 * Submits the freelancer's profile modal (from the Home) to an instance and waits for the listener's
 * last step, their Home republished: its work, read model included, is done.
 */
async function submitProfile(a: Harness, userId: string, f: ProfileInput, logged: () => string[]) {
  const published = () => a.standin.callsTo('views.publish').filter((c) => c.args.user_id === userId).length;
  const before = published();
  const res = await a.slack.sendViewSubmission({
    userId,
    applyAck: false,
    view: {
      callback_id: 'talent.profile.modal',
      state: {
        values: {
          talent_skills: { talent_skills: { type: 'plain_text_input', value: f.skills.join(', ') } },
          talent_available_from: {
            talent_available_from: { type: 'datepicker', selected_date: f.availableFrom },
          },
          talent_day_rate: { talent_day_rate: { type: 'plain_text_input', value: `${f.rate}` } },
          talent_email: { talent_email: { type: 'email_text_input', value: f.email } },
          talent_opt_out: {
            talent_opt_out: { type: 'checkboxes', selected_options: f.optOut ? [{ value: 'opt_out' }] : [] },
          },
        },
      },
    },
  });
  expect(res.status, res.body).toBe(200);
  await eventually(
    () =>
      expect(
        published(),
        `the Home of ${userId} republished; logged: ${logged().join('\n')}`,
      ).toBeGreaterThan(before),
    WORK_MS,
  );
}

describe('the talent read model under concurrent writes', () => {
  const apps: Harness[] = [];
  /** What the instances logged at warn level or above (a listener's failure is only seen there). */
  const logged: string[] = [];
  beforeAll(async () => {
    for (let i = 0; i < INSTANCES; i += 1) {
      const logger = createLogger('warn', { write: (line: string) => logged.push(line.slice(0, 600)) });
      // The first instance opens the file's database; the others each their own connection to it.
      const db = apps[0] ? await connectDatabase(apps[0].dbUri, silentLogger()) : undefined;
      apps.push(await startHarness('talentraces', { now: NOW, logger, ...(db ? { db } : {}) }));
    }
  });
  afterAll(async () => {
    for (const a of apps) pauseReadModelSyncs(a.db, null);
    for (const [i, a] of [...apps.entries()].reverse()) {
      await a.stop();
      if (i > 0) await a.db.close();
    }
  });
  const problemsLogged = () => [...logged];

  it('ends as a rebuild from the profiles after rounds of interleaved edits, deactivations, ratings and opt-outs', async () => {
    const [h] = apps as [Harness];
    const seed = Number(process.env.RACE_SEED ?? 19);
    const rng = new Prng(seed);
    const tag = newUserId('K').toLowerCase();
    const skills = ['cobol', 'fortran', 'ada', 'lisp'].map((s) => `${s}-${tag}`);
    const manager = newUserId('RMGR');
    const freelancers = Array.from({ length: FREELANCERS }, () => newUserId('RFREE'));
    for (const a of apps) {
      for (const id of [manager, ...freelancers]) {
        a.standin.addUser({ id, name: id.toLowerCase(), locale: 'en-US', tz: 'Europe/Paris' });
      }
    }
    await createMission(h.db, { managerId: manager, freelancerId: newUserId('RMF') });
    const reachable = new Map(freelancers.map((f) => [f, true]));
    // Each sync of the read model waits a little between its read of the profile and its writes, as
    // on a busy machine: the concurrent changes of a round land in that window (its own PRNG, so the
    // rounds' operations stay those of the seed).
    const jitter = new Prng(seed + 1);
    for (const a of apps) {
      pauseReadModelSyncs(
        a.db,
        () => new Promise((resolve) => setTimeout(resolve, jitter.int(MAX_PAUSE_MS))),
      );
    }

    const editProfile = (a: Harness, userId: string, round: number) =>
      submitProfile(
        a,
        userId,
        {
          skills: skills.filter(() => rng.chance(0.5)),
          email: rng.chance(0.8) ? `${userId.toLowerCase()}-${round}@example.org` : '',
          availableFrom: rng.chance(0.6) ? `2026-0${6 + rng.int(3)}-1${rng.int(9)}` : null,
          optOut: rng.chance(0.2),
          rate: 500 + round,
        },
        problemsLogged,
      );

    const changeAccount = async (a: Harness, userId: string) => {
      const deleted = rng.chance(0.5);
      reachable.set(userId, !deleted);
      const res = await a.slack.sendEvent({
        type: 'user_change',
        user: { id: userId, name: userId.toLowerCase(), deleted },
      });
      expect(res.status).toBe(200);
      await eventually(
        async () =>
          expect((await findProfile(a.db, userId))?.reachable, problemsLogged().join('\n')).toBe(!deleted),
        WORK_MS,
      );
    };

    const answerAvailability = async (a: Harness, userId: string) => {
      const before = a.standin.ephemeralsTo(userId).length;
      const date = `2026-0${6 + rng.int(3)}-2${rng.int(9)}`;
      const action = rng.chance(0.7)
        ? { action_id: 'talent.availability.from', block_id: 'a', type: 'datepicker', selected_date: date }
        : { action_id: 'talent.availability.not_now', block_id: 'a', value: 'not_now' };
      const res = await a.slack.sendBlockAction({
        userId,
        channelId: a.standin.state.dmFor(userId),
        message: { ts: '1700000000.000200', text: 'availability' },
        actions: [action],
      });
      expect(res.status).toBe(200);
      await eventually(
        () =>
          expect(a.standin.ephemeralsTo(userId).length, problemsLogged().join('\n')).toBeGreaterThan(before),
        WORK_MS,
      );
    };

    const closeMission = (a: Harness, userId: string) =>
      a.deps.events.emit(
        'mission.closed',
        closedMission(userId, {
          managerId: manager,
          skills: [rng.pick(skills)],
          rating: rng.chance(0.8) ? 1 + rng.int(5) : null,
          wouldRehire: rng.chance(0.5),
          closedAt: NOW,
        }),
      );

    // Everyone has a profile first (an account change does not create one).
    await Promise.all(freelancers.map((f) => editProfile(h, f, 0)));
    for (let round = 1; round <= ROUNDS; round += 1) {
      const work: Promise<unknown>[] = [];
      for (const f of freelancers) {
        const at = () => rng.pick(apps);
        // Everything a round does to one freelancer starts at once, on any instance.
        if (rng.chance(0.7)) work.push(editProfile(at(), f, round));
        if (rng.chance(0.6)) work.push(changeAccount(at(), f));
        if (rng.chance(0.3)) work.push(answerAvailability(at(), f));
        if (rng.chance(0.35)) work.push(closeMission(at(), f));
      }
      await Promise.all(work);
    }

    // Every request's work is done. What the read model holds of each freelancer must be what a
    // rebuild makes of their profile (waited for: a write still on its way may land).
    await eventually(
      async () => {
        const problems: string[] = [];
        for (const f of freelancers) {
          const p = await findProfile(h.db, f);
          if (!p) throw new Error(`no profile for ${f}`);
          expect(p.reachable, `${f} reachable`).toBe(reachable.get(f));
          const want = expectedOf(p);
          const got = await storedOf(h, f, skills);
          const same =
            JSON.stringify(got.skills) === JSON.stringify(want.skills) &&
            (want.skills.length === 0 || JSON.stringify(got.packed) === JSON.stringify([want.packed])) &&
            JSON.stringify(got.card) === JSON.stringify(want.card);
          if (!same) problems.push(`${f}: stored ${JSON.stringify(got)}\n  profile ${JSON.stringify(want)}`);
        }
        expect(problems, `seed ${seed}: read model differs from the profiles`).toEqual([]);
      },
      { timeoutMs: WORK_MS, what: 'the read model in line with the profiles' },
    );

    // What /talent shows on each instance (each from its own cache) is what it shows after a rebuild.
    const shown = async () => {
      const out: string[] = [];
      for (const a of apps) for (const s of skills) out.push((await talentAnswer(a, s, manager)).all);
      return out;
    };
    expect(problemsLogged()).toEqual([]);
    const before = await shown();
    await rebuildReadModel(h.db);
    expect(before).toEqual(await shown());
  }, 60_000);
  it('takes back what a sync wrote of a profile erased while that sync was on its way', async () => {
    const [h] = apps as [Harness];
    const skill = `erlang-${newUserId('K').toLowerCase()}`;
    const f = newUserId('RERASE');
    h.standin.addUser({ id: f, name: 'erased', locale: 'en-US' });
    const input = {
      skills: [skill],
      email: 'before@example.org',
      availableFrom: null,
      optOut: false,
      rate: 500,
    };
    await submitProfile(h, f, input, problemsLogged);
    expect((await storedOf(h, f, [skill])).skills).toEqual([skill]);

    // The next edit's sync reads the profile, then waits until the erasure is done.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let paused = false;
    pauseReadModelSyncs(h.db, async (userId) => {
      if (userId !== f || paused) return;
      paused = true;
      await held;
    });
    try {
      const edit = submitProfile(h, f, { ...input, email: 'after@example.org' }, problemsLogged);
      await eventually(() => expect(paused, 'the edit’s sync paused after its read').toBe(true));
      await h.slack.sendEvent({ type: 'user_change', user: { id: f, name: 'erased', is_forgotten: true } });
      await eventually(async () => expect(await findProfile(h.db, f)).toBeNull());
      release();
      await edit;
    } finally {
      pauseReadModelSyncs(h.db, null);
    }
    expect(await storedOf(h, f, [skill])).toEqual({ skills: [], packed: [], card: null });
  });

  it('brings a profile stored before read-model versions in line (no rv, lines without one)', async () => {
    const [h] = apps as [Harness];
    const skill = `prolog-${newUserId('K').toLowerCase()}`;
    const f = newUserId('RLEGACY');
    const { rv: _rv, erasing: _erasing, ...old } = blankProfile(f, NOW);
    await talentProfileModel(h.db).collection.insertOne({
      ...old,
      skills: [skill],
      indexedSkills: [skill],
      contactEmail: 'new@example.org',
    } as never);
    // What an older version of the app left: lines without a version, of an older state.
    await skillIndexModel(h.db).collection.insertOne({
      _id: skill,
      entries: `\n${f}=0|0|0|0|0`,
      v: 1,
    } as never);
    const bucket = cardBucketModel(h.db).collection;
    const doc = await bucket.findOne<{ cards: string; v: number }>({ _id: cardBucketOf(f) as never });
    const oldCard = JSON.stringify({ ...cardOf({ ...blankProfile(f, NOW), skills: [skill] } as never) });
    await bucket.updateOne(
      { _id: cardBucketOf(f) as never },
      { $set: { cards: `${doc?.cards ?? ''}\n${f}=${oldCard}`, v: (doc?.v ?? 0) + 1 } },
      { upsert: true },
    );

    // A replayed closing (no change to the profile) syncs it as it is.
    await syncSkillIndex(h.db, f);
    const p = await findProfile(h.db, f);
    if (!p) throw new Error('the legacy profile is gone');
    const want = expectedOf(p);
    expect(await storedOf(h, f, [skill])).toEqual({
      skills: [skill],
      packed: [want.packed],
      card: want.card,
    });
    expect((want.card as { contactEmail: string }).contactEmail).toBe('new@example.org');

    // Its next change gets a version, and the line follows.
    await h.slack.sendEvent({ type: 'user_change', user: { id: f, name: 'legacy', deleted: true } });
    await eventually(async () =>
      expect((await storedOf(h, f, [skill])).card).toMatchObject({ reachable: false }),
    );
    expect((await findProfile(h.db, f))?.rv).toBe(1);
  });
});
