/**
 * `npm run sandbox [-- --demo] [--port 4000] [--data-dir .cache/sandbox-db]`: Passerelle, the Slack
 * stand-in and the sandbox page, in one process. Each start is a fresh workspace (the data
 * directory is emptied first). Never part of `npm start` (tsconfig.build.json builds src/ only).
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { withDatabaseName } from '../src/db/connection.js';
import { startFerretDb } from '../src/db/ferretdb.js';
import { inspectLock } from '../src/db/ferretdb-lock.js';
import { createLogger } from '../src/logger.js';
import { demoStart, demoSteps, runDemo } from './demo.js';
import { startSandbox } from './sandbox.js';
import { servePage } from './web.js';

/** The embedded FerretDB's lock in its data directory (src/db/ferretdb.ts). */
const LOCK_FILE = 'ferretdb.json';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      demo: { type: 'boolean', default: false },
      port: { type: 'string', default: '0' },
      'data-dir': { type: 'string', default: '.cache/sandbox-db' },
      'log-level': { type: 'string', default: 'warn' },
    },
  });
  const logger = createLogger(values['log-level']);
  const dataDir = path.resolve(values['data-dir']);
  const lock = await inspectLock(path.join(dataDir, LOCK_FILE));
  if (lock.kind !== 'stale') {
    throw new Error(
      `another sandbox is using ${dataDir}: stop it, or start this one with --data-dir <another>`,
    );
  }
  await rm(path.join(dataDir, 'ferretdb'), { recursive: true, force: true });
  const database = await startFerretDb({
    backend: { kind: 'sqlite', dir: path.join(dataDir, 'ferretdb') },
    lockDir: dataDir,
    logger,
  });
  if (database.reused) {
    throw new Error(
      `another sandbox started on ${dataDir} meanwhile: start this one with --data-dir <another>`,
    );
  }
  const today = new Date();
  // The scheduler's minute tick starts once the demo has played (it moves the clock itself).
  const sandbox = await startSandbox({
    dbUri: withDatabaseName(database.uri, 'passerelle'),
    logger,
    tick: false,
    ...(values.demo ? { now: demoStart(today) } : {}),
  });
  const page = await servePage(sandbox, Number(values.port));
  if (values.demo) {
    // The page can be opened at once: it shows how far the seeding is until it is done.
    sandbox.progress = { done: 0, total: demoSteps.length };
    process.stdout.write(`Seeding the demo workspace (the page shows its progress: ${page.url})…\n`);
    for await (const step of runDemo(sandbox, today)) {
      sandbox.progress = { done: sandbox.progress.done + 1, total: demoSteps.length };
      process.stdout.write(`  ✓ ${step}\n`);
    }
    sandbox.progress = undefined;
    process.stdout.write('Demo ready.\n');
  }
  process.stdout.write(`Passerelle sandbox: open ${page.url}\n`);
  process.stdout.write(`  (the Slack stand-in at ${sandbox.standin.baseUrl}; Ctrl-C stops)\n`);
  sandbox.deps.scheduler.start();

  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    await page.stop();
    await sandbox.stop();
    await database.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

main().catch((err: unknown) => {
  process.stderr.write(`The sandbox failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
