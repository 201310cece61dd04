import type { Logger } from '@slack/bolt';
import cron, { type ScheduledTask } from 'node-cron';
import type { JobOutcome, JobRunner } from './runner.js';

/**
 * A step run at every tick before due jobs: queues upcoming work (idempotent, by unique keys) or
 * does work that claims its own items atomically. May return a one-line summary of what it did.
 */
export type Planner = () => Promise<string | undefined>;

/** What one pass did: the planners' summaries, then the jobs that ran. */
export interface PassReport {
  notes: string[];
  outcomes: JobOutcome[];
}

/** Runs planners then due jobs once a minute in-process; `stop()` lets the current pass finish. */
export class Scheduler {
  private task: ScheduledTask | undefined;
  private readonly planners: { name: string; plan: Planner }[] = [];

  constructor(
    readonly runner: JobRunner,
    private readonly logger: Logger,
  ) {}

  /** Adds a planner, run at every tick and by `jobs run-due`. */
  addPlanner(name: string, plan: Planner): void {
    this.planners.push({ name, plan });
  }

  /** One pass: every planner, then every due job. Used by the tick and by the CLI. */
  async runPass(): Promise<PassReport> {
    const notes: string[] = [];
    for (const { name, plan } of this.planners) {
      try {
        const note = await plan();
        if (note) notes.push(`${name}: ${note}`);
      } catch (err) {
        this.logger.error(`planner ${name} failed`, err);
        notes.push(`${name}: failed (${err instanceof Error ? err.message : String(err)})`);
      }
    }
    return { notes, outcomes: await this.runner.runDue() };
  }

  /** One pass; resolves with the jobs that ran. */
  async runOnce(): Promise<JobOutcome[]> {
    return (await this.runPass()).outcomes;
  }

  /** Starts the minute tick. */
  start(): void {
    // noOverlap: a pass longer than a minute (a big batch) is not started twice in one process.
    this.task = cron.schedule(
      '* * * * *',
      async () => {
        const { notes, outcomes } = await this.runPass();
        for (const note of notes) this.logger.info(note);
        if (outcomes.length > 0) this.logger.info(`scheduler ran ${outcomes.length} job(s)`);
      },
      { noOverlap: true, name: 'passerelle-tick' },
    );
  }

  /** Stops taking jobs and waits for those in flight. */
  async stop(): Promise<void> {
    await this.task?.stop();
    await this.runner.stop();
  }
}
