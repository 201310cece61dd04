import type { Logger } from '@slack/bolt';
import type { RetryOptions } from '@slack/web-api';
import type { Connection } from 'mongoose';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Deps } from './deps.js';
import { DomainEvents } from './events.js';
import { features } from './features/index.js';
import { JobRunner } from './scheduler/runner.js';
import { Scheduler } from './scheduler/tick.js';
import { createWebClient } from './slack/client.js';
import { SlackGateway } from './slack/gateway.js';
import { SendPacer } from './slack/pacer.js';
import { UserDirectory } from './slack/user-directory.js';

/** Builds the dependencies shared by the server and the jobs CLI, with every feature's jobs registered. */
export function buildDeps(
  config: Config,
  logger: Logger,
  clock: Clock,
  db: Connection,
  options: { slackRetries?: RetryOptions } = {},
): Deps {
  const slack = createWebClient(config, logger, options.slackRetries);
  const scheduler = new Scheduler(new JobRunner(db, clock, logger), logger);
  const deps: Deps = {
    config,
    logger,
    clock,
    db,
    slack,
    gateway: new SlackGateway(slack, logger, new SendPacer(config.slackPostRate)),
    users: new UserDirectory(slack, clock),
    scheduler,
    events: new DomainEvents((err, type) => logger.error(`handler of ${type} failed`, err)),
  };
  for (const feature of features) feature.registerJobs?.(deps);
  return deps;
}
