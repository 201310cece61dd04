// Where the server time of `/talent typescript react` goes, step by step, over the 50,000-profile
// pool of bench/talent-pool.ts on FerretDB 1.24 (PostgreSQL backend by default).
// Run: npx tsx bench/talent-breakdown.ts [--backend postgres|sqlite]
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ManualClock } from '../src/clock.js';
import { buildDeps } from '../src/compose.js';
import { connectDatabase } from '../src/db/connection.js';
import { type FerretBackend, startFerretDb } from '../src/db/ferretdb.js';
import { entryLines, unpackEntry } from '../src/features/talent/lines.js';
import { syncSkillIndex } from '../src/features/talent/read-model.js';
import { importProfiles, rebuildReadModel } from '../src/features/talent/rebuild.js';
import { saveAvailability } from '../src/features/talent/repository.js';
import { poolMean, type RankFacts, rank, rankTop } from '../src/features/talent/rules.js';
import { searchTalent, vocabularyOf } from '../src/features/talent/search/service.js';
import { resultsMessage } from '../src/features/talent/search/views.js';
import { translator } from '../src/i18n/index.js';
import { silentLogger } from '../src/logger.js';
import { testConfig } from '../test/support/harness.js';
import { NOW, pool } from './talent-pool.js';

const run = promisify(execFile);
const pgArgs = ['-h', '127.0.0.1', '-p', '5432', '-U', 'postgres'];

async function median(n: number, fn: () => Promise<unknown> | unknown): Promise<number> {
  const t: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const t0 = performance.now();
    await fn();
    t.push(performance.now() - t0);
  }
  t.sort((a, b) => a - b);
  return t[Math.floor(t.length / 2)] ?? Number.NaN;
}

async function breakdown(label: string, backend: FerretBackend) {
  const logger = silentLogger();
  const server = await startFerretDb({ backend, logger });
  const db = await connectDatabase(`${server.uri.replace(/\/?$/, '/')}talent_bench`, logger);
  try {
    const deps = buildDeps(testConfig('http://127.0.0.1:9/api/', {}), logger, new ManualClock(NOW), db);
    await importProfiles(db, pool(), NOW);
    await rebuildReadModel(db);
    const skills = db.collection('talent_skill_index');
    const cards = db.collection('talent_cards');
    const stats = db.collection('talent_pool_stats');
    const line = async (name: string, fn: () => Promise<unknown> | unknown, n = 15) =>
      console.log(`${label}: ${name.padEnd(60)} ${(await median(n, fn)).toFixed(1)} ms`);
    await line('pool totals by _id (1-row collection)', () => stats.findOne({ _id: 'pool' as never }));
    await line('skill doc typescript by _id (902 KB)', () => skills.findOne({ _id: 'typescript' as never }));
    await line('skill doc typescript by _id, projection {v}', () =>
      skills.findOne({ _id: 'typescript' as never }, { projection: { v: 1 } }),
    );
    await line('skill doc skill-100 by _id (13 KB)', () => skills.findOne({ _id: 'skill-100' as never }));
    await line('card bucket b7 by _id (512-row collection)', () => cards.findOne({ _id: 'b7' as never }));
    await line('card bucket b7 by _id, projection {v}', () =>
      cards.findOne({ _id: 'b7' as never }, { projection: { v: 1 } }),
    );
    const ts = String((await skills.findOne({ _id: 'typescript' as never }))?.entries ?? '');
    const re = String((await skills.findOne({ _id: 'react' as never }))?.entries ?? '');
    const candidates = new Map<string, { facts: RankFacts; matched: Set<string> }>();
    const parse = () => {
      candidates.clear();
      for (const [q, doc] of [
        ['typescript', ts],
        ['react', re],
      ] as const) {
        for (const [userId, packed] of entryLines(doc)) {
          let c = candidates.get(userId);
          if (!c) {
            c = { facts: unpackEntry(userId, packed), matched: new Set() };
            candidates.set(userId, c);
          }
          c.matched.add(q);
        }
      }
    };
    await line('parse both skill strings into candidates (JS)', parse);
    const mean = poolMean(
      await stats.findOne<{ ratingSum: number; ratingCount: number }>({ _id: 'pool' as never }),
    );
    await line(`rank ${candidates.size} candidates (JS sort, before)`, () => rank(candidates, mean, NOW), 5);
    const lists = [...candidates.values()].map((c) => ({ facts: c.facts, matched: [...c.matched] }));
    await line(`rank ${candidates.size} candidates, top 10 only (rankTop)`, () =>
      rankTop(lists, mean, NOW, 10),
    );
    const page = await searchTalent(deps, ['typescript', 'react']);
    const vocab = vocabularyOf(deps);
    const tr = translator('en');
    const reader = { userId: 'UMGR', locale: 'en' as const, zone: 'Europe/Paris' };
    await line('Block Kit of the page (JS)', () => resultsMessage(tr, reader, page, vocab, true, NOW));
    await line('searchTalent typescript react (whole, cache warm)', () =>
      searchTalent(deps, ['typescript', 'react']),
    );
    let n = 0;
    const cold = async () => {
      n += 1;
      // A write to a typescript profile: the next search re-reads that skill's document (and bucket).
      const userId = `UBENCH${String(n * 5).padStart(6, '0')}`;
      await saveAvailability(db, userId, { availableFrom: '2026-08-01', saidAt: NOW });
      await syncSkillIndex(db, userId);
      const t0 = performance.now();
      await searchTalent(deps, ['typescript', 'react']);
      return performance.now() - t0;
    };
    const colds: number[] = [];
    for (let i = 0; i < 9; i += 1) colds.push(await cold());
    colds.sort((a, b) => a - b);
    console.log(
      `${label}: ${'searchTalent right after a profile write (cache refresh)'.padEnd(60)} ${(colds[4] ?? 0).toFixed(1)} ms`,
    );
  } finally {
    await db.close();
    await server.stop();
  }
}

const arg = process.argv.indexOf('--backend');
const which = arg >= 0 ? process.argv[arg + 1] : 'postgres';
if (which === 'sqlite') {
  const dir = await mkdtemp(path.join(tmpdir(), 'passerelle-talent-breakdown-'));
  try {
    await breakdown('sqlite', { kind: 'sqlite', dir });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
} else {
  const name = `passerelle_breakdown_${randomBytes(4).toString('hex')}`;
  await run('createdb', [...pgArgs, name]);
  try {
    await breakdown('postgresql', { kind: 'postgresql', url: `postgres://postgres@127.0.0.1:5432/${name}` });
  } finally {
    await run('dropdb', [...pgArgs, '--if-exists', name]);
  }
}
