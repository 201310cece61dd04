// Weekly check-ins at scale: N active missions whose check-in is due in the same minute, planned and
// delivered by the app's own code (planAll, deliverDue → pacer → @slack/web-api) to a Slack stand-in
// that enforces a per-second chat.postMessage budget with 429 + Retry-After, on FerretDB 1.24 with its
// PostgreSQL and SQLite backends. Three processes, so that the app's memory is the app's alone:
// this one (orchestrator: database, seeding, report), the stand-in (bench/standin-process.ts) and
// the app (this file again, `BENCH_ROLE=app`: planAll and deliverDue, nothing else).
// Run: npm run bench:checkins [-- --backend postgres|sqlite|both --missions N --rate R[,R…] --budget B
//  --app-heap-mb M --app-tsx]   (postgres: the local PostgreSQL on 127.0.0.1:5432)
import { type ChildProcess, execFile, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import type { Logger } from '@slack/bolt';
import mongoose, { type Connection, Types } from 'mongoose';
import { type Clock, shiftedClock } from '../src/clock.js';
import { buildDeps } from '../src/compose.js';
import { connectDatabase } from '../src/db/connection.js';
import { type FerretBackend, startFerretDb } from '../src/db/ferretdb.js';
import {
  type ClaimOutcome,
  claimUnit,
  dueUnits,
  recordDeliveries,
} from '../src/features/checkins/delivery/repository.js';
import {
  CLAIM_LEASE_MS,
  type DeliveryReport,
  deliverDue,
} from '../src/features/checkins/delivery/service.js';
import { checkinModel } from '../src/features/checkins/model.js';
import { planAll } from '../src/features/checkins/planning/service.js';
import { missionModel } from '../src/features/missions/model.js';
import { silentLogger } from '../src/logger.js';
import { BOT_TOKEN, testConfig } from '../test/support/harness.js';
import type { DeliveryStats, StandinCommand } from './standin-process.js';

// Every mission's slot: Monday 3 March 2025, 10:00 Europe/Paris (09:00 UTC). Planning runs an hour
// before; it plans 8 days ahead, so next Monday's check-ins are in the collection too (20,000 rows).
const DUE_AT = new Date('2025-03-03T09:00:00Z');
const PLAN_AT = new Date('2025-03-03T08:00:00Z');
const NEXT_DUE_AT = new Date('2025-03-10T09:00:00Z');
const MAX_PASSES = 5;
/**
 * Commands slower than this are printed as they end: the driver's monitor sends `hello` through the
 * same gate, and when that waits about 30 s it clears the pool, interrupting the commands in flight.
 */
const SLOW_MS = 5_000;
const ISOLATED_RUNS = 3;
const POST = 'chat.postMessage';
const run = promisify(execFile);
const pgArgs = ['-h', '127.0.0.1', '-p', '5432', '-U', 'postgres'];
const freelancerId = (i: number) => `UFRL${String(i).padStart(6, '0')}`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mb = (bytes: number | undefined) => (bytes === undefined ? Number.NaN : bytes / 2 ** 20);
const loadNow = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

// ---------------------------------------------------------------------------------------------
// Measurements inside the app process.

/** Memory of this process, sampled every 100 ms; peaks kept per phase. */
class MemoryMeter {
  phase = 'start';
  readonly rss = new Map<string, number>();
  readonly heap = new Map<string, number>();
  constructor() {
    setInterval(() => this.sample(), 100).unref();
  }
  sample(): void {
    const { rss, heapUsed } = process.memoryUsage();
    if (rss > (this.rss.get(this.phase) ?? 0)) this.rss.set(this.phase, rss);
    if (heapUsed > (this.heap.get(this.phase) ?? 0)) this.heap.set(this.phase, heapUsed);
  }
  enter(name: string): void {
    this.sample();
    this.phase = name;
    this.sample();
  }
  static vmHwmMb(): number {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return m?.[1] ? Number(m[1]) / 1024 : Number.NaN;
  }
}

interface OpStats {
  label: string;
  count: number;
  ms: number;
  max: number;
}

/**
 * Database time from the driver's command monitoring: per operation of the check-in code, and the
 * union of the intervals with at least one command in flight. Commands of one process overlap in the
 * driver, but the launcher runs each write alone (reads only beside other reads), so a command's own
 * time includes its wait at the gate; the union is what the database was busy with.
 */
class DbMeter {
  private readonly started = new Map<number, { label: string; at: number; phase: string }>();
  private readonly cursors = new Map<string, string>();
  private readonly ops = new Map<string, Map<string, OpStats>>();
  private readonly busy = new Map<string, number>();
  private inFlight = 0;
  private busySince = 0;
  private busyPhase = '';

  constructor(
    conn: Connection,
    private readonly phase: () => string,
  ) {
    const client = conn.getClient();
    client.on('commandStarted', (e) => {
      if (['endSessions', 'hello', 'ismaster', 'isMaster'].includes(e.commandName)) return;
      const now = performance.now();
      if (this.inFlight === 0) {
        this.busySince = now;
        this.busyPhase = this.phase();
      }
      this.inFlight += 1;
      this.started.set(e.requestId, {
        label: this.label(e.commandName, e.command),
        at: now,
        phase: this.phase(),
      });
    });
    const done = (e: { requestId: number; reply?: unknown }) => {
      const s = this.started.get(e.requestId);
      if (!s) return;
      this.started.delete(e.requestId);
      const now = performance.now();
      const id = (
        e.reply as { cursor?: { id?: { toString(): string } } } | undefined
      )?.cursor?.id?.toString();
      if (id && id !== '0') this.cursors.set(id, s.label);
      const byLabel = this.ops.get(s.phase) ?? new Map<string, OpStats>();
      this.ops.set(s.phase, byLabel);
      const op = byLabel.get(s.label) ?? { label: s.label, count: 0, ms: 0, max: 0 };
      byLabel.set(s.label, op);
      op.count += 1;
      op.ms += now - s.at;
      op.max = Math.max(op.max, now - s.at);
      if (now - s.at > SLOW_MS) console.log(`  [app] slow command: ${s.label} ${seconds(now - s.at)}`);
      this.inFlight -= 1;
      if (this.inFlight === 0) {
        this.busy.set(this.busyPhase, (this.busy.get(this.busyPhase) ?? 0) + now - this.busySince);
      }
    };
    client.on('commandSucceeded', done);
    client.on('commandFailed', done);
  }

  /** Which operation of the check-in code a command belongs to (see repository.ts). */
  private label(name: string, cmd: Record<string, unknown>): string {
    const coll = String(cmd[name] ?? '');
    if (name === 'getMore') {
      return `${(this.cursors.get(String(cmd.getMore)) ?? '?').replace(/ \(getMore\)$/, '')} (getMore)`;
    }
    if (name === 'find' && coll === 'checkins') {
      const f = (cmd.filter ?? {}) as Record<string, unknown>;
      if ('claimOwner' in f) return 'claimUnit: read back by token';
      if (f.status === 'sending') return 'staleClaims: find expired leases';
      return 'find checkins';
    }
    if (name === 'aggregate' && coll === 'checkins') return 'dueUnits: aggregate';
    if (name === 'update' && coll === 'checkins') {
      const updates = (cmd.updates ?? []) as {
        q?: Record<string, unknown>;
        u?: { $set?: Record<string, unknown> };
        multi?: boolean;
      }[];
      const q = updates[0]?.q ?? {};
      if (updates[0]?.u?.$set?.outcome === 'late') return 'markUnitMissed';
      if (q.status === 'scheduled' && 'lane' in q) return 'claimUnit: updateMany by unit';
      if (q._id !== undefined && 'claimOwner' in q) return 'moveClaim / record sends that did not go';
      if ('claimOwner' in q) return 'recordDeliveries: updateMany sent';
      return 'update checkins';
    }
    return `${name} ${coll}`.trim();
  }

  busyMs(phase: string): number {
    return this.busy.get(phase) ?? 0;
  }
  opsOf(phase: string): OpStats[] {
    return [...(this.ops.get(phase)?.values() ?? [])].sort((a, b) => b.ms - a.ms);
  }
}

/** A logger that stays silent but counts warnings (the SDK warns on each 429 it retries). */
function countingLogger(): Logger & { warnings: number; errors: string[] } {
  const logger = Object.assign(silentLogger(), { warnings: 0, errors: [] as string[] });
  logger.warn = () => {
    logger.warnings += 1;
  };
  logger.error = (...msg: unknown[]) => {
    if (logger.errors.length < 5) logger.errors.push(msg.map((m) => String(m)).join(' '));
  };
  return logger;
}

/** A clock whose source can be swapped: fixed while planning, running from the due minute while delivering. */
class BenchClock implements Clock {
  source: Clock = { now: () => PLAN_AT };
  now(): Date {
    return this.source.now();
  }
}

type AppRequest = { type: 'plan' } | { type: 'deliver' } | { type: 'isolated' } | { type: 'exit' };

interface PlanResult {
  planned: number;
  /** Filled in by the orchestrator: the planning process's VmHWM. */
  vmHwmMb?: number;
  ms: number;
  dbMs: number;
  rssPeakMb: number;
  ops: OpStats[];
}
interface DeliverResult {
  firstPass: (DeliveryReport & { ms: number }) | null;
  passes: number;
  ms: number;
  /** Time the clock jumped over (leases of a failed pass), not counted in `ms`. */
  skippedMs: number;
  failures: string[];
  dbMs: number;
  rssBeforeMb: number;
  rssPeakMb: number;
  heapPeakMb: number;
  statuses: Record<string, number>;
  sdkWarnings: number;
  errors: string[];
  ops: OpStats[];
}
interface IsolatedResult {
  error?: string;
  claim: { n: number; ms: number }[];
  record: { n: number; ms: number }[];
  unitsMs: number;
  ops: OpStats[];
}
interface AppReady {
  rssMb: number;
}

async function statusCounts(db: Connection): Promise<Record<string, number>> {
  const rows = await checkinModel(db)
    .aggregate<{ _id: string; count: number }>([
      { $match: { dueAt: DUE_AT } },
      { $group: { _id: '$status', count: { $sum: 1 } } },
    ])
    .exec();
  return Object.fromEntries(rows.map((r) => [r._id, r.count]));
}

/** The app process: planAll, then deliverDue at the due minute, then each step on its own. */
async function appMain(): Promise<void> {
  const env = (name: string) => {
    const v = process.env[name];
    if (v === undefined) throw new Error(`${name} is not set`);
    return v;
  };
  const memory = new MemoryMeter();
  const logger = countingLogger();
  const clock = new BenchClock();
  const config = testConfig(env('BENCH_API_URL'), {
    slackPostRate: Number(env('BENCH_RATE')),
    adminUserIds: [],
    animatorUserIds: [],
  });
  // connectDatabase's options, plus command monitoring.
  const db = mongoose.createConnection(env('BENCH_DB_URI'), {
    serverSelectionTimeoutMS: 10_000,
    sanitizeFilter: true,
    monitorCommands: true,
  });
  await db.asPromise();
  const meter = new DbMeter(db, () => memory.phase);
  const deps = buildDeps(config, logger, clock, db);
  // Models are compiled on first use and build their indexes then: do it before anything is measured.
  await Promise.all([missionModel(db).init(), checkinModel(db).init()]);
  await Promise.all(Object.values(db.models).map((m) => m.init()));

  const handlers: Record<AppRequest['type'], () => Promise<unknown>> = {
    plan: async (): Promise<PlanResult> => {
      memory.enter('plan');
      const t0 = performance.now();
      const planned = await planAll(deps, PLAN_AT);
      const ms = performance.now() - t0;
      memory.enter('idle');
      return {
        planned,
        ms,
        dbMs: meter.busyMs('plan'),
        rssPeakMb: mb(memory.rss.get('plan')),
        ops: meter.opsOf('plan'),
      };
    },
    deliver: async (): Promise<DeliverResult> => {
      const rssBeforeMb = mb(process.memoryUsage.rss());
      const failures: string[] = [];
      let firstPass: DeliverResult['firstPass'] = null;
      let statuses: Record<string, number> = {};
      let ms = 0;
      let passes = 0;
      let skippedMs = 0;
      clock.source = shiftedClock(DUE_AT);
      // The scheduler's passes: the first at the due minute, then more while check-ins are left (a
      // send the SDK gave up on, or a failed pass). They run at once (the scheduler would wait for its
      // next minute); after a failed pass, whose claims stay until their lease ends, the clock jumps
      // past the lease as the scheduler's pass 16 minutes later would. Only the passes' time counts.
      while (passes < MAX_PASSES) {
        passes += 1;
        memory.enter('deliver');
        const p0 = performance.now();
        try {
          const r = await deliverDue(deps, clock.now());
          console.log(`  [app] pass ${passes} ${JSON.stringify(r)} in ${seconds(performance.now() - p0)}`);
          firstPass ??= { ...r, ms: performance.now() - p0 };
        } catch (err) {
          // Where in the app it failed: the first frame in src/.
          const at =
            (err as Error).stack
              ?.split('\n')
              .find((l) => l.includes('/src/'))
              ?.trim() ?? '';
          failures.push(
            `pass ${passes} failed after ${seconds(performance.now() - p0)}: ${(err as Error).message} ${at}`,
          );
          console.log(`  [app] ${failures.at(-1)}`);
        }
        ms += performance.now() - p0;
        memory.enter('check');
        // Once more after a pause if the pool was just cleared under it.
        statuses = await statusCounts(db).catch(async () => {
          await new Promise((r) => setTimeout(r, 2_000));
          return statusCounts(db);
        });
        if ((statuses.scheduled ?? 0) === 0 && (statuses.sending ?? 0) === 0) break;
        if ((statuses.sending ?? 0) > 0) {
          clock.source = shiftedClock(new Date(clock.now().getTime() + CLAIM_LEASE_MS + 60_000));
          skippedMs += CLAIM_LEASE_MS + 60_000;
        }
      }
      memory.enter('idle');
      return {
        firstPass,
        passes,
        ms,
        skippedMs,
        failures,
        dbMs: meter.busyMs('deliver'),
        rssBeforeMb,
        rssPeakMb: mb(memory.rss.get('deliver')),
        heapPeakMb: mb(memory.heap.get('deliver')),
        statuses,
        sdkWarnings: logger.warnings,
        errors: logger.errors,
        ops: meter.opsOf('deliver'),
      };
    },
    // Each database step of a delivery alone (nothing else in flight), on next Monday's check-ins.
    isolated: async (): Promise<IsolatedResult> => {
      try {
        return await isolatedSteps();
      } catch (err) {
        memory.enter('idle');
        return {
          claim: [],
          record: [],
          unitsMs: Number.NaN,
          ops: [],
          error: (err as Error).message,
        };
      }
    },
    exit: async () => {
      await db.close();
      return { vmHwmMb: MemoryMeter.vmHwmMb() };
    },
  };

  async function isolatedSteps(): Promise<IsolatedResult> {
    memory.enter('isolated');
    const claim: IsolatedResult['claim'] = [];
    const record: IsolatedResult['record'] = [];
    const u0 = performance.now();
    const units = await dueUnits(db, NEXT_DUE_AT);
    const unitsMs = performance.now() - u0;
    for (const [i, unit] of units.slice(0, ISOLATED_RUNS).entries()) {
      const token = `isolated:${i}`;
      const c0 = performance.now();
      const claimed = await claimUnit(db, {
        token,
        unit,
        leaseUntil: new Date(NEXT_DUE_AT.getTime() + CLAIM_LEASE_MS),
      });
      claim.push({ n: claimed.length, ms: performance.now() - c0 });
      const sentAt = new Date(NEXT_DUE_AT.getTime() + 1_000);
      const results: ClaimOutcome[] = claimed.map((c, k) => ({
        checkin: c,
        delivery: {
          key: c._id.toHexString(),
          status: 'sent',
          ref: { channel: `D${c.freelancerId}`, ts: `1741597200.${String(k).padStart(6, '0')}` },
          at: sentAt,
        },
      }));
      const r0 = performance.now();
      await recordDeliveries(db, token, results, {
        sentAt,
        reminderAt: new Date(sentAt.getTime() + 24 * 3600_000),
        closesAt: new Date(sentAt.getTime() + 7 * 24 * 3600_000),
      });
      record.push({ n: results.length, ms: performance.now() - r0 });
    }
    memory.enter('idle');
    return { claim, record, unitsMs, ops: meter.opsOf('isolated') };
  }

  process.on('message', (req: AppRequest) => {
    handlers[req.type]().then(
      (result) => {
        process.send?.({ type: req.type, result });
        if (req.type === 'exit') process.disconnect();
      },
      (err: unknown) => process.send?.({ type: req.type, error: String((err as Error).stack ?? err) }),
    );
  });
  process.on('disconnect', () => process.exit(0));
  process.send?.({ type: 'ready', result: { rssMb: mb(process.memoryUsage.rss()) } satisfies AppReady });
}

// ---------------------------------------------------------------------------------------------
// Child processes, seen from the orchestrator.

const here = path.dirname(fileURLToPath(import.meta.url));

/** Request/answer over IPC with a forked child; answers carry the request's `id` or `type`. */
function ipc(child: ChildProcess, key: 'id' | 'type') {
  const pending = new Map<string, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  child.on('message', (msg: { id?: number; type?: string; result?: unknown; error?: string }) => {
    const k = String(msg[key]);
    const p = pending.get(k);
    pending.delete(k);
    if (msg.error !== undefined) p?.reject(new Error(msg.error));
    else p?.resolve(msg.result);
  });
  child.once('exit', (code) => {
    for (const p of pending.values()) p.reject(new Error(`child exited (code ${code})`));
    pending.clear();
  });
  return {
    expect: <T>(k: string) =>
      new Promise<T>((resolve, reject) => {
        pending.set(k, { resolve: resolve as (v: unknown) => void, reject });
      }),
  };
}

interface StandinChild {
  apiUrl: string;
  call<T>(req: StandinCommand): Promise<T>;
  stop(): Promise<void>;
}
async function startStandin(): Promise<StandinChild> {
  const child = fork(path.join(here, 'standin-process.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    env: { ...process.env, STANDIN_TOKEN: BOT_TOKEN },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const apiUrl = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const m = /^STANDIN (\S+)$/m.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`stand-in exited (code ${code})`)));
  });
  const channel = ipc(child, 'id');
  let next = 0;
  const call = <T>(req: StandinCommand) => {
    next += 1;
    const answer = channel.expect<T>(String(next));
    child.send({ ...req, id: next });
    return answer;
  };
  return {
    apiUrl,
    call,
    stop: async () => {
      await call({ type: 'stop' }).catch(() => {});
      await exited;
    },
  };
}

/** The heap limit `npm start` gives the app (`--max-old-space-size` in package.json's start script). */
function startHeapMb(): number | undefined {
  const pkg = JSON.parse(readFileSync(path.join(here, '..', 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const m = /--max-old-space-size=(\d+)/.exec(pkg.scripts.start ?? '');
  return m?.[1] ? Number(m[1]) : undefined;
}

/** Where the project compiled by tsc goes (git-ignored), to run the app as `npm start` does (`node dist/…`). */
const COMPILED_DIR = path.join(here, '..', '.cache', 'bench-checkins-dist');

async function compileForApp(): Promise<void> {
  const t0 = performance.now();
  await run('npx', ['tsc', '-p', path.join(here, '..', 'tsconfig.json'), '--outDir', COMPILED_DIR], {
    cwd: path.join(here, '..'),
  }).catch((err: { stdout?: string }) => {
    // tsc still emits when another file of the project has a type error; only a missing output is fatal.
    if (!existsSync(path.join(COMPILED_DIR, 'bench', 'checkin-delivery.js'))) throw err;
    console.log(`tsc reported errors (output kept):\n${err.stdout ?? ''}`);
  });
  console.log(`compiled the app with tsc into ${COMPILED_DIR} in ${seconds(performance.now() - t0)}`);
}

function startApp(env: Record<string, string>, heapMb?: number, compiled = false) {
  const heap = heapMb ? [`--max-old-space-size=${heapMb}`] : [];
  const entry = compiled
    ? path.join(COMPILED_DIR, 'bench', 'checkin-delivery.js')
    : fileURLToPath(import.meta.url);
  const child = fork(entry, [], {
    execArgv: compiled ? heap : ['--import', 'tsx', ...heap],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, ...env, BENCH_ROLE: 'app' },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const channel = ipc(child, 'type');
  const ready = channel.expect<AppReady>('ready');
  return {
    ready,
    ask<T>(type: AppRequest['type']): Promise<T> {
      const answer = channel.expect<T>(type);
      child.send({ type });
      return answer;
    },
    async stop(): Promise<{ vmHwmMb: number }> {
      const r = await this.ask<{ vmHwmMb: number }>('exit');
      await exited;
      return r;
    },
    kill(): void {
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The orchestrator.

/** N active missions, all with the Monday 10:00 Europe/Paris check-in, one freelancer each. */
async function seedMissions(db: Connection, missions: number): Promise<void> {
  const model = missionModel(db);
  for (let start = 0; start < missions; start += 1_000) {
    const chunk = Array.from({ length: Math.min(1_000, missions - start) }, (_, k) => {
      const i = start + k;
      return {
        _id: new Types.ObjectId(),
        creationKey: `bench-checkins-${i}`,
        title: `Mission ${i} — data platform`,
        brief: 'Move the nightly batch jobs to the streaming platform. '.repeat(3),
        objectives: 'Zero downtime; documented runbooks.',
        freelancerId: freelancerId(i),
        managerId: `UMGR${String(i % 250).padStart(5, '0')}`,
        buddyId: null,
        channelId: null,
        skills: ['typescript', 'kafka'],
        startDate: '2025-02-17',
        endDate: '2025-06-27',
        needExpressedOn: null,
        templateKey: 'default',
        freelancerLocale: i % 3 === 0 ? 'en' : 'fr',
        checkin: {
          weekday: 1,
          time: '10:00',
          timezone: 'Europe/Paris',
          timezoneAssumed: false,
          country: 'FR',
          workingDays: [],
          pausedUntil: null,
        },
        status: 'active',
        history: [{ at: new Date('2025-02-10T09:00:00Z'), by: 'UADMIN', action: 'created' }],
      };
    });
    await model.insertMany(chunk);
  }
}

interface RunResult {
  backend: string;
  rate: number;
  missions: number;
  appStartRssMb: number;
  plan: PlanResult;
  deliver: DeliverResult;
  isolated: IsolatedResult;
  vmHwmMb: number;
  stats: DeliveryStats;
}

function printOps(tag: string, ops: OpStats[]): void {
  for (const op of ops) {
    console.log(
      `${tag}:     ${op.label.padEnd(44)} ×${String(op.count).padStart(4)}  total ${seconds(op.ms).padStart(8)}  ` +
        `mean ${(op.ms / op.count).toFixed(0).padStart(6)} ms  max ${op.max.toFixed(0).padStart(6)} ms`,
    );
  }
}

function printRun(r: RunResult, budget: number): void {
  const tag = `${r.backend}@${r.rate}`;
  const ideal = (r.missions / budget) * 1000;
  const s = r.stats;
  const d = r.deliver;
  const span =
    s.firstAcceptedAt !== null && s.lastAcceptedAt !== null ? s.lastAcceptedAt - s.firstAcceptedAt : 0;
  const full = s.perSecond.slice(1, -1);
  const mean = full.length > 0 ? full.reduce((a, b) => a + b, 0) / full.length : Number.NaN;
  const atBudget = full.filter((n) => n >= budget).length;
  const idle = full.filter((n) => n === 0).length;
  console.log(
    `${tag}: delivered ${s.accepted} accepted posts in ${seconds(d.ms)} (${d.passes} pass(es)` +
      (d.skippedMs > 0 ? `, plus ${seconds(d.skippedMs)} of leases waited out on the clock` : '') +
      ')',
  );
  for (const f of d.failures) console.log(`${tag}:   FAILED ${f}`);
  console.log(
    `${tag}:   ideal ${seconds(ideal)} → budget used ${((100 * ideal) / d.ms).toFixed(1)} %; ` +
      `first→last accepted ${seconds(span)}; mean ${mean.toFixed(1)}/s over full seconds, ` +
      `${atBudget}/${full.length} seconds at the budget, ${idle} with none`,
  );
  console.log(
    `${tag}:   429s ${s.rateLimited} (in ${s.limitedPerSecond.filter((n) => n > 0).length} seconds); ` +
      `duplicates ${s.duplicateMessages} (${s.duplicatedUsers} users); lost ${s.lost}; ` +
      `other errors ${JSON.stringify(s.otherErrors)}; statuses ${JSON.stringify(d.statuses)}` +
      (d.errors.length > 0 ? `; app errors ${JSON.stringify(d.errors)}` : ''),
  );
  console.log(
    `${tag}:   app RSS: planning process peak ${r.plan.rssPeakMb.toFixed(0)} MB (VmHWM ${(r.plan.vmHwmMb ?? Number.NaN).toFixed(0)}); ` +
      `delivering process after start ${r.appStartRssMb.toFixed(0)} MB, peak ${d.rssPeakMb.toFixed(0)} MB ` +
      `(heap used ≤ ${d.heapPeakMb.toFixed(0)} MB), VmHWM ${r.vmHwmMb.toFixed(0)} MB; stand-in RSS ${s.rssMb.toFixed(0)} MB`,
  );
  console.log(
    `${tag}:   planAll ${r.plan.planned} check-ins in ${seconds(r.plan.ms)} (database busy ${seconds(r.plan.dbMs)})`,
  );
  printOps(tag, r.plan.ops);
  console.log(
    `${tag}:   delivery: database busy ${seconds(d.dbMs)} = ${(d.dbMs / Math.max(1, s.accepted)).toFixed(1)} ms/message ` +
      '(per operation below: time from send to reply, so waits at the gate included)',
  );
  printOps(tag, d.ops);
  const avg = (xs: { n: number; ms: number }[]) => {
    const n = xs.reduce((a, x) => a + x.n, 0);
    const ms = xs.reduce((a, x) => a + x.ms, 0);
    return `${(ms / xs.length).toFixed(0)} ms per call of ${(n / xs.length).toFixed(0)} = ${(ms / Math.max(1, n)).toFixed(1)} ms/message`;
  };
  const i = r.isolated;
  if (i.error) console.log(`${tag}:   alone: FAILED ${i.error}`);
  else
    console.log(
      `${tag}:   alone (next Monday's check-ins, nothing else in flight): dueUnits ${i.unitsMs.toFixed(0)} ms; ` +
        `claimUnit ${avg(i.claim)}; recordDeliveries ${avg(i.record)}`,
    );
  printOps(tag, i.ops);
  console.log(`${tag}:   accepted per second: ${s.perSecond.join(' ')}`);
  console.log(`${tag}:   429s per second:      ${s.limitedPerSecond.join(' ')}`);
}

async function benchOn(
  label: string,
  backend: FerretBackend,
  standin: StandinChild,
  opts: {
    missions: number;
    rates: number[];
    budget: number;
    heapMb?: number;
    compiled?: boolean;
    pgDatabase?: string;
  },
): Promise<RunResult[]> {
  const logger = silentLogger();
  const server = await startFerretDb({ backend, logger });
  const uri = `${server.uri.replace(/\/?$/, '/')}checkins_bench`;
  const db = await connectDatabase(uri, logger);
  const results: RunResult[] = [];
  try {
    const s0 = performance.now();
    await missionModel(db).init();
    await seedMissions(db, opts.missions);
    console.log(`${label}: seeded ${opts.missions} active missions in ${seconds(performance.now() - s0)}`);
    for (const rate of opts.rates) {
      // A fresh plan for every run: the previous run's check-ins are gone.
      await db.dropCollection('checkins').catch(() => {});
      await checkinModel(db).createIndexes();
      const appEnv = {
        BENCH_DB_URI: uri,
        BENCH_API_URL: standin.apiUrl,
        BENCH_RATE: String(rate),
      };
      // planAll in one app process, delivery in a fresh one: each memory peak is measured on its own
      // (an app runs both, so its peak is the larger of the two).
      const planner = startApp(appEnv, opts.heapMb, opts.compiled);
      let sender: ReturnType<typeof startApp> | undefined;
      try {
        await planner.ready;
        const plan = await planner.ask<PlanResult>('plan');
        const planHwm = await planner.stop();
        console.log(`${label}@${rate}: planAll planned ${plan.planned} in ${seconds(plan.ms)}`);
        // Check-ins are planned up to 8 days ahead: the table has long been vacuumed when they are due.
        if (opts.pgDatabase) await run('psql', [...pgArgs, '-d', opts.pgDatabase, '-qc', 'VACUUM ANALYZE']);
        await standin.call({ type: 'reset' });
        await standin.call({ type: 'setBudget', method: POST, perSecond: opts.budget });
        sender = startApp(appEnv, opts.heapMb, opts.compiled);
        const ready = await sender.ready;
        const deliver = await sender.ask<DeliverResult>('deliver');
        const expected = Array.from({ length: opts.missions }, (_, i) => freelancerId(i));
        const stats = await standin.call<DeliveryStats>({ type: 'report', method: POST, expected });
        const isolated = await sender.ask<IsolatedResult>('isolated');
        const { vmHwmMb } = await sender.stop();
        const r: RunResult = {
          backend: label,
          rate,
          missions: opts.missions,
          appStartRssMb: ready.rssMb,
          plan: { ...plan, vmHwmMb: planHwm.vmHwmMb },
          deliver,
          isolated,
          vmHwmMb,
          stats,
        };
        printRun(r, opts.budget);
        results.push(r);
      } finally {
        planner.kill();
        sender?.kill();
      }
    }
  } finally {
    await db.close();
    await server.stop();
  }
  return results;
}

async function orchestrate(): Promise<void> {
  const { values: opts } = parseArgs({
    options: {
      backend: { type: 'string', default: 'both' },
      missions: { type: 'string', default: '10000' },
      rate: { type: 'string', default: '48' },
      budget: { type: 'string', default: '50' },
      'app-heap-mb': { type: 'string' },
      'app-tsx': { type: 'boolean', default: false },
    },
  });
  const missions = Number(opts.missions);
  const rates = opts.rate.split(',').map(Number);
  const budget = Number(opts.budget);
  const heapMb = opts['app-heap-mb'] === undefined ? startHeapMb() : Number(opts['app-heap-mb']);
  const backends = opts.backend === 'both' ? ['postgres', 'sqlite'] : [opts.backend];
  if (
    !Number.isInteger(missions) ||
    missions <= 0 ||
    rates.some((r) => !(r > 0)) ||
    !(budget > 0) ||
    (heapMb !== undefined && !(heapMb > 0)) ||
    backends.some((b) => b !== 'postgres' && b !== 'sqlite')
  ) {
    throw new Error(
      'usage: --backend postgres|sqlite|both --missions N --rate R[,R…] --budget B [--app-heap-mb M] [--app-tsx]',
    );
  }
  console.log(
    `check-in delivery: ${missions} missions due ${DUE_AT.toISOString()}, budget ${budget} ${POST}/s, ` +
      `rates ${rates.join(', ')}, app heap limit ${heapMb ? `${heapMb} MB` : 'V8 default'}, ` +
      `app ${opts['app-tsx'] ? 'under tsx (as npm run dev)' : 'compiled (node, as npm start)'}, ` +
      `backends ${backends.join(', ')}; load average ${loadNow()}`,
  );
  const standin = await startStandin();
  const results: RunResult[] = [];
  try {
    for (let start = 0; start < missions; start += 2_000) {
      const ids = Array.from({ length: Math.min(2_000, missions - start) }, (_, k) =>
        freelancerId(start + k),
      );
      await standin.call({ type: 'addUsers', ids });
    }
    const compiled = !opts['app-tsx'];
    if (compiled) await compileForApp();
    const common = {
      missions,
      rates,
      budget,
      compiled,
      ...(heapMb ? { heapMb } : {}),
    };
    if (backends.includes('postgres')) {
      const pgDatabase = `passerelle_bench_${randomBytes(4).toString('hex')}`;
      await run('createdb', [...pgArgs, pgDatabase]);
      try {
        const url = `postgres://postgres@127.0.0.1:5432/${pgDatabase}`;
        results.push(
          ...(await benchOn('postgresql', { kind: 'postgresql', url }, standin, { ...common, pgDatabase })),
        );
      } finally {
        // After the launcher has stopped: no FerretDB connection is left on the database.
        await run('dropdb', [...pgArgs, '--if-exists', pgDatabase]);
      }
    }
    if (backends.includes('sqlite')) {
      const dir = await mkdtemp(path.join(tmpdir(), 'passerelle-checkins-bench-'));
      try {
        results.push(...(await benchOn('sqlite', { kind: 'sqlite', dir }, standin, common)));
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
  } finally {
    await standin.stop();
  }

  const ideal = (missions / budget) * 1000;
  console.log(
    `\n| backend | rate | missions | time (ideal ${seconds(ideal)}) | budget used | 429s | dups | lost | ` +
      'app peak RSS (delivery / planAll) | DB ms/message | planAll |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    console.log(
      `| ${r.backend} | ${r.rate}/s | ${r.missions} | ${seconds(r.deliver.ms)}` +
        `${r.deliver.failures.length > 0 ? ` (${r.deliver.failures.length} failed pass(es))` : ''} | ` +
        `${((100 * ideal) / r.deliver.ms).toFixed(1)} % | ` +
        `${r.stats.rateLimited} | ${r.stats.duplicateMessages} | ${r.stats.lost} | ` +
        `${r.deliver.rssPeakMb.toFixed(0)} / ${r.plan.rssPeakMb.toFixed(0)} MB | ` +
        `${(r.deliver.dbMs / Math.max(1, r.stats.accepted)).toFixed(1)} | ${seconds(r.plan.ms)} |`,
    );
  }
  console.log(`load average at the end ${loadNow()}`);
}

if (process.env.BENCH_ROLE === 'app') await appMain();
else await orchestrate();
