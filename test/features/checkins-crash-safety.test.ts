import mongoose from 'mongoose';
import { afterEach, describe, expect, it } from 'vitest';
import { buildDeps } from '../../src/compose.js';
import { checkinMessageModel, checkinModel } from '../../src/features/checkins/model.js';
import { silentLogger } from '../../src/logger.js';
import { eventually } from '../support/eventually.js';
import { type Harness, startHarness, testConfig } from '../support/harness.js';
import { spawnRunDue } from '../support/jobs-cli.js';
import { createMission } from '../support/missions.js';
import { passAt } from '../support/passes.js';

// A unit (one due minute, one lane) of this many check-ins: well over the in-flight window.
const UNIT = 120;
// What the app sends at once by default: slices of half a second at 48 posts/s, three in flight.
const IN_FLIGHT_MAX = 3 * Math.ceil(48 / 2);

/** 120 missions whose Monday 12 January 2026 10:00 (Paris) check-ins all fall in one unit. */
async function oneBigUnit(h: Harness, tag: string): Promise<string[]> {
  const freelancers = Array.from({ length: UNIT }, (_, i) => `U${tag}${String(i).padStart(4, '0')}`);
  h.standin.addUser({ id: `U${tag}MGR`, name: 'manon', locale: 'fr-FR', tz: 'Europe/Paris' });
  for (const id of freelancers) {
    h.standin.addUser({ id, name: id.toLowerCase(), locale: 'fr-FR', tz: 'Europe/Paris' });
    await createMission(h.db, {
      freelancerId: id,
      managerId: `U${tag}MGR`,
      status: 'active',
      startDate: '2026-01-05',
      endDate: '2026-06-26',
    });
  }
  await passAt(h, '2026-01-12T08:00:00Z'); // the hourly planning
  const moved = await checkinModel(h.db).updateMany({ week: '2026-W03' }, { $set: { lane: 0 } });
  expect(moved.modifiedCount).toBe(UNIT);
  return freelancers;
}

function checkinDms(h: Harness, id: string): number {
  return h.standin.messagesTo(id).filter((m) => /^Point hebdomadaire pour/.test(m.text ?? '')).length;
}

function totalDms(h: Harness, ids: readonly string[]): number {
  return ids.reduce((n, id) => n + checkinDms(h, id), 0);
}

/** Another instance of the app on the same database and Slack (the one that carries on after a stop). */
function nextInstance(h: Harness) {
  return buildDeps(testConfig(h.standin.apiUrl), silentLogger(), h.clock, h.db, {
    slackRetries: { retries: 2, factor: 2, minTimeout: 20, maxTimeout: 100 },
  });
}

/** `npm run jobs -- run-due` for the unit's minute, in its own process. */
function runDueChild(h: Harness) {
  return spawnRunDue(h, '2026-01-12T10:00:00+01:00');
}

/** Waits until the unit's freelancers got at least `n` check-in DMs. */
function atLeast(h: Harness, freelancers: readonly string[], n: number, timeoutMs: number) {
  return eventually(() => {
    const seen = totalDms(h, freelancers);
    if (seen < n) throw new Error(`expected at least ${n} check-in DMs, saw ${seen}`);
    return true;
  }, timeoutMs);
}

describe('check-in delivery survives a deploy and a crash', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.stop();
    h = undefined;
  });

  it('a stop (SIGTERM) mid-unit records what went, releases the rest, and every check-in is sent exactly once', async () => {
    h = await startHarness('crash_sigterm');
    const harness = h;
    const freelancers = await oneBigUnit(harness, 'TRM');
    const pass = passAt(harness, '2026-01-12T09:00:00Z');
    await atLeast(harness, freelancers, 5, 20_000);
    expect(await harness.deps.scheduler.stop()).toBe(true);
    await pass;
    const beforeRestart = totalDms(harness, freelancers);
    expect(beforeRestart).toBeLessThan(UNIT);
    // What Slack accepted is recorded as sent; what never went is back in the queue, not stuck in a claim.
    const week = await checkinModel(harness.db).find({ week: '2026-W03' }).lean().exec();
    expect(week.filter((c) => c.status === 'sent')).toHaveLength(beforeRestart);
    expect(week.filter((c) => c.status === 'scheduled')).toHaveLength(UNIT - beforeRestart);

    const next = nextInstance(harness);
    for (const at of ['2026-01-12T09:01:00Z', '2026-01-12T09:20:00Z', '2026-01-12T09:40:00Z']) {
      harness.clock.set(new Date(at));
      await next.scheduler.runPass();
    }
    for (const id of freelancers) expect(checkinDms(harness, id), id).toBe(1);
    const after = await checkinModel(harness.db).find({ week: '2026-W03' }).lean().exec();
    expect(after.every((c) => c.status === 'sent')).toBe(true);
    const refs = await checkinMessageModel(harness.db)
      .countDocuments({ _id: mongoose.trusted({ $in: after.map((c) => c._id) }) })
      .exec();
    expect(refs).toBe(UNIT);
  }, 90_000);

  it('a killed runner (SIGKILL) mid-unit leaves at most the DMs in flight unsent, and none is sent twice', async () => {
    h = await startHarness('crash_sigkill');
    const harness = h;
    const freelancers = await oneBigUnit(harness, 'KIL');
    const { child, exited } = runDueChild(harness);
    await atLeast(harness, freelancers, 10, 60_000);
    child.kill('SIGKILL');
    await exited;
    const atKill = totalDms(harness, freelancers);
    expect(atKill).toBeLessThan(UNIT);

    // Before the lease ends nobody touches the dead runner's claim; after it, the rest goes.
    expect((await passAt(harness, '2026-01-12T09:05:00Z')).join(' ')).not.toMatch(/\d+ sent/);
    const notes = (await passAt(harness, '2026-01-12T09:17:00Z')).join(' ');
    await passAt(harness, '2026-01-12T09:30:00Z');
    const counts = freelancers.map((id) => checkinDms(harness, id));
    expect(Math.max(...counts), 'a check-in DM sent twice').toBe(1);
    const missing = counts.filter((n) => n === 0).length;
    const inDoubt = Number(/(\d+) in doubt/.exec(notes)?.[1] ?? 0);
    expect(missing, `missing DMs (notes: ${notes})`).toBeLessThanOrEqual(inDoubt);
    expect(inDoubt, 'more in doubt than the slices in flight').toBeLessThanOrEqual(IN_FLIGHT_MAX);
    // An in-doubt check-in is not re-sent, but stays open: /checkin and the Home still offer it.
    const week = await checkinModel(harness.db).find({ week: '2026-W03' }).lean().exec();
    expect(week.every((c) => c.status === 'sent')).toBe(true);
  }, 120_000);

  it('`npm run jobs -- run-due` stopped by SIGTERM mid-unit exits cleanly, and the next pass sends the rest once', async () => {
    h = await startHarness('crash_cli_term');
    const harness = h;
    const freelancers = await oneBigUnit(harness, 'CLI');
    const { child, exited } = runDueChild(harness);
    await atLeast(harness, freelancers, 5, 60_000);
    child.kill('SIGTERM');
    const { code, out } = await exited;
    expect(code, out).toBe(0);
    expect(out).toMatch(/checkins\.delivery: \d+ sent/);
    const beforeRestart = totalDms(harness, freelancers);
    expect(beforeRestart).toBeLessThan(UNIT);
    const week = await checkinModel(harness.db).find({ week: '2026-W03' }).lean().exec();
    expect(week.filter((c) => c.status === 'sent')).toHaveLength(beforeRestart);
    expect(week.filter((c) => c.status === 'scheduled')).toHaveLength(UNIT - beforeRestart);
    // Nothing is left claimed: the next pass, a minute later, sends the rest without waiting for a lease.
    await passAt(harness, '2026-01-12T09:02:00Z');
    for (const id of freelancers) expect(checkinDms(harness, id), id).toBe(1);
  }, 120_000);
});
