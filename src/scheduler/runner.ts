import { hostname } from 'node:os';
import type { Logger } from '@slack/bolt';
import mongoose from 'mongoose';
import type { Clock } from '../clock.js';
import { insertOnce } from '../db/duplicates.js';
import { workspaceHalt } from './halt.js';
import { type JobDoc, type JobModel, jobModel } from './job-model.js';

/** What a handler gets besides its payload. */
export interface JobContext {
  key: string;
  attempt: number;
  /** "Now" for this job: the clock of the pass (shifted when run with `--at`). */
  now: Date;
  logger: Logger;
}
/** A handler's answer "not now": the same job runs again at `until`, without using an attempt. */
export interface JobDeferral {
  deferUntil: Date;
}
/** Runs one job; resolves with nothing when done, or with a deferral. */
export type JobHandler = (
  payload: Record<string, unknown>,
  ctx: JobContext,
) => Promise<void> | Promise<JobDeferral | undefined>;

/** Work to queue. */
export interface JobRequest {
  key: string;
  name: string;
  runAt: Date;
  payload?: Record<string, unknown>;
  maxAttempts?: number;
}

/** What one job did in a pass (printed by `jobs run-due`). */
export interface JobOutcome {
  key: string;
  name: string;
  attempt: number;
  result: 'done' | 'deferred' | 'retry' | 'failed';
  error?: string;
  retryAt?: Date;
}

export interface RunnerOptions {
  /** How long a claim is held before another runner may take the job over. */
  leaseMs?: number;
  /** Jobs run at once within one pass. */
  concurrency?: number;
  /** Delay before retry n (1-based): base × 2^(n−1), capped. */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  owner?: string;
}

/**
 * The durable job runner: jobs live in MongoDB; a runner claims one due job at a time with a single
 * atomic findOneAndUpdate (status + lease), so any number of runners in any number of processes run
 * each job once. A runner that dies leaves a lease that expires, and the job is claimed again.
 */
export class JobRunner {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly jobs: JobModel;
  private readonly owner: string;
  private readonly leaseMs: number;
  private readonly concurrency: number;
  private readonly backoffBaseMs: number;
  private readonly backoffMaxMs: number;
  private stopping = false;
  private currentPass: Promise<JobOutcome[]> | undefined;
  /** Jobs run at once (`runNow`) outside a pass: a stop waits for them too. */
  private readonly runningNow = new Set<Promise<JobOutcome>>();

  constructor(
    private readonly conn: mongoose.Connection,
    private readonly clock: Clock,
    private readonly logger: Logger,
    options: RunnerOptions = {},
  ) {
    this.jobs = jobModel(conn);
    this.owner = options.owner ?? `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
    // Longer than a Slack call may take with the SDK's retries (about five minutes, see slack/client.ts).
    this.leaseMs = options.leaseMs ?? 15 * 60_000;
    this.concurrency = options.concurrency ?? 4;
    this.backoffBaseMs = options.backoffBaseMs ?? 30_000;
    this.backoffMaxMs = options.backoffMaxMs ?? 60 * 60_000;
  }

  /** Registers the handler for jobs named `name` (one per name). */
  register(name: string, handler: JobHandler): void {
    if (this.handlers.has(name)) throw new Error(`job handler ${name} registered twice`);
    this.handlers.set(name, handler);
  }

  /** Queues work once: a second request with the same key leaves the first untouched. Returns true when queued now. */
  async enqueue(req: JobRequest): Promise<boolean> {
    return insertOnce(
      this.jobs,
      { key: req.key },
      {
        key: req.key,
        name: req.name,
        payload: req.payload ?? {},
        runAt: req.runAt,
        status: 'pending',
        attempts: 0,
        maxAttempts: req.maxAttempts ?? 5,
      },
    );
  }

  /**
   * Queues work that recurs under one key (a person's reminder digest of a day) for `runAt` at the
   * latest, whatever became of an earlier job under that key: a new job; a pending one brought
   * forward to `runAt` if it was later; a finished one (done) pending again. A running one is left
   * alone (what it does not cover, it plans itself). Three equality writes at most.
   */
  async enqueueOrWake(req: JobRequest): Promise<void> {
    if (await this.enqueue(req)) return;
    await this.jobs.updateOne({ key: req.key, status: 'pending' }, { $min: { runAt: req.runAt } });
    await this.jobs.updateOne(
      { key: req.key, status: 'done' },
      { $set: { status: 'pending', runAt: req.runAt, attempts: 0, lastError: null, finishedAt: null } },
    );
  }

  /**
   * Queues work due now and starts it at once without waiting for it (work a user's action asks
   * for: the answer goes back to Slack first). Durable all the same: if the start fails or the
   * process dies, a later pass runs or takes over the job.
   */
  async startNow(req: Omit<JobRequest, 'runAt'>): Promise<void> {
    await this.enqueue({ ...req, runAt: this.clock.now() });
    void this.runNow(req.key).catch((err: unknown) =>
      this.logger.warn(`job ${req.name} could not start at once (a later pass runs it)`, err),
    );
  }

  /** Runs every job due at the clock's now, until none is left; resolves with what ran. */
  runDue(): Promise<JobOutcome[]> {
    if (this.currentPass) return this.currentPass;
    this.currentPass = this.pass().finally(() => {
      this.currentPass = undefined;
    });
    return this.currentPass;
  }

  /**
   * Runs one queued job now if it is due and nobody holds it (work a user's action just queued, so
   * that it goes at once yet stays durable: if this fails or the process dies, the job is retried
   * or taken over by a later pass). Resolves with what ran, or null when the job was not claimable.
   */
  async runNow(key: string): Promise<JobOutcome | null> {
    if (this.stopping || (await this.isHalted())) return null;
    const now = this.clock.now();
    const job = await this.jobs
      .findOneAndUpdate(
        { key, status: 'pending', runAt: mongoose.trusted({ $lte: now }) },
        this.claimUpdate(now),
        { returnDocument: 'after' },
      )
      .lean<JobDoc>()
      .exec();
    if (!job) return null;
    const run = this.execute(job);
    this.runningNow.add(run);
    try {
      return await run;
    } finally {
      this.runningNow.delete(run);
    }
  }

  /** Whether the workspace removed the app (see halt.ts): then no job runs. */
  async isHalted(): Promise<boolean> {
    return (await workspaceHalt(this.conn)) !== null;
  }

  /** Stops claiming new jobs and waits for the jobs in flight. */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.allSettled([this.currentPass, ...this.runningNow]);
  }

  private async pass(): Promise<JobOutcome[]> {
    const outcomes: JobOutcome[] = [];
    const worker = async () => {
      while (!this.stopping) {
        const job = await this.claim();
        if (!job) return;
        outcomes.push(await this.execute(job));
      }
    };
    await Promise.all(Array.from({ length: this.concurrency }, worker));
    return outcomes;
  }

  private async claim(): Promise<JobDoc | null> {
    const now = this.clock.now();
    return this.jobs
      .findOneAndUpdate(
        {
          $or: [
            { status: 'pending', runAt: mongoose.trusted({ $lte: now }) },
            // A lease that ran out means its runner died mid-way: take the job over.
            { status: 'running', leaseExpiresAt: mongoose.trusted({ $lte: now }) },
          ],
        },
        this.claimUpdate(now),
        { sort: { runAt: 1 }, returnDocument: 'after' },
      )
      .lean<JobDoc>()
      .exec();
  }

  /** Takes a job's lease for this runner and counts the attempt. */
  private claimUpdate(now: Date) {
    return {
      $set: {
        status: 'running',
        leaseOwner: this.owner,
        leaseExpiresAt: new Date(now.getTime() + this.leaseMs),
      },
      $inc: { attempts: 1 },
    };
  }

  private async execute(job: JobDoc): Promise<JobOutcome> {
    const base = { key: job.key, name: job.name, attempt: job.attempts };
    const handler = this.handlers.get(job.name);
    const now = this.clock.now();
    if (job.attempts > job.maxAttempts) {
      const error = 'lease expired on every attempt (runner died or job too slow)';
      await this.finish(job, { status: 'failed', lastError: error, finishedAt: now });
      return { ...base, result: 'failed', error };
    }
    try {
      if (!handler) throw new Error(`no handler registered for job ${job.name}`);
      const answer = (await handler(job.payload ?? {}, {
        key: job.key,
        attempt: job.attempts,
        now,
        logger: this.logger,
      })) as JobDeferral | undefined;
      if (answer?.deferUntil) {
        const retryAt = answer.deferUntil;
        await this.finish(job, {
          status: 'pending',
          runAt: retryAt,
          attempts: job.attempts - 1,
          lastError: null,
        });
        return { ...base, result: 'deferred', retryAt };
      }
      await this.finish(job, { status: 'done', lastError: null, finishedAt: this.clock.now() });
      return { ...base, result: 'done' };
    } catch (err) {
      const error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      if (job.attempts >= job.maxAttempts) {
        this.logger.error(`job ${job.name} failed after ${job.attempts} attempts`, { key: job.key, error });
        await this.finish(job, { status: 'failed', lastError: error, finishedAt: this.clock.now() });
        return { ...base, result: 'failed', error };
      }
      const retryAt = new Date(this.clock.now().getTime() + this.backoff(job.attempts));
      this.logger.warn(`job ${job.name} failed, retrying`, { key: job.key, attempt: job.attempts, error });
      await this.finish(job, { status: 'pending', lastError: error, runAt: retryAt });
      return { ...base, result: 'retry', error, retryAt };
    }
  }

  /** Releases the lease, only if this runner still holds it (a runner past its lease must not overwrite). */
  private async finish(job: JobDoc, set: Partial<JobDoc>): Promise<void> {
    await this.jobs.updateOne(
      { key: job.key, leaseOwner: this.owner, attempts: job.attempts },
      { $set: { ...set, leaseOwner: null, leaseExpiresAt: null } },
    );
  }

  private backoff(attempt: number): number {
    return Math.min(this.backoffBaseMs * 2 ** (attempt - 1), this.backoffMaxMs);
  }
}
