import type { Logger } from '@slack/bolt';
import type { Connection } from 'mongoose';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Dispatcher } from './delivery/dispatcher.js';
import type { DomainEvents } from './events.js';
import type { Scheduler } from './scheduler/scheduler.js';
import type { SlackGateway } from './slack/gateway.js';
import type { UserDirectory } from './slack/user-directory.js';

/** Everything features receive: built once in main.ts (or by a test), never imported as globals. */
export interface Deps {
  config: Config;
  logger: Logger;
  clock: Clock;
  db: Connection;
  /** Slack by intent (DMs, updates, modals, Home): what services use. */
  gateway: SlackGateway;
  /** The one crash-safe way bulk and follow-up DMs go out (journaled, paced, stopped at a safe point). */
  dispatcher: Dispatcher;
  users: UserDirectory;
  scheduler: Scheduler;
  events: DomainEvents;
}
