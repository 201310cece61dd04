import { randomBytes } from 'node:crypto';
import type { Connection } from 'mongoose';
import { inject } from 'vitest';
import { checkinModel } from '../../src/features/checkins/model.js';
import { questionSetModel } from '../../src/features/checkins/questions-model.js';
import { missionModel } from '../../src/features/missions/model.js';
import { itemModel, templateModel } from '../../src/features/onboarding/model.js';
import { preferencesModel } from '../../src/features/preferences/model.js';
import { jobModel } from '../../src/scheduler/job-model.js';
import { claimOnce } from '../../src/scheduler/once.js';

/**
 * The run's server URI (set up by global-setup.ts) with a database of its own for each call, named
 * `t_<label>_<random>`.
 *
 * Do not `dropDatabase` at the end of a test file: FerretDB's SQLite backend can crash when a
 * database is dropped while clients are still connected to it. The whole temporary directory is
 * removed at the end of the run instead (and a PostgreSQL test database is dropped then).
 */
export function testDatabaseUri(label: string): string {
  const base = inject('mongoUri') ?? process.env.PASSERELLE_TEST_MONGODB_URI;
  if (!base) throw new Error('no test database: test/support/global-setup.ts did not run');
  // Short names: MongoDB caps database names at 64 bytes and FerretDB/PostgreSQL at 63.
  const safeLabel = label.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 24);
  return withDatabase(base, `t_${safeLabel}_${randomBytes(4).toString('hex')}`);
}

/** Replaces the path of a MongoDB URI, keeping credentials, hosts (even several) and options. */
function withDatabase(uri: string, database: string): string {
  const schemeEnd = uri.indexOf('://') + 3;
  const queryStart = uri.indexOf('?', schemeEnd);
  const beforeQuery = queryStart === -1 ? uri : uri.slice(0, queryStart);
  const query = queryStart === -1 ? '' : uri.slice(queryStart);
  const slash = beforeQuery.indexOf('/', schemeEnd);
  const authority = slash === -1 ? beforeQuery : beforeQuery.slice(0, slash);
  return `${authority}/${database}${query}`;
}

/**
 * Builds every index of the app's collections on a (fresh) test database, and waits for them.
 *
 * Mongoose builds a model's indexes in the background the first time the model is used on a
 * connection. On a fresh database the first requests race with that build: two /mission-start
 * submissions arriving together were both stored (the unique creationKey index was not there
 * yet), and the build then failed on the duplicates. A deployed database has its indexes from its
 * first start, so tests start from there; the app itself does not wait for them (reported).
 */
export async function buildIndexes(db: Connection): Promise<void> {
  for (const model of [
    missionModel,
    checkinModel,
    questionSetModel,
    preferencesModel,
    templateModel,
    itemModel,
  ]) {
    model(db);
  }
  jobModel(db);
  // The scheduler's once-a-period marks have no exported model: a claim compiles it.
  await claimOnce(db, 'test:indexes-built', new Date(0));
  await Promise.all(db.modelNames().map((name) => db.model(name).init()));
}
