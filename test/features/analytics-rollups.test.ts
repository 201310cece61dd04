import { afterEach, describe, expect, it } from 'vitest';
import { rebuildStats } from '../../src/features/analytics/index.js';
import { rollupModel } from '../../src/features/analytics/rollups/model.js';
import { type Checkin, checkinModel } from '../../src/features/checkins/model.js';
import { changeStatus } from '../../src/features/missions/repository.js';
import {
  insertOffboarding,
  markClosed,
  markFeedbackNotGiven,
  storeEvaluation,
  storeFeedback,
} from '../../src/features/offboarding/repository.js';
import { answer, submitCheckin } from '../support/checkin-answers.js';
import { addAnimator, postEvent, rsvp } from '../support/community.js';
import { eventually } from '../support/eventually.js';
import { Prng } from '../support/fuzz-random.js';
import { type Harness, startHarness } from '../support/harness.js';
import { spawnRunDue } from '../support/jobs-cli.js';
import { createMission } from '../support/missions.js';
import { passAt } from '../support/passes.js';
import { checkinRecord, startedOffboarding } from '../support/stats-records.js';

/** The rollup documents as figures: zeros and empty days dropped (an added then taken back figure is 0). */
async function figures(h: Harness): Promise<Record<string, Record<string, number>>> {
  const docs = await rollupModel(h.db).find({}).lean().exec();
  const out: Record<string, Record<string, number>> = {};
  for (const doc of docs) {
    const flat: Record<string, number> = {};
    const walk = (prefix: string, v: unknown) => {
      if (typeof v === 'number') {
        if (v !== 0) flat[prefix] = v;
      } else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) walk(prefix ? `${prefix}.${k}` : k, x);
      }
    };
    walk('', { d: doc.d, hr: doc.hr, t: doc.t });
    if (Object.keys(flat).length > 0) out[doc._id] = flat;
  }
  return out;
}

/** Sums of one field over every day of a scope's documents. */
function total(f: Record<string, Record<string, number>>, scope: string, field: string): number {
  let n = 0;
  for (const [id, paths] of Object.entries(f)) {
    if (!id.startsWith(`${scope}|`)) continue;
    for (const [p, v] of Object.entries(paths)) if (p.startsWith('d.') && p.endsWith(`.${field}`)) n += v;
  }
  return n;
}

describe('analytics rollups', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.stop();
    h = undefined;
  });

  it('after a random history of check-ins sent, answered and edited, the incremental figures equal a rebuild from the raw records', async () => {
    h = await startHarness('rollups_random', { now: new Date('2026-01-05T07:00:00Z') });
    const rng = new Prng(20261203);
    const managers = ['URLMGR01', 'URLMGR02'];
    const freelancers = Array.from({ length: 8 }, (_, i) => `URLFRE${String(i).padStart(2, '0')}`);
    for (const id of [...managers, ...freelancers])
      h.standin.addUser({ id, name: id, locale: 'fr-FR', tz: 'Europe/Paris' });
    for (const [i, id] of freelancers.entries()) {
      await createMission(h.db, {
        freelancerId: id,
        managerId: managers[i % 2] ?? '',
        status: 'active',
        startDate: '2026-01-05',
        endDate: '2026-06-26',
      });
    }
    const expected = { sent: 0, answered: 0, scoreSum: 0, hrScoreSum: 0 };
    const answers = new Map<string, { score: number; hr: boolean }>();
    for (const week of [0, 1, 2]) {
      const monday = new Date(Date.UTC(2026, 0, 12 + 7 * week));
      await passAt(h, new Date(monday.getTime() - 2 * 3600_000).toISOString()); // planning
      await passAt(h, new Date(monday.getTime() + 9 * 3600_000).toISOString()); // 10:00 Paris: delivery
      const sent = await checkinModel(h.db).find({ status: 'sent' }).lean<Checkin[]>().exec();
      for (const c of sent) {
        if (!rng.chance(0.7)) continue;
        const score = 1 + rng.int(5);
        const hr = rng.chance(0.3);
        const res = await submitCheckin(
          h,
          c,
          c.freelancerId,
          answer({ score: String(score), visibility: hr ? 'hr' : 'manager' }),
        );
        expect(res.status).toBe(200);
        answers.set(String(c._id), { score, hr });
      }
      // Some answers are edited (score and visibility), which takes back what they added before.
      for (const [id, a] of answers) {
        if (!rng.chance(0.2)) continue;
        const c = await checkinModel(h.db).findById(id).lean<Checkin>().exec();
        if (c?.status !== 'answered' || (c.editableUntil && c.editableUntil < h.clock.now())) continue;
        const next = { score: 1 + rng.int(5), hr: !a.hr };
        const res = await submitCheckin(
          h,
          c,
          c.freelancerId,
          answer({ score: String(next.score), visibility: next.hr ? 'hr' : 'manager' }),
        );
        expect(res.status).toBe(200);
        answers.set(id, next);
      }
      await passAt(h, new Date(monday.getTime() + 10 * 3600_000).toISOString()); // the applier counts
    }
    await passAt(h, '2026-02-02T12:00:00Z');
    await passAt(h, '2026-02-02T12:01:00Z'); // what the delivery beside the applier sent is counted now
    const all = await checkinModel(h.db).find({}).lean<Checkin[]>().exec();
    for (const c of all) {
      if (c.sentAt) expected.sent += 1;
      if (c.status === 'answered' && c.answer) {
        expected.answered += 1;
        if (c.answer.visibility === 'hr') expected.hrScoreSum += c.answer.score;
        else expected.scoreSum += c.answer.score;
      }
    }
    expect(expected.sent).toBeGreaterThan(16);
    expect(expected.answered).toBeGreaterThan(5);
    const incremental = await figures(h);
    expect(total(incremental, 'ws', 'checkinsSent')).toBe(expected.sent);
    expect(total(incremental, 'ws', 'checkinsAnswered')).toBe(expected.answered);
    expect(total(incremental, 'ws', 'scoreSum')).toBe(expected.scoreSum);
    expect(total(incremental, 'ws', 'hrScoreSum')).toBe(expected.hrScoreSum);
    // No record is left to count, no batch in flight.
    expect(await checkinModel(h.db).countDocuments({ rollupDirty: true })).toBe(0);

    const report = await rebuildStats(h.db, h.deps.features, h.clock);
    expect(report.records).toBe(all.length + freelancers.length); // the check-ins and the missions
    expect(report.snapshotsFixed).toBe(0); // every record's snapshot was what the applier counted
    expect(await figures(h)).toEqual(incremental);
  });

  it('missions, offboardings and event answers count too, and a rebuild finds the same figures', async () => {
    h = await startHarness('rollups_sources', { now: new Date('2026-02-02T09:00:00Z') });
    const rng = new Prng(777);
    const managers = ['URSMGR01', 'URSMGR02', 'URSMGR03'];
    const expected = {
      started: 0,
      staffing: 0,
      onboarding: 0,
      ended: 0,
      renewed: 0,
      ratings: 0,
      feedbacks: 0,
      promoters: 0,
      notGiven: 0,
    };
    for (let i = 0; i < 24; i++) {
      const start = `2026-0${1 + rng.int(6)}-1${rng.int(9)}`;
      const need = rng.chance(0.7) ? `2025-12-0${1 + rng.int(9)}` : null;
      const m = await createMission(h.db, {
        freelancerId: `URSFRE${String(i).padStart(2, '0')}`,
        managerId: managers[i % 3] ?? '',
        status: 'onboarding',
        startDate: start,
        endDate: '2026-12-18',
        needExpressedOn: need,
      });
      if (rng.chance(0.15)) {
        await changeStatus(h.db, m._id, 'onboarding', 'cancelled', {
          at: h.clock.now(),
          by: 'UADMIN01',
          action: 'cancel',
        });
        continue;
      }
      expected.started += 1;
      if (need) expected.staffing += 1;
      if (rng.chance(0.6)) {
        const days = 1 + rng.int(20);
        await changeStatus(
          h.db,
          m._id,
          'onboarding',
          'active',
          { at: h.clock.now(), by: m.freelancerId, action: 'onboarding completed' },
          {
            onboardingCompletedAt: new Date(`${start}T15:00:00Z`),
            onboardingDurationDays: days,
          },
        );
        expected.onboarding += 1;
      }
      if (rng.chance(0.5)) {
        const missionId = String(m._id);
        await insertOffboarding(
          h.db,
          startedOffboarding(
            { missionId, freelancerId: m.freelancerId, managerId: m.managerId },
            h.clock.now(),
          ),
        );
        if (rng.chance(0.6)) {
          const recommend = rng.int(11);
          await storeFeedback(h.db, missionId, {
            overall: 1 + rng.int(5),
            onboarding: 1 + rng.int(5),
            communication: 1 + rng.int(5),
            recognition: 1 + rng.int(5),
            improve: 'more context',
            wouldWorkAgain: rng.chance(0.7),
            recommend,
            at: new Date('2026-06-20T10:00:00Z'),
          });
          expected.feedbacks += 1;
          if (recommend >= 9) expected.promoters += 1;
        }
        const notGiven = rng.chance(0.5);
        if (notGiven) await markFeedbackNotGiven(h.db, missionId); // no-op when given
        const renewed = rng.chance(0.3);
        await storeEvaluation(h.db, missionId, {
          rating: 1 + rng.int(5),
          skills: [],
          recommendation: '',
          shareRecommendation: false,
          privateNote: 'note',
          wouldRehire: rng.chance(0.6),
          renewed,
          by: m.managerId,
          at: new Date('2026-06-21T10:00:00Z'),
        });
        expected.ratings += 1;
        if (rng.chance(0.8)) {
          await markClosed(h.db, missionId, new Date('2026-06-22T10:00:00Z'));
          expected.ended += 1;
          if (renewed) expected.renewed += 1;
          const stored = await h.db.collection('offboardings').findOne({ missionId });
          if (stored?.feedbackState === 'notGiven') expected.notGiven += 1;
        }
      }
      if (i % 6 === 0) await passAt(h, `2026-02-02T09:0${i / 6}:00Z`); // the applier counts between changes
    }
    addAnimator(h);
    const posted = await postEvent(h, { date: '2026-03-12' });
    for (let i = 0; i < 7; i++) {
      const id = `URSATT${i}`;
      h.standin.addUser({ id, name: id, locale: 'fr-FR', tz: 'Europe/Paris' });
      const res = await rsvp(h, posted, posted.event._id, id, i < 5 ? 'going' : 'maybe');
      expect(res.status).toBe(200);
    }
    await rsvp(h, posted, posted.event._id, 'URSATT0', 'no'); // changes their mind
    await passAt(h, '2026-02-02T10:00:00Z');
    await passAt(h, '2026-02-02T10:01:00Z');
    const incremental = await figures(h);
    expect(total(incremental, 'ws', 'missionsStarted')).toBe(expected.started);
    expect(total(incremental, 'ws', 'staffingCount')).toBe(expected.staffing);
    expect(total(incremental, 'ws', 'onboardingCount')).toBe(expected.onboarding);
    expect(total(incremental, 'ws', 'missionsEnded')).toBe(expected.ended);
    expect(total(incremental, 'ws', 'missionsRenewed')).toBe(expected.renewed);
    expect(total(incremental, 'ws', 'evaluations')).toBe(expected.ratings);
    expect(total(incremental, 'ws', 'feedbacks')).toBe(expected.feedbacks);
    expect(total(incremental, 'ws', 'promoters')).toBe(expected.promoters);
    expect(total(incremental, 'ws', 'feedbackNotGiven')).toBe(expected.notGiven);
    expect(total(incremental, 'ws', 'events')).toBe(1);
    expect(total(incremental, 'ws', 'going')).toBe(4);
    // A manager's scope holds their missions only: the three scopes add up to the workspace.
    const managerStarted = ['m:'].flatMap(() => Object.keys(incremental).filter((k) => k.startsWith('m:')));
    expect(managerStarted.length).toBeGreaterThanOrEqual(3);
    let byManagers = 0;
    for (const k of managerStarted)
      byManagers += total({ [k]: incremental[k] ?? {} }, k.split('|')[0] ?? '', 'missionsStarted');
    expect(byManagers).toBe(expected.started);

    await rebuildStats(h.db, h.deps.features, h.clock);
    expect(await figures(h)).toEqual(incremental);
  });

  it('an applier killed (SIGKILL) mid-batch, again and again, neither loses nor doubles a figure', async () => {
    h = await startHarness('rollups_kill', { now: new Date('2026-03-02T09:00:00Z') });
    const harness = h;
    const m = await createMission(harness.db, {
      freelancerId: 'URKFRE01',
      managerId: 'URKMGR01',
      status: 'active',
      startDate: '2026-01-05',
      endDate: '2026-12-18',
    });
    // 450 sent then missed check-ins (dirty, as the writes that moved them leave them; nothing else
    // acts on them): several batches for the applier.
    const docs = Array.from({ length: 450 }, (_, i) =>
      checkinRecord({
        missionId: m._id,
        week: `W${i}`,
        dueAt: new Date(Date.UTC(2026, 0, 5 + (i % 50), 9)),
        freelancerId: m.freelancerId,
        managerId: m.managerId,
        title: m.title,
        status: 'missed',
      }),
    );
    for (let i = 0; i < docs.length; i += 500)
      await checkinModel(harness.db).insertMany(docs.slice(i, i + 500));
    const batches = harness.db.collection('stat_rollup_batches');
    // Each run comes after the killed one's lock expired (2 minutes).
    const seen = new Set<string>();
    for (const i of [0, 1]) {
      const run = spawnRunDue(harness, `2026-03-02T10:${String(5 * (i + 1)).padStart(2, '0')}:00+01:00`);
      await eventually(
        async () => {
          const batch = await batches.findOne({ _id: { $nin: [...seen] } as never });
          if (!batch) throw new Error('no new batch yet');
          seen.add(String(batch._id));
          return true;
        },
        { timeoutMs: 30_000, what: 'a batch of the applier' },
      );
      run.child.kill('SIGKILL');
      await run.exited;
    }
    // The lock of the killed appliers expires; the next one finishes what they left.
    harness.clock.set(new Date('2026-03-02T09:20:00Z'));
    await harness.deps.scheduler.runPass();
    await harness.deps.scheduler.runPass();
    expect(await batches.countDocuments({})).toBe(0);
    expect(await checkinModel(harness.db).countDocuments({ rollupDirty: true })).toBe(0);
    const incremental = await figures(harness);
    expect(total(incremental, 'ws', 'checkinsSent')).toBe(450);
    expect(
      total(
        incremental,
        `m:${Object.keys(incremental)
          .find((k) => k.startsWith('m:'))
          ?.slice(2, 18)}`,
        'checkinsSent',
      ),
    ).toBe(450);
    expect(incremental[`mission:${m._id}`]?.['t.checkinsSent']).toBe(450);
    await rebuildStats(harness.db, harness.deps.features, harness.clock);
    expect(await figures(harness)).toEqual(incremental);
  }, 120_000);
});
