import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { silentLogger } from '../../src/logger.js';
import { JobRunner } from '../../src/scheduler/runner.js';
import { Scheduler } from '../../src/scheduler/scheduler.js';
import { testDatabaseUri } from '../support/database.js';

/** A promise and the function that settles it: a worker the test lets finish when it wants. */
function gate() {
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

describe('scheduler: passes in order, workers beside the jobs, a stop that waits', () => {
  let conn: Connection;
  beforeAll(async () => {
    conn = await mongoose.createConnection(testDatabaseUri('scheduler')).asPromise();
  });
  afterAll(async () => {
    await conn.close();
  });

  function scheduler() {
    const clock = new ManualClock(new Date('2026-03-02T09:00:00Z'));
    const runner = new JobRunner(conn, clock, silentLogger(), { owner: `sched-${Math.random()}` });
    return { runner, scheduler: new Scheduler(runner, clock, silentLogger()) };
  }

  it('runs the passes one after another, then the workers and the due jobs side by side', async () => {
    const { runner, scheduler: s } = scheduler();
    const order: string[] = [];
    const slow = gate();
    s.addPass('plan', async () => {
      order.push('plan');
      return 'planned';
    });
    s.addPass('close', async () => {
      order.push('close');
      return undefined;
    });
    s.addWorker('deliver', async () => {
      order.push('deliver:start');
      await slow.opened;
      order.push('deliver:end');
      return '3 sent';
    });
    const key = `job-beside-worker-${Math.random()}`;
    runner.register(`test.beside.${key}`, async () => {
      order.push('job');
      slow.open(); // the job ran while the worker was still busy: it was not held up behind it
    });
    await runner.enqueue({ key, name: `test.beside.${key}`, runAt: new Date('2026-03-02T08:00:00Z') });
    const report = await s.runPass();
    expect(order).toEqual(['plan', 'close', 'deliver:start', 'job', 'deliver:end']);
    expect(report.notes).toEqual(['plan: planned', 'deliver: 3 sent']);
    expect(report.outcomes.map((o) => o.result)).toEqual(['done']);
  });

  it('does not start a worker again while its previous run is still going', async () => {
    const { scheduler: s } = scheduler();
    const slow = gate();
    let runs = 0;
    s.addWorker('deliver', async () => {
      runs += 1;
      await slow.opened;
      return undefined;
    });
    const first = s.runPass();
    const second = s.runPass();
    slow.open();
    await Promise.all([first, second]);
    expect(runs).toBe(1);
  });

  it('on stop, aborts the workers’ signal and waits for them to reach their safe point', async () => {
    const { scheduler: s } = scheduler();
    const events: string[] = [];
    s.addWorker('deliver', async (_now, signal) => {
      await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
      events.push('recorded what went');
      return undefined;
    });
    const pass = s.runPass();
    await new Promise((resolve) => setImmediate(resolve));
    expect(await s.stop()).toBe(true);
    events.push('stopped');
    await pass;
    expect(events).toEqual(['recorded what went', 'stopped']);
    // A stopped scheduler starts nothing more.
    expect((await s.runPass()).notes).toEqual([]);
  });

  it('gives up waiting after its timeout when a worker never reaches a safe point', async () => {
    const { scheduler: s } = scheduler();
    s.addWorker('stuck', () => new Promise(() => {}));
    void s.runPass();
    await new Promise((resolve) => setImmediate(resolve));
    expect(await s.stop(50)).toBe(false);
  });
});
