// vitest globalSetup: one database server for the whole run, shared by every test file.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { type Logger, LogLevel } from '@slack/bolt';
import type { TestProject } from 'vitest/node';
import { type EmbeddedServer, startFerretDb } from '../../src/db/ferretdb.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Server URI without a database name; tests add their own with `testDatabaseUri`. */
    mongoUri: string;
  }
}

const run = promisify(execFile);

/** The local PostgreSQL used when TEST_FERRETDB_BACKEND=postgresql (trust auth, user postgres). */
const postgresBase = process.env.TEST_POSTGRESQL_URL ?? 'postgres://postgres@127.0.0.1:5432/';

/** Starts the run's database server (unless MONGODB_URI is given) and returns its teardown. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cleanups: Array<() => Promise<void>> = [];
  const teardown = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  };

  let uri = process.env.MONGODB_URI;
  try {
    if (!uri) {
      const server = await startEmbedded(cleanups);
      uri = server.uri;
    }
  } catch (err) {
    await teardown();
    throw err;
  }

  project.provide('mongoUri', uri);
  // Child processes spawned by tests (workers, the CLI) read the same server from here.
  process.env.PASSERELLE_TEST_MONGODB_URI = uri;
  return teardown;
}

async function startEmbedded(cleanups: Array<() => Promise<void>>): Promise<EmbeddedServer> {
  const logger = consoleLogger();
  if (process.env.TEST_FERRETDB_BACKEND === 'postgresql') {
    const database = `passerelle_test_${randomBytes(4).toString('hex')}`;
    const pg = new URL(postgresBase);
    const pgArgs = [
      '-h',
      pg.hostname,
      '-p',
      pg.port || '5432',
      '-U',
      decodeURIComponent(pg.username || 'postgres'),
    ];
    await run('createdb', [...pgArgs, database]);
    // Dropped only after the launcher has stopped, when no FerretDB connection is left on it.
    cleanups.push(async () => {
      await run('dropdb', [...pgArgs, '--if-exists', database]);
    });
    pg.pathname = `/${database}`;
    const server = await startFerretDb({ backend: { kind: 'postgresql', url: pg.toString() }, logger });
    cleanups.push(() => server.stop());
    return server;
  }

  const dir = await mkdtemp(path.join(tmpdir(), 'passerelle-test-db-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const server = await startFerretDb({ backend: { kind: 'sqlite', dir }, logger });
  cleanups.push(() => server.stop());
  return server;
}

/** Build progress at info (a cold build takes minutes, so say why the run waits); problems always. */
function consoleLogger(): Logger {
  let level = LogLevel.INFO;
  const order = [LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR];
  const at =
    (l: LogLevel) =>
    (...msg: unknown[]) => {
      if (order.indexOf(l) >= order.indexOf(level)) console.error(`[test db] ${msg.map(String).join(' ')}`);
    };
  return {
    debug: at(LogLevel.DEBUG),
    info: at(LogLevel.INFO),
    warn: at(LogLevel.WARN),
    error: at(LogLevel.ERROR),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
