import { afterEach, describe, expect, it } from 'vitest';
import { rebuildStats } from '../../src/features/analytics/index.js';
import { rollupModel } from '../../src/features/analytics/rollups/model.js';
import { type Checkin, checkinModel } from '../../src/features/checkins/model.js';
import { answer, submitCheckin } from '../support/checkin-answers.js';
import { Prng } from '../support/fuzz-random.js';
import { type Harness, startHarness } from '../support/harness.js';
import { createMission } from '../support/missions.js';
import { passAt } from '../support/passes.js';

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
    expect(report.records).toBe(all.length);
    expect(await figures(h)).toEqual(incremental);
  });
});
