import type { Logger } from '@slack/bolt';
import cron, { type ScheduledTask } from 'node-cron';
import type { Clock } from '../clock.js';
import type { JobOutcome, JobRunner } from './runner.js';

/**
 * A short step run at every tick, one after another, before the due jobs: plans upcoming work
 * (idempotent, by unique keys) or closes what is over. May return a one-line summary.
 */
export type Pass = (now: Date) => Promise<string | undefined>;

/**
 * A long delivery (hundreds of DMs paced to Slack's rate): it runs beside the passes and the jobs,
 * never twice at once in a process, and on `signal` it stops taking new work, records what it sent
 * and resolves. May return a one-line summary.
 */
export type Worker = (now: Date, signal: AbortSignal) => Promise<string | undefined>;

/** What one pass did: the passes' and workers' summaries, then the jobs that ran. */
export interface PassReport {
  notes: string[];
  outcomes: JobOutcome[];
}

/** How long `stop()` waits for work in progress to reach a safe point before giving up on it. */
const DEFAULT_STOP_TIMEOUT_MS = 30_000;

/**
 * Runs the passes, the workers and the due jobs: once a minute in the server, once in `jobs
 * run-due`. Passes run in order (planning before delivery); workers and jobs then run side by side,
 * so a multi-minute delivery never holds up a follow-up DM. `stop()` asks every worker to stop at a
 * safe point and waits for them, the passes and the jobs in flight.
 */
export class Scheduler {
  private task: ScheduledTask | undefined;
  private readonly passes: { name: string; run: Pass }[] = [];
  private readonly workers: { name: string; run: Worker; current?: Promise<string | undefined> }[] = [];
  private readonly abort = new AbortController();
  private readonly inFlight = new Set<Promise<unknown>>();
  private gate: (() => Promise<boolean>) | undefined;

  constructor(
    readonly runner: JobRunner,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /**
   * Sets what is asked before every pass: when it answers true, nothing runs (no pass, worker or job).
   * compose.ts sets the workspace's stop flag (halt.ts); without one, a pass starts its workers at once.
   */
  setGate(halted: () => Promise<boolean>): void {
    this.gate = halted;
  }

  /** Adds a pass, run at every tick and by `jobs run-due`, after the passes added before it. */
  addPass(name: string, run: Pass): void {
    this.passes.push({ name, run });
  }

  /** Adds a worker, started at every tick unless its previous run is still going. */
  addWorker(name: string, run: Worker): void {
    this.workers.push({ name, run });
  }

  /** One whole pass, awaited: the passes, then every worker and the due jobs side by side. */
  async runPass(): Promise<PassReport> {
    const pass = this.track(this.passOnce());
    const { notes, workers, jobs } = await pass;
    const workerNotes = await Promise.all(workers);
    return {
      notes: [...notes, ...workerNotes.filter((n): n is string => n !== undefined)],
      outcomes: await jobs,
    };
  }

  /** One pass; resolves with the jobs that ran. */
  async runOnce(): Promise<JobOutcome[]> {
    return (await this.runPass()).outcomes;
  }

  /** Starts the minute tick. Workers still running from an earlier tick are left to finish. */
  start(): void {
    // noOverlap: passes and jobs longer than a minute are not started twice in one process.
    this.task = cron.schedule(
      '* * * * *',
      async () => {
        const { notes, workers, jobs } = await this.track(this.passOnce());
        for (const note of notes) this.logger.info(note);
        for (const w of workers) void w.then((note) => note && this.logger.info(note));
        const outcomes = await jobs;
        if (outcomes.length > 0) this.logger.info(`scheduler ran ${outcomes.length} job(s)`);
      },
      { noOverlap: true, name: 'passerelle-tick' },
    );
  }

  /**
   * Stops the tick, asks the workers to stop at a safe point, stops the job runner taking jobs, and
   * waits for everything in progress — at most `timeoutMs`; resolves false if something was still
   * running then (what it had in flight is in doubt, as after a crash).
   */
  async stop(timeoutMs = DEFAULT_STOP_TIMEOUT_MS): Promise<boolean> {
    await this.task?.stop();
    this.abort.abort();
    const settled = Promise.allSettled([this.runner.stop(), ...this.inFlight]).then(() => true);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const done = await Promise.race([settled, timeout]);
    clearTimeout(timer);
    if (!done) this.logger.warn(`scheduler: work still running ${timeoutMs} ms after the stop request`);
    return done;
  }

  /** Whether `stop()` was called: passes and workers check it between steps. */
  get stopSignal(): AbortSignal {
    return this.abort.signal;
  }

  private async passOnce(): Promise<{
    notes: string[];
    workers: Promise<string | undefined>[];
    jobs: Promise<JobOutcome[]>;
  }> {
    const now = this.clock.now();
    const notes: string[] = [];
    // The app was uninstalled (or its token revoked): nothing runs until the workspace is purged or resumed.
    if (this.gate && (await this.gate())) {
      return {
        notes: ['workspace stopped (app uninstalled): nothing run'],
        workers: [],
        jobs: Promise.resolve([]),
      };
    }
    for (const { name, run } of this.passes) {
      if (this.abort.signal.aborted) break;
      const note = await this.guard(name, () => run(now));
      if (note) notes.push(`${name}: ${note}`);
    }
    const workers = this.abort.signal.aborted ? [] : this.workers.map((w) => this.startWorker(w, now));
    return { notes, workers, jobs: this.track(this.runner.runDue()) };
  }

  private startWorker(
    w: { name: string; run: Worker; current?: Promise<string | undefined> },
    now: Date,
  ): Promise<string | undefined> {
    // A worker still busy with an earlier pass's work (a large minute) is not started twice.
    if (w.current) return w.current.then(() => undefined);
    const run = this.track(
      this.guard(w.name, () => w.run(now, this.abort.signal)).then((note) =>
        note ? `${w.name}: ${note}` : undefined,
      ),
    );
    w.current = run.finally(() => {
      w.current = undefined;
    });
    return run;
  }

  private async guard(name: string, run: () => Promise<string | undefined>): Promise<string | undefined> {
    try {
      return await run();
    } catch (err) {
      this.logger.error(`${name} failed`, err);
      return `failed (${err instanceof Error ? err.message : String(err)})`;
    }
  }

  private track<T>(p: Promise<T>): Promise<T> {
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p)).catch(() => {});
    return p;
  }
}
