import 'dotenv/config';
import { createApp } from './app.js';
import { systemClock } from './clock.js';
import { buildDeps } from './compose.js';
import { describeConfigProblems, loadConfig } from './config.js';
import { connectDatabase } from './db/connection.js';
import { resolveDatabase } from './db/resolve.js';
import { createLogger } from './logger.js';
import { onStopSignal } from './stop-signals.js';

async function main(): Promise<void> {
  const loaded = loadConfig(process.env, 'server');
  if (!loaded.ok) {
    // The logger is not configured yet: a plain, readable message is what a new user needs here.
    process.stderr.write(`${describeConfigProblems(loaded.problems)}\n`);
    process.exit(1);
  }
  const { config } = loaded;
  const logger = createLogger(config.logLevel);
  const database = await resolveDatabase(config, logger);
  logger.info(`database: ${database.description}`);
  const db = await connectDatabase(database.uri, logger);
  const deps = buildDeps(config, logger, systemClock, db);
  const app = createApp(deps);
  const { port } = await app.start();
  deps.scheduler.start();
  logger.info(
    app.mode === 'http'
      ? `Passerelle listening on http://localhost:${port}/slack/events (health: /healthz)`
      : `Passerelle connected in Socket Mode (health: http://localhost:${port}/healthz)`,
  );

  const shutdown = async (signal: string) => {
    logger.info(`${signal} received: finishing in-flight work`);
    try {
      // First no new request or job, then the work in flight reaches a safe point (bounded), then the database.
      await app.stop();
      await deps.scheduler.stop();
      await db.close();
      await database.stop();
      logger.info('stopped cleanly');
      process.exit(0);
    } catch (err) {
      logger.error('error while stopping', err);
      process.exit(1);
    }
  };
  onStopSignal(
    (signal) => void shutdown(signal),
    (signal) => logger.info(`${signal} received again: already stopping`),
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`Passerelle failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
