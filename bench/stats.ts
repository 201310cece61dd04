// bench:stats — /mission-stats and the CSV export over a workspace of 2,000 missions and two years
// of figures (~200,000 check-ins summed into the rollup documents), on FerretDB/PostgreSQL.
// Run: npm run bench:stats   (needs the local PostgreSQL on 127.0.0.1:5432, user postgres, trust auth)
// rebuild-stats from raw records: bench/rebuild.ts (npm run bench:rebuild).
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { Types } from 'mongoose';
import { ManualClock } from '../src/clock.js';
import { buildDeps } from '../src/compose.js';
import { connectDatabase } from '../src/db/connection.js';
import { startFerretDb } from '../src/db/ferretdb.js';
import { exportRows } from '../src/features/analytics/export/service.js';
import { rollupModel } from '../src/features/analytics/rollups/model.js';
import { parsePeriod } from '../src/features/analytics/summary/input.js';
import { statsSummary } from '../src/features/analytics/summary/service.js';
import { missionModel } from '../src/features/missions/model.js';
import { personHasher } from '../src/features/privacy/index.js';
import { silentLogger } from '../src/logger.js';
import type { StatFigures } from '../src/rollups.js';
import { testConfig } from '../test/support/harness.js';
import { newMission } from '../test/support/missions.js';

const NOW = new Date('2026-12-03T09:00:00Z');
const run = promisify(execFile);
const pgArgs = ['-h', '127.0.0.1', '-p', '5432', '-U', 'postgres'];
const pgDatabase = `passerelle_bench_${randomBytes(4).toString('hex')}`;
const mb = (n: number) => `${(n / 1e6).toFixed(0)} MB`;
/** RSS, and the live JavaScript heap after a full collection (run with --expose-gc, as the script does). */
const rss = () => {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return `${mb(m.rss)} (live heap ${mb(m.heapUsed)})`;
};

function dayFigures(): StatFigures {
  // ~275 check-ins a day over two years ≈ 200,000.
  return {
    checkinsSent: 275,
    checkinsAnswered: 220,
    scoreSum: 800,
    scoreCount: 200,
    hrScoreSum: 70,
    hrScoreCount: 20,
  };
}

await run('createdb', [...pgArgs, pgDatabase]);
const logger = silentLogger();
const server = await startFerretDb({
  backend: { kind: 'postgresql', url: `postgres://postgres@127.0.0.1:5432/${pgDatabase}` },
  logger,
});
const db = await connectDatabase(`${server.uri.replace(/\/?$/, '/')}stats_bench`, logger);
try {
  const deps = buildDeps(testConfig('http://127.0.0.1:9/api/'), logger, new ManualClock(NOW), db);
  const missions = Array.from({ length: 2000 }, (_, i) => {
    const start = new Date(Date.UTC(2025, 0, 1 + (i % 600)));
    const end = new Date(start.getTime() + 120 * 86_400_000);
    return {
      ...newMission({
        managerId: `UMGR${i % 40}`,
        freelancerId: `UFRE${i}`,
        status: i % 3 === 0 ? 'active' : 'completed',
        startDate: start.toISOString().slice(0, 10),
        endDate: end.toISOString().slice(0, 10),
      }),
      _id: new Types.ObjectId(),
    };
  });
  for (let i = 0; i < missions.length; i += 200)
    await missionModel(db).insertMany(missions.slice(i, i + 200));
  for (const year of [2025, 2026]) {
    const d: Record<string, StatFigures> = {};
    for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000)
      d[new Date(t).toISOString().slice(0, 10)] = dayFigures();
    await rollupModel(db).create({
      _id: `ws|${year}`,
      scope: 'ws',
      year,
      d,
      hr: { [`${year}-Q1`]: { a: 1 } },
      t: {},
    });
  }
  const docs = missions.map((m) => ({
    _id: `mission:${m._id.toString()}`,
    scope: 'mission',
    year: null,
    d: {},
    hr: {},
    t: { checkinsSent: 100, checkinsAnswered: 80, scoreSum: 300, scoreCount: 75 },
  }));
  for (let i = 0; i < docs.length; i += 200) await rollupModel(db).insertMany(docs.slice(i, i + 200));
  for (const label of ['30d', '90d', '2026', '2025-Q2']) {
    const period = parsePeriod(label, '2026-12-03');
    if (!period) throw new Error(label);
    const times: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t0 = performance.now();
      await statsSummary(deps, { kind: 'workspace' }, period, (x) => x, 'Europe/Paris');
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    console.log(
      `/mission-stats ${label}: p50 ${times[5]?.toFixed(1)} ms, max ${times[9]?.toFixed(1)} ms, rss ${rss()}`,
    );
  }
  const period = parsePeriod('2026', '2026-12-03');
  if (!period) throw new Error('2026');
  const t0 = performance.now();
  const analytics = { ...deps, sources: () => [], personHash: () => personHasher(db) };
  const rows = await exportRows(analytics, { kind: 'workspace' }, period);
  console.log(`CSV rows ${rows.length}: ${(performance.now() - t0).toFixed(0)} ms, rss ${rss()}`);
} finally {
  await db.close();
  await server.stop();
  await run('dropdb', [...pgArgs, '--if-exists', pgDatabase]);
}
