import mongoose from 'mongoose';
import { describe, expect, it } from 'vitest';
import { checkinMessageModel, checkinModel } from '../../src/features/checkins/model.js';
import { checkinDms } from '../support/checkin-delivery.js';
import type { Harness } from '../support/harness.js';
import { harnessPerTest } from '../support/harness-hooks.js';
import { runDue } from '../support/jobs-cli.js';
import { createMission } from '../support/missions.js';
import { passAt } from '../support/passes.js';
import { newPerson } from '../support/people.js';

/** Twelve freelancers of one manager, each with a mission whose check-in is Monday 10:00 Paris. */
async function twelveMissions(h: Harness): Promise<string[]> {
  const manager = newPerson(h, 'MGR', { name: 'max', locale: 'en-US', tz: 'Europe/Paris' });
  const freelancers: string[] = [];
  for (let i = 0; i < 12; i++) {
    const id = newPerson(h, 'RUNNER', { locale: 'en-US', tz: 'Europe/Paris' });
    freelancers.push(id);
    await createMission(h.db, {
      title: `Runner ${id}`,
      freelancerId: id,
      managerId: manager,
      status: 'active',
      startDate: '2025-12-01',
      endDate: '2026-03-27',
    });
  }
  return freelancers;
}

/** The number a pass's notes give before `label` (`12 sent`), as a whole word. */
function noted(notes: string[], label: string): number | undefined {
  const m = new RegExp(`\\b(\\d+) ${label}`).exec(notes.join(' '));
  return m ? Number(m[1]) : undefined;
}

// Runners claim whatever is due in the database and the notes count all of it: a database per test.
describe('check-ins across runners and rate limits', () => {
  const harness = harnessPerTest('checkins_runners', { now: new Date('2026-01-05T06:00:00Z') });

  it('three `npm run jobs -- run-due` processes over the same due minute send one DM per mission', async () => {
    const h = harness();
    const freelancers = await twelveMissions(h);
    // Monday 12 January 2026, 10:00 Paris.
    const results = await Promise.all([1, 2, 3].map(() => runDue(h, '2026-01-12T10:00:00+01:00')));
    for (const r of results) expect(r.code, r.out).toBe(0);
    for (const id of freelancers) expect(checkinDms(h, id), id).toHaveLength(1);
    const sent = results.map((r) => Number(/(\d+) sent/.exec(r.out)?.[1] ?? 0));
    expect(
      sent.reduce((a, b) => a + b, 0),
      results.map((r) => r.out).join('\n'),
    ).toBe(freelancers.length);
  });

  it('gets every DM through when Slack answers 429 (Retry-After: 2) to every other chat.postMessage', async () => {
    const h = harness();
    const freelancers = await twelveMissions(h);
    h.standin.rateLimit('chat.postMessage', { retryAfterSeconds: 2, every: 2 });
    const notes = await passAt(h, '2026-01-19T09:00:00Z');
    expect(noted(notes, 'sent'), notes.join(' ')).toBe(freelancers.length);
    for (const id of freelancers) expect(checkinDms(h, id), id).toHaveLength(1);
    expect(h.standin.rateLimitedCount('chat.postMessage')).toBeGreaterThan(0);
  }, 60_000);

  it('counts a check-in as sent only once Slack accepted it: a 5xx outage leaves it queued, then it goes', async () => {
    const h = harness();
    const freelancers = await twelveMissions(h);
    h.standin.failHttp('chat.postMessage', 503, { times: 1_000 });
    const notes = await passAt(h, '2026-01-26T09:00:00Z');
    expect(noted(notes, 'to retry'), notes.join(' ')).toBe(freelancers.length);
    const stored = await checkinModel(h.db).find({ week: '2026-W05' }).lean().exec();
    expect(stored).toHaveLength(freelancers.length);
    expect(stored.every((c) => c.status === 'scheduled')).toBe(true);
    const recorded = await checkinMessageModel(h.db).countDocuments({
      _id: mongoose.trusted({ $in: stored.map((c) => c._id) }),
    });
    expect(recorded).toBe(0);
    h.standin.clearFaults();
    await passAt(h, '2026-01-26T09:01:00Z');
    for (const id of freelancers) expect(checkinDms(h, id), id).toHaveLength(1);
  }, 120_000);

  it('takes over a dead runner’s claim only once its lease has ended', async () => {
    const h = harness();
    const freelancers = await twelveMissions(h);
    // Monday 2 February 2026, 10:00 Paris (09:00 UTC); the hourly planning runs at 08:00.
    await passAt(h, '2026-02-02T08:00:00Z');
    const before = new Map(freelancers.map((id) => [id, checkinDms(h, id).length]));
    const got = (id: string) => checkinDms(h, id).length - (before.get(id) ?? 0);
    const week = await checkinModel(h.db).find({ week: '2026-W06' }).sort({ freelancerId: 1 }).lean().exec();
    expect(week).toHaveLength(freelancers.length);
    const ids = (from: number, to: number) => ({
      _id: mongoose.trusted({ $in: week.slice(from, to).map((c) => c._id) }),
    });
    // A runner claimed four and died before sending.
    await checkinModel(h.db).updateMany(ids(0, 4), {
      $set: { status: 'sending', claimOwner: 'dead:0', claimExpiresAt: new Date('2026-02-02T09:15:00Z') },
    });

    const first = await passAt(h, '2026-02-02T09:00:00Z');
    expect(noted(first, 'sent'), first.join(' ')).toBe(8);
    expect((await passAt(h, '2026-02-02T09:14:00Z')).join(' ')).not.toContain('sent');
    for (const [i, c] of week.entries()) expect(got(c.freelancerId), c.freelancerId).toBe(i < 4 ? 0 : 1);

    const takeover = await passAt(h, '2026-02-02T09:15:00Z');
    expect(noted(takeover, 'sent'), takeover.join(' ')).toBe(4);
    await passAt(h, '2026-02-02T09:30:00Z');
    for (const id of freelancers) expect(got(id), id).toBe(1);
    const stored = await checkinModel(h.db).find({ week: '2026-W06' }).lean().exec();
    expect(stored.every((c) => c.status === 'sent')).toBe(true);
  }, 60_000);
});
