import type { Logger } from '@slack/bolt';
import type { Connection } from 'mongoose';
import { createApp, type PasserelleApp } from '../../src/app.js';
import { ManualClock } from '../../src/clock.js';
import type { Composition } from '../../src/compose.js';
import { buildDeps } from '../../src/compose.js';
import { type Config, loadConfig } from '../../src/config.js';
import { connectDatabase } from '../../src/db/connection.js';
import { silentLogger } from '../../src/logger.js';
import { testDatabaseUri } from './database.js';
import { createSlackRequester } from './slack-request.js';
import { SlackStandin } from './slack-standin.js';

export const BOT_TOKEN = 'xoxb-test-1234-abcdef';
export const SIGNING_SECRET = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
/** The workspace's one admin (`ADMIN_USER_IDS`) in every test app: configuration, shared by design. */
export const ADMIN_ID = 'UADMIN01';
export const APP_TOKEN = 'xapp-1-A0STANDINAPP-1-test';
/** Socket Mode's pong deadline in tests: also its wait before reconnecting (5 s by default). */
const SOCKET_PING_TIMEOUT_MS = 1_000;

/**
 * The base configuration of an app under test: what `loadConfig` makes of a test environment, so
 * every default is the app's own; `overrides` change single settings.
 */
export function testConfig(apiUrl: string, overrides: Partial<Config> = {}): Config {
  const loaded = loadConfig({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: apiUrl,
    PORT: '0',
    DEFAULT_LOCALE: 'fr',
    DEFAULT_TIMEZONE: 'Europe/Paris',
    DEFAULT_COUNTRY: 'FR',
    ADMIN_USER_IDS: ADMIN_ID,
    ANIMATOR_USER_IDS: 'UANIM001',
    LOG_LEVEL: 'error',
    EMBEDDED_DATABASE: 'ferretdb',
  });
  if (!loaded.ok) throw new Error(`test configuration refused: ${loaded.problems.join('; ')}`);
  return { ...loaded.config, ...overrides };
}

export interface Harness {
  standin: SlackStandin;
  clock: ManualClock;
  deps: Composition;
  db: Connection;
  /** The database URI, for child processes (e.g. the jobs CLI) working on the same data. */
  dbUri: string;
  app: PasserelleApp;
  appUrl: string;
  slack: ReturnType<typeof createSlackRequester>;
  stop(): Promise<void>;
}

/** What a test may change about its app. */
export interface HarnessOptions {
  now?: Date;
  config?: Partial<Config>;
  db?: Connection;
  logger?: Logger;
  /** Runs in Socket Mode, connected to the stand-in's WebSocket (`standin.socket`), not over HTTP. */
  socketMode?: boolean;
}

/** A running Passerelle on its own database, talking to its own Slack stand-in, with a hand-moved clock. */
export async function startHarness(label: string, options: HarnessOptions = {}): Promise<Harness> {
  const clock = new ManualClock(options.now ?? new Date());
  const standin = new SlackStandin({ tokens: [BOT_TOKEN], appTokens: [APP_TOKEN] });
  await standin.start();
  const base = testConfig(standin.apiUrl, options.config);
  const config = options.socketMode ? { ...base, slack: { ...base.slack, appToken: APP_TOKEN } } : base;
  const logger = options.logger ?? silentLogger();
  const dbUri = testDatabaseUri(label);
  const db = options.db ?? (await connectDatabase(dbUri, logger));
  // Slack retries as in production but quicker (a 5xx outage gives up in well under a second).
  const deps = buildDeps(config, logger, clock, db, {
    slackRetries: { retries: 6, factor: 2, minTimeout: 20, maxTimeout: 100 },
  });
  const app = createApp(deps, { socketPingTimeoutMs: SOCKET_PING_TIMEOUT_MS });
  const { port } = await app.start();
  const appUrl = `http://127.0.0.1:${port}`;
  const slack = createSlackRequester({ appUrl, signingSecret: SIGNING_SECRET, standin });
  return {
    standin,
    clock,
    deps,
    db,
    dbUri,
    app,
    appUrl,
    slack,
    async stop() {
      await app.stop();
      if (!options.db) await db.close();
      await standin.stop();
    },
  };
}
