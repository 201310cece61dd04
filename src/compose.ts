import type { Logger } from '@slack/bolt';
import type { RetryOptions } from '@slack/web-api';
import type { Connection } from 'mongoose';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import { Dispatcher } from './delivery/dispatcher.js';
import { pruneJournal } from './delivery/journal.js';
import type { Deps } from './deps.js';
import { DomainEvents } from './events.js';
import type { Feature } from './features/feature.js';
import { buildFeatures } from './features/index.js';
import { JobRunner } from './scheduler/runner.js';
import { Scheduler } from './scheduler/scheduler.js';
import { createWebClient } from './slack/client.js';
import { SlackGateway } from './slack/gateway.js';
import { SendPacer } from './slack/pacer.js';
import { UserDirectory } from './slack/user-directory.js';

/** The dependencies plus the features built from them: what the server and the jobs CLI run. */
export interface Composition extends Deps {
  features: readonly Feature[];
}

/**
 * Builds the dependencies shared by the server and the jobs CLI, then every feature, whose job
 * handlers, passes, workers and event subscriptions are registered here (listeners are the app's).
 */
export function buildDeps(
  config: Config,
  logger: Logger,
  clock: Clock,
  db: Connection,
  options: { slackRetries?: RetryOptions } = {},
): Composition {
  const slack = createWebClient(config, logger, options.slackRetries);
  const runner = new JobRunner(db, clock, logger);
  const gateway = new SlackGateway(slack, logger, new SendPacer(config.slackPostRate));
  const deps: Deps = {
    config,
    logger,
    clock,
    db,
    gateway,
    // Slices of half a second of the post rate: three in flight, so a crash leaves 1.5 s of DMs in doubt at most.
    dispatcher: new Dispatcher(db, gateway, clock, logger, Math.max(1, Math.ceil(config.slackPostRate / 2))),
    users: new UserDirectory(slack, clock),
    scheduler: new Scheduler(runner, clock, logger),
    events: new DomainEvents((err, type) => logger.error(`handler of ${type} failed`, err)),
  };
  // Nothing runs once the workspace removed the app (app_uninstalled, tokens_revoked: see halt.ts).
  deps.scheduler.setGate(() => runner.isHalted());
  deps.scheduler.addPass('delivery', async (now) => {
    const pruned = await pruneJournal(db, now);
    return pruned ? `${pruned} old journal entries dropped` : undefined;
  });
  const features = buildFeatures(deps);
  for (const feature of features) {
    for (const [name, handler] of Object.entries(feature.jobs ?? {})) runner.register(name, handler);
    for (const [name, pass] of Object.entries(feature.passes ?? {})) deps.scheduler.addPass(name, pass);
    for (const [name, worker] of Object.entries(feature.workers ?? {}))
      deps.scheduler.addWorker(name, worker);
    feature.subscriptions?.(deps.events);
  }
  return { ...deps, features };
}
