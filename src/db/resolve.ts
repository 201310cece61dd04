import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '@slack/bolt';
import type { Config } from '../config.js';
import { withDatabaseName } from './connection.js';
import { startFerretDb } from './ferretdb.js';

/** Where the data lives, and how to let go of an embedded server. */
export interface ResolvedDatabase {
  uri: string;
  /** One line for the start-up log: which database and why. */
  description: string;
  stop(): Promise<void>;
}

const DATABASE_NAME = 'passerelle';
/** How long a failed `mongod` download is remembered, so each start does not wait for it again. */
const DOWNLOAD_FAILURE_MEMORY_MS = 24 * 60 * 60_000;
const DOWNLOAD_TIMEOUT_MS = 8_000;

/**
 * Resolution order (ENGINEERING.md): MONGODB_URI; else an embedded real `mongod` when it can be
 * downloaded; else the embedded FerretDB on SQLite in DATA_DIR; else a clear error.
 */
export async function resolveDatabase(config: Config, logger: Logger): Promise<ResolvedDatabase> {
  if (config.mongodbUri) {
    return { uri: config.mongodbUri, description: 'MongoDB at MONGODB_URI', stop: async () => {} };
  }
  const dataDir = path.resolve(config.dataDir);
  await mkdir(dataDir, { recursive: true });
  const reasons: string[] = [];
  if (config.embeddedDatabase !== 'ferretdb') {
    const mongod = await tryMongoMemoryServer(dataDir, logger);
    if ('uri' in mongod) return mongod;
    reasons.push(`embedded mongod unavailable (${mongod.reason})`);
  }
  if (config.embeddedDatabase !== 'mongodb-memory-server') {
    try {
      const server = await startFerretDb({
        backend: { kind: 'sqlite', dir: path.join(dataDir, 'ferretdb') },
        lockDir: dataDir,
        logger,
      });
      const why = ['no MONGODB_URI', ...reasons].join('; ');
      return {
        uri: withDatabaseName(server.uri, DATABASE_NAME),
        description: `embedded FerretDB 1.24 on SQLite in ${path.join(dataDir, 'ferretdb')}${server.reused ? ' (shared with a running Passerelle)' : ''} — ${why}`,
        stop: () => server.stop(),
      };
    } catch (err) {
      reasons.push(`embedded FerretDB unavailable (${err instanceof Error ? err.message : String(err)})`);
    }
  }
  throw new Error(
    [
      `No database available: ${reasons.join('; ')}.`,
      'Either set MONGODB_URI (MongoDB ≥ 6, Atlas, or FerretDB),',
      'or allow the one-time download of mongod (internet access for mongodb-memory-server),',
      'or install Go ≥ 1.22 so Passerelle can build its embedded FerretDB.',
    ].join(' '),
  );
}

async function tryMongoMemoryServer(
  dataDir: string,
  logger: Logger,
): Promise<ResolvedDatabase | { reason: string }> {
  const marker = path.join(dataDir, 'mongod-download-failed');
  const lastFailure = await readFile(marker, 'utf8').catch(() => undefined);
  if (lastFailure && Date.now() - Number(lastFailure) < DOWNLOAD_FAILURE_MEMORY_MS) {
    return { reason: 'its download failed within the last day' };
  }
  let gaveUp = false;
  try {
    const { MongoBinary, MongoMemoryServer } = await import('mongodb-memory-server-core');
    const dbPath = path.join(dataDir, 'mongod');
    await mkdir(dbPath, { recursive: true });
    // The binary first, on its own: when MongoMemoryServer.create fails it prints the whole error
    // on the console, a stack trace above our one line; getPath just throws.
    const starting = MongoBinary.getPath().then(() => {
      // A download that ends after we gave up must not start a mongod that nobody stops.
      if (gaveUp) throw new Error('gave up waiting');
      return MongoMemoryServer.create({ instance: { dbPath, storageEngine: 'wiredTiger' } });
    });
    // Without internet the download retries for a while: give up early and move on.
    const server = await withTimeout(starting, DOWNLOAD_TIMEOUT_MS, 'download timed out');
    logger.debug('embedded mongod started');
    return {
      uri: withDatabaseName(server.getUri(), DATABASE_NAME),
      description: `embedded MongoDB (mongodb-memory-server) in ${dbPath} — no MONGODB_URI`,
      stop: async () => {
        await server.stop({ doCleanup: false });
      },
    };
  } catch (err) {
    gaveUp = true;
    await writeFile(marker, String(Date.now())).catch(() => {});
    return { reason: failureReason(err) };
  }
}

/** A few words on why mongod could not be had: "download failed: ENOTFOUND fastdl.mongodb.org". */
function failureReason(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const { code, url } = err as { code?: unknown; url?: unknown };
  if (typeof url === 'string' && url.startsWith('http')) {
    return `download failed: ${typeof code === 'string' ? code : 'error'} ${new URL(url).host}`;
  }
  return err.message.split('\n')[0]?.trim() || err.name;
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  promise.catch(() => {}); // a late rejection after the timeout is expected, not unhandled
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(message)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
