import type { App } from '@slack/bolt';
import type { DomainEvents } from '../events.js';
import type { JobHandler } from '../scheduler/runner.js';
import type { Pass, Worker } from '../scheduler/scheduler.js';

/**
 * What a feature contributes, each kind run by the part of the app made for it: listeners by Bolt
 * (server only), job handlers by the durable job runner, passes and workers by the scheduler (server
 * tick and `jobs run-due`), subscriptions by the domain event bus. A feature is built once per app
 * from the dependencies it uses.
 */
export interface Feature {
  readonly name: string;
  /** Slack listeners: commands, actions, views, events (ack first, parse, one service call). */
  readonly listeners?: (app: App) => void;
  /** Durable job handlers, by job name (run at their time, or at once with `runNow`). */
  readonly jobs?: Readonly<Record<string, JobHandler>>;
  /** Short scheduled passes (planning, closing), run one after another at every tick. */
  readonly passes?: Readonly<Record<string, Pass>>;
  /** Long deliveries, run beside the passes and stopped at a safe point (see Scheduler). */
  readonly workers?: Readonly<Record<string, Worker>>;
  /** Reactions to domain events of other features (or its own). */
  readonly subscriptions?: (events: DomainEvents) => void;
}
