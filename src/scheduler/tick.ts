import type { Logger } from '@slack/bolt';
import cron, { type ScheduledTask } from 'node-cron';
import type { JobRunner } from './runner.js';

/** A step run at every tick before due jobs: queues upcoming work (idempotent, by unique job keys). */
export type Planner = () => Promise<void>;

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
  async runOnce() {
    for (const { name, plan } of this.planners) {
      try {
        await plan();
      } catch (err) {
        this.logger.error(`planner ${name} failed`, err);
      }
    }
    return this.runner.runDue();
  }

  /** Starts the minute tick. */
  start(): void {
    // noOverlap: a pass longer than a minute (a big batch) is not started twice in one process.
    this.task = cron.schedule(
      '* * * * *',
      async () => {
        const outcomes = await this.runOnce();
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
