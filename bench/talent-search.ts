// Server time of `/talent <skills…>` (ranking + the page's profiles + Block Kit) and of the mission
// modal's alumni suggestion, over a pool of 50,000 profiles, on FerretDB 1.24 with its PostgreSQL
// backend and with its SQLite backend.
// Run: npm run bench:talent [-- --backend postgres|sqlite|both]   (default both; needs the local
// PostgreSQL on 127.0.0.1:5432, user postgres, trust auth)
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ManualClock } from '../src/clock.js';
import { buildDeps } from '../src/compose.js';
import type { Config } from '../src/config.js';
import { connectDatabase } from '../src/db/connection.js';
import { type FerretBackend, startFerretDb } from '../src/db/ferretdb.js';
import { suggestAlumni } from '../src/features/talent/index.js';
import { syncSkillIndex } from '../src/features/talent/read-model.js';
import { importProfiles, rebuildReadModel } from '../src/features/talent/rebuild.js';
import { saveAvailability } from '../src/features/talent/repository.js';
import { searchTalent, vocabularyOf } from '../src/features/talent/search/service.js';
import { resultsMessage } from '../src/features/talent/search/views.js';
import { translator } from '../src/i18n/index.js';
import { silentLogger } from '../src/logger.js';
import { testConfig } from '../test/support/harness.js';
import { SlackStandin } from '../test/support/slack-standin.js';
import { NOW, pool } from './talent-pool.js';
import { formatTimings, summarize, type Timings, timeIt } from './timing.js';

const RUNS = 60;
const WARMUP = 10;
const BOT_TOKEN = 'xoxb-bench-1-abc';
const run = promisify(execFile);
const pgArgs = ['-h', '127.0.0.1', '-p', '5432', '-U', 'postgres'];

const fmt = (r: Timings) => formatTimings(r);

async function benchOn(label: string, backend: FerretBackend, standin: SlackStandin, pgDatabase?: string) {
  const logger = silentLogger();
  const server = await startFerretDb({ backend, logger });
  const db = await connectDatabase(`${server.uri.replace(/\/?$/, '/')}talent_bench`, logger);
  try {
    const config: Config = testConfig(standin.apiUrl, { adminUserIds: [], animatorUserIds: [] });
    const deps = buildDeps(config, logger, new ManualClock(NOW), db);
    const t0 = performance.now();
    const profiles = pool();
    await importProfiles(db, profiles, NOW);
    const built = await rebuildReadModel(db);
    console.log(
      `${label}: seeded ${built.profiles} profiles, ${built.skills} skill documents in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    if (pgDatabase) await run('psql', [...pgArgs, '-d', pgDatabase, '-qc', 'VACUUM ANALYZE']);
    const docs = await db
      .collection('talent_skill_index')
      .find({}, { projection: { _id: 1 } })
      .toArray();
    const sizes = await Promise.all(
      ['typescript', 'react', 'skill-100'].map(async (s) => {
        const d = await db.collection('talent_skill_index').findOne({ _id: s as never });
        const entries = String(d?.entries ?? '');
        return `${s} ${entries.split('\n').length - 1} entries (${(entries.length / 1024).toFixed(0)} KB)`;
      }),
    );
    console.log(`${label}: ${docs.length} skill documents; ${sizes.join(', ')}`);

    const tr = translator('en');
    const reader = { userId: 'UMGR', locale: 'en' as const, zone: 'Europe/Paris' };
    const vocab = vocabularyOf(deps);
    const queries: Record<string, string[]> = {
      '/talent typescript react (2 most common)': ['typescript', 'react'],
      '/talent ts react.js k8s (synonyms)': ['ts', 'react.js', 'k8s'],
      '/talent skill-100 (a rare skill)': ['skill-100'],
      '/talent typescript react, page 5': ['typescript', 'react'],
    };
    for (const [name, skills] of Object.entries(queries)) {
      const page = name.includes('page 5') ? 4 : 0;
      const once = async () => {
        const result = await searchTalent(deps, skills, { page });
        return resultsMessage(tr, reader, result, vocab, true, NOW);
      };
      await timeIt(WARMUP, once);
      const result = await searchTalent(deps, skills, { page });
      console.log(
        `${label}:   ${name.padEnd(44)} ${fmt(await timeIt(RUNS, once))}  (${result.total} matches)`,
      );
    }
    const suggest = await timeIt(RUNS, () => suggestAlumni(deps, ['typescript', 'react'], 3));
    console.log(`${label}:   ${'alumni suggestion (typescript, react)'.padEnd(44)} ${fmt(suggest)}`);
    // The first search of a new instance (its own connection: an empty cache, every document read).
    const firsts: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const fresh = await connectDatabase(`${server.uri.replace(/\/?$/, '/')}talent_bench`, logger);
      try {
        const freshDeps = buildDeps(config, logger, new ManualClock(NOW), fresh);
        const t0 = performance.now();
        const result = await searchTalent(freshDeps, ['typescript', 'react']);
        resultsMessage(tr, reader, result, vocab, true, NOW);
        firsts.push(performance.now() - t0);
      } finally {
        await fresh.close();
      }
    }
    console.log(
      `${label}:   ${'/talent typescript react, new instance (cold)'.padEnd(44)} ${fmt(summarize(firsts))}`,
    );
    // The first search after a profile change: the cache re-reads, by `_id`, the documents whose
    // stamp slot the write bumped (the profile's skills and card bucket) when the search uses them.
    let m = 0;
    const afterWrite: number[] = [];
    for (let i = 0; i < 20; i += 1) {
      m += 1;
      const userId = `UBENCH${String(m * 5 + 1).padStart(6, '0')}`;
      await saveAvailability(db, userId, { availableFrom: '2026-08-01', saidAt: NOW });
      await syncSkillIndex(db, userId);
      const t0 = performance.now();
      const result = await searchTalent(deps, ['typescript', 'react']);
      resultsMessage(tr, reader, result, vocab, true, NOW);
      afterWrite.push(performance.now() - t0);
    }
    console.log(
      `${label}:   ${'/talent typescript react, right after a write'.padEnd(44)} ${fmt(summarize(afterWrite))}`,
    );
    // A profile change: the writes that keep the read model in step (one $set per listed skill).
    let n = 0;
    const write = await timeIt(20, async () => {
      n += 1;
      const userId = `UBENCH${String(n * 7).padStart(6, '0')}`;
      await saveAvailability(db, userId, { availableFrom: '2026-08-01', saidAt: NOW });
      await syncSkillIndex(db, userId);
    });
    console.log(`${label}:   ${'availability answer + read-model sync (write)'.padEnd(44)} ${fmt(write)}`);
  } finally {
    await db.close();
    await server.stop();
  }
}

const standin = new SlackStandin({ tokens: [BOT_TOKEN] });
await standin.start();
const backendArg = process.argv.indexOf('--backend');
const backends = backendArg >= 0 ? (process.argv[backendArg + 1] ?? 'both') : 'both';
const pgDatabase = `passerelle_bench_${randomBytes(4).toString('hex')}`;
if (backends !== 'sqlite') await run('createdb', [...pgArgs, pgDatabase]);
try {
  if (backends !== 'sqlite')
    await benchOn(
      'postgresql',
      { kind: 'postgresql', url: `postgres://postgres@127.0.0.1:5432/${pgDatabase}` },
      standin,
      pgDatabase,
    );
} finally {
  if (backends !== 'sqlite') await run('dropdb', [...pgArgs, '--if-exists', pgDatabase]);
}
if (backends !== 'postgres') {
  const dir = await mkdtemp(path.join(tmpdir(), 'passerelle-talent-bench-'));
  try {
    await benchOn('sqlite', { kind: 'sqlite', dir }, standin);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
await standin.stop();
