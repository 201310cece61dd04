// A job runner in its own process, for tests that need several runners (or one that dies mid-way).
// Usage: node --import tsx test/support/job-worker.ts <mongoUri> <count|hang> [leaseMs]
import mongoose from 'mongoose';
import { systemClock } from '../../src/clock.js';
import { silentLogger } from '../../src/logger.js';
import { JobRunner } from '../../src/scheduler/runner.js';

const [uri, mode = 'count', leaseMs = '60000'] = process.argv.slice(2);
if (!uri) throw new Error('usage: job-worker <mongoUri> <count|hang> [leaseMs]');

const conn = await mongoose.createConnection(uri).asPromise();
const executions = conn.collection<{ _id: string; runs: number }>('executions');
const runner = new JobRunner(conn, systemClock, silentLogger(), { leaseMs: Number(leaseMs), concurrency: 2 });
runner.register('test.count', async (_payload, ctx) => {
  if (mode === 'hang') {
    process.stdout.write(`CLAIMED ${ctx.key}\n`);
    await new Promise(() => {}); // never finishes: the test kills this process mid-job
  }
  await executions.updateOne({ _id: ctx.key }, { $inc: { runs: 1 } }, { upsert: true });
});
const outcomes = await runner.runDue();
process.stdout.write(`RAN ${outcomes.length}\n`);
await conn.close();
