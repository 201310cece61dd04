import { type ChildProcess, spawn } from 'node:child_process';
import mongoose, { type Connection } from 'mongoose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { silentLogger } from '../../src/logger.js';
import { jobModel } from '../../src/scheduler/job-model.js';
import { JobRunner } from '../../src/scheduler/runner.js';
import { testDatabaseUri } from '../support/database.js';

const workerScript = new URL('../support/job-worker.ts', import.meta.url).pathname;

function startWorker(uri: string, mode: 'count' | 'hang', leaseMs = 60_000): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', workerScript, uri, mode, String(leaseMs)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

function waitForExit(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

function waitForLine(child: ChildProcess, prefix: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const line = buffer.split('\n').find((l) => l.startsWith(prefix));
      if (line) resolve(line);
    });
    child.once('exit', () => reject(new Error(`worker exited before printing ${prefix}`)));
  });
}

// Runners (and the worker processes) claim any due job of the database: each test has its own.
describe('durable job runner', () => {
  let uri: string;
  let conn: Connection;

  beforeEach(async () => {
    uri = testDatabaseUri('jobs');
    conn = await mongoose.createConnection(uri).asPromise();
    // The unique key index, built as a deployed database has it (not in the background of the first enqueue).
    await jobModel(conn).init();
  });
  afterEach(async () => {
    await conn.close();
  });

  it('runs 200 due jobs exactly once across three runner processes', async () => {
    const runner = new JobRunner(conn, new ManualClock(new Date()), silentLogger());
    for (let i = 0; i < 200; i++) {
      await runner.enqueue({ key: `count:${i}`, name: 'test.count', runAt: new Date(Date.now() - 1000) });
    }
    const workers = [startWorker(uri, 'count'), startWorker(uri, 'count'), startWorker(uri, 'count')];
    const codes = await Promise.all(workers.map(waitForExit));
    expect(codes).toEqual([0, 0, 0]);

    const all = await conn.collection<{ _id: string; runs: number }>('executions').find({}).toArray();
    const executions = all.filter((e) => e._id.startsWith('count:'));
    expect(executions).toHaveLength(200);
    expect(executions.filter((e) => e.runs !== 1)).toEqual([]);
    const done = await jobModel(conn).countDocuments({ key: { $regex: /^count:/ }, status: 'done' });
    expect(done).toBe(200);
  }, 120_000);

  it('queues the same key once', async () => {
    const runner = new JobRunner(conn, new ManualClock(new Date()), silentLogger());
    const later = new Date(Date.now() + 86_400_000);
    const first = await runner.enqueue({ key: 'once:1', name: 'test.once', runAt: later });
    const second = await runner.enqueue({ key: 'once:1', name: 'test.once', runAt: new Date(0) });
    expect([first, second]).toEqual([true, false]);
    const jobs = await jobModel(conn).find({ key: 'once:1' }).lean();
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.runAt.getTime()).toBe(later.getTime());
  });

  it('runs again a job whose runner died once its lease expired', async () => {
    const clock = new ManualClock(new Date());
    const runner = new JobRunner(conn, clock, silentLogger(), { leaseMs: 60_000 });
    await runner.enqueue({ key: 'lease:1', name: 'test.count', runAt: new Date(Date.now() - 1000) });
    const dying = startWorker(uri, 'hang', 60_000);
    expect(await waitForLine(dying, 'CLAIMED')).toBe('CLAIMED lease:1');
    dying.kill('SIGKILL');
    await waitForExit(dying);

    runner.register('test.count', async (_p, ctx) => {
      await conn
        .collection<{ _id: string }>('executions')
        .updateOne({ _id: ctx.key }, { $inc: { runs: 1 } }, { upsert: true });
    });
    // Before the lease expires nobody may take the job.
    expect(await runner.runDue()).toEqual([]);
    clock.advance(120_000); // the worker claimed a moment after this clock was set
    const outcomes = await runner.runDue();
    expect(outcomes).toMatchObject([{ key: 'lease:1', result: 'done', attempt: 2 }]);
    const job = await jobModel(conn).findOne({ key: 'lease:1' }).lean();
    expect(job?.status).toBe('done');
  }, 60_000);

  it('retries a failing job with backoff and marks it failed after its last attempt, keeping the error', async () => {
    const start = new Date('2026-01-05T09:00:00Z');
    const clock = new ManualClock(start);
    const runner = new JobRunner(conn, clock, silentLogger(), { backoffBaseMs: 30_000 });
    let calls = 0;
    runner.register('test.fail', async () => {
      calls++;
      throw new Error(`boom ${calls}`);
    });
    await runner.enqueue({ key: 'fail:1', name: 'test.fail', runAt: start, maxAttempts: 3 });

    const first = await runner.runDue();
    expect(first).toMatchObject([{ result: 'retry', attempt: 1, error: 'Error: boom 1' }]);
    expect(first[0]?.retryAt?.toISOString()).toBe('2026-01-05T09:00:30.000Z');
    expect(await runner.runDue()).toEqual([]); // not due yet

    clock.advance(30_000);
    const second = await runner.runDue();
    expect(second[0]?.retryAt?.toISOString()).toBe('2026-01-05T09:01:30.000Z'); // 60 s: doubled

    clock.advance(60_000);
    expect(await runner.runDue()).toMatchObject([{ result: 'failed', attempt: 3, error: 'Error: boom 3' }]);
    const job = await jobModel(conn).findOne({ key: 'fail:1' }).lean();
    expect(job).toMatchObject({ status: 'failed', attempts: 3, lastError: 'Error: boom 3' });
    clock.advance(3_600_000);
    expect(await runner.runDue()).toEqual([]);
    expect(calls).toBe(3);
  });

  it('runs one queued job at once with runNow, only if due and unclaimed', async () => {
    const start = new Date('2026-01-07T06:00:00Z');
    const clock = new ManualClock(start);
    const runner = new JobRunner(conn, clock, silentLogger());
    let calls = 0;
    runner.register('test.now', async () => {
      calls++;
    });
    await runner.enqueue({ key: 'now:1', name: 'test.now', runAt: start });
    await runner.enqueue({ key: 'now:later', name: 'test.now', runAt: new Date(start.getTime() + 60_000) });

    const both = await Promise.all([runner.runNow('now:1'), runner.runNow('now:1')]);
    expect(both.filter((o) => o !== null)).toMatchObject([{ key: 'now:1', result: 'done', attempt: 1 }]);
    expect(await runner.runNow('now:1')).toBeNull(); // done already
    expect(await runner.runNow('now:later')).toBeNull(); // not due
    expect(await runner.runNow('now:unknown')).toBeNull();
    expect(calls).toBe(1);
    expect(await jobModel(conn).findOne({ key: 'now:later' }).lean()).toMatchObject({ status: 'pending' });
  });

  it('runs a deferred job again at the time its handler asked, without using an attempt', async () => {
    const start = new Date('2026-01-06T06:00:00Z');
    const clock = new ManualClock(start);
    const runner = new JobRunner(conn, clock, silentLogger());
    const seen: string[] = [];
    runner.register('test.defer', async (_payload, ctx) => {
      seen.push(ctx.now.toISOString());
      if (seen.length < 3) return { deferUntil: new Date(ctx.now.getTime() + 3_600_000) };
    });
    await runner.enqueue({ key: 'defer:1', name: 'test.defer', runAt: start, maxAttempts: 1 });

    expect(await runner.runDue()).toMatchObject([{ result: 'deferred', attempt: 1 }]);
    expect(await runner.runDue()).toEqual([]);
    clock.advance(3_600_000);
    expect(await runner.runDue()).toMatchObject([{ result: 'deferred', attempt: 1 }]);
    clock.advance(3_600_000);
    expect(await runner.runDue()).toMatchObject([{ result: 'done', attempt: 1 }]);
    expect(seen).toEqual([
      '2026-01-06T06:00:00.000Z',
      '2026-01-06T07:00:00.000Z',
      '2026-01-06T08:00:00.000Z',
    ]);
    expect(await jobModel(conn).findOne({ key: 'defer:1' }).lean()).toMatchObject({
      status: 'done',
      attempts: 1,
    });
  });
});
