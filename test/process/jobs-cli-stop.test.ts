import mongoose from 'mongoose';
import { afterEach, describe, expect, it } from 'vitest';
import { checkinMessageModel, checkinModel } from '../../src/features/checkins/model.js';
import { missionModel } from '../../src/features/missions/model.js';
import { checkinDms } from '../support/checkin-delivery.js';
import { cpuPressure } from '../support/cpu-pressure.js';
import { eventually } from '../support/eventually.js';
import type { Harness } from '../support/harness.js';
import { harnessPerTest } from '../support/harness-hooks.js';
import { type CliExit, spawnRunDue, spawnRunDueGroup } from '../support/jobs-cli.js';
import { newMission } from '../support/missions.js';
import { passAt } from '../support/passes.js';
import { newPerson } from '../support/people.js';

// A deploy on a busy machine: `npm run jobs -- run-due` sending 200 check-ins is stopped by SIGTERM
// after about 50 DMs, with two CPU-bound processes beside it, then the next pass runs. Nothing may
// be lost, nothing sent twice, nothing left in doubt: a graceful stop hands nothing to Slack that it
// does not see answered.
const CHECKINS = 200;
const STOP_AFTER = 50;
// Timeouts are generous on purpose: on a machine loaded ten times over (a load average of 20 on two
// cores, the spinners aside) a test took up to 7 minutes; they cost nothing when things go well.
/** The pass the CLI runs: Monday 12 January 2026, 10:00 in Paris, when the 200 check-ins are due. */
const DUE = '2026-01-12T10:00:00+01:00';

/** 200 freelancers (French, Paris) with an active mission whose check-in is due at `DUE`. */
async function twoHundredDue(h: Harness): Promise<string[]> {
  const manager = newPerson(h, 'MGR', { name: 'manon', locale: 'fr-FR', tz: 'Europe/Paris' });
  const freelancers = Array.from({ length: CHECKINS }, () =>
    newPerson(h, 'FREEL', { locale: 'fr-FR', tz: 'Europe/Paris' }),
  );
  await missionModel(h.db).insertMany(
    freelancers.map((freelancerId) =>
      newMission({
        freelancerId,
        managerId: manager,
        status: 'active',
        startDate: '2026-01-05',
        endDate: '2026-06-26',
      }),
    ),
  );
  await passAt(h, '2026-01-12T08:00:00Z'); // the hourly planning
  // Three units (due minute, lane) of 66-67: the stop comes in the middle of the first or second.
  await checkinModel(h.db)
    .find({ week: '2026-W03' }, { _id: 1 })
    .lean()
    .exec()
    .then((rows) =>
      Promise.all(
        [0, 1, 2].map((lane) =>
          checkinModel(h.db).updateMany(
            { _id: mongoose.trusted({ $in: rows.filter((_, i) => i % 3 === lane).map((r) => r._id) }) },
            { $set: { lane } },
          ),
        ),
      ),
    );
  const due = await checkinModel(h.db).countDocuments({ week: '2026-W03', status: 'scheduled' }).exec();
  expect(due).toBe(CHECKINS);
  return freelancers;
}

/** The check-in DMs the stand-in received for `freelancers`, all of them counted. */
function dmsTo(h: Harness, freelancers: readonly string[]): number[] {
  return freelancers.map((id) => checkinDms(h, id).length);
}

/** The CLI stopped, then the next pass: what became of the 200 check-ins. */
async function outcome(h: Harness, freelancers: readonly string[], cli: CliExit) {
  const atStop = dmsTo(h, freelancers).reduce((a, b) => a + b, 0);
  const week = await checkinModel(h.db).find({ week: '2026-W03' }).lean().exec();
  const afterStop = {
    dmsAtStop: atStop,
    // A graceful stop leaves no claim behind: what went is recorded sent, the rest is back in the queue.
    stillClaimed: week.filter((c) => c.status === 'sending').length,
    recordedSent: week.filter((c) => c.status === 'sent').length,
    report: /run-due at .*:\n/.test(cli.out),
    stopSummary: /stopped by SIGTERM/.test(cli.out),
  };
  // Past the 15-min lease: a claim left by a runner that died would be taken over here, and what it
  // had handed to Slack counted in doubt.
  const notes = await passAt(h, '2026-01-12T09:20:00Z');
  const counts = dmsTo(h, freelancers);
  const after = await checkinModel(h.db).find({ week: '2026-W03' }).lean().exec();
  const refs = await checkinMessageModel(h.db)
    .countDocuments({ _id: mongoose.trusted({ $in: after.map((c) => c._id) }) })
    .exec();
  return {
    ...afterStop,
    inDoubt: Number(/(\d+) in doubt/.exec(notes.join('\n'))?.[1] ?? 0),
    lost: counts.filter((n) => n === 0).length,
    sentTwice: counts.filter((n) => n > 1).length,
    allSent: after.filter((c) => c.status === 'sent').length,
    messageRefs: refs,
  };
}

const expected = (dmsAtStop: number) => ({
  dmsAtStop,
  stillClaimed: 0,
  recordedSent: dmsAtStop,
  report: true,
  stopSummary: true,
  inDoubt: 0,
  lost: 0,
  sentTwice: 0,
  allSent: CHECKINS,
  messageRefs: CHECKINS,
});

describe('npm run jobs -- run-due stopped by SIGTERM on a busy machine', () => {
  const harness = harnessPerTest('cli_stop', { now: new Date('2026-01-12T08:00:00Z') });
  let pressure: { stop(): Promise<void> } | undefined;
  /** Kills what a failed test left running (by pid: the CLI or its group). */
  let leftover: (() => void) | undefined;
  afterEach(async () => {
    await pressure?.stop();
    pressure = undefined;
    leftover?.();
    leftover = undefined;
  });

  /** Waits until at least STOP_AFTER of the check-in DMs reached the stand-in. */
  const fiftyDms = (h: Harness, freelancers: readonly string[]) =>
    eventually(
      () => {
        const seen = dmsTo(h, freelancers).reduce((a, b) => a + b, 0);
        expect(seen, 'check-in DMs at the stand-in').toBeGreaterThanOrEqual(STOP_AFTER);
        return seen;
      },
      { timeoutMs: 600_000, what: `${STOP_AFTER} check-in DMs` },
    );

  it('the whole npm process group signalled (Ctrl-C, systemd): 0 in doubt, 0 lost, each sent once, a report', async () => {
    const h = harness();
    const freelancers = await twoHundredDue(h);
    pressure = cpuPressure(2);
    const cli = spawnRunDueGroup(h, DUE);
    leftover = () => cli.groupGone() || cli.signalGroup('SIGKILL');
    await fiftyDms(h, freelancers);
    cli.signalGroup('SIGTERM');
    const exit = await cli.exited;
    await eventually(() => cli.groupGone(), { timeoutMs: 120_000, what: 'every process of the group gone' });
    await pressure.stop();
    const got = await outcome(h, freelancers, exit);
    expect(got, exit.out).toEqual(expected(got.dmsAtStop));
    expect(got.dmsAtStop).toBeLessThan(CHECKINS);
  }, 900_000);

  it('the node process alone signalled: 0 in doubt, 0 lost, each sent once, a report, exit 0', async () => {
    const h = harness();
    const freelancers = await twoHundredDue(h);
    pressure = cpuPressure(2);
    const cli = spawnRunDue(h, DUE);
    leftover = () => cli.child.kill('SIGKILL');
    await fiftyDms(h, freelancers);
    cli.child.kill('SIGTERM');
    const exit = await cli.exited;
    await pressure.stop();
    const got = await outcome(h, freelancers, exit);
    expect(got, exit.out).toEqual(expected(got.dmsAtStop));
    expect(got.dmsAtStop).toBeLessThan(CHECKINS);
    expect(exit.code, exit.out).toBe(0);
  }, 900_000);
});
