// bench:rollups — how fast the analytics applier counts dirty records, and how long rebuild-stats
// takes per record, on FerretDB 1.24 (PostgreSQL backend by default; `-- --backend sqlite`).
// Run: npm run bench:rollups [-- --records 2000] [-- --backend sqlite]
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { parseArgs, promisify } from 'node:util';
import { Types } from 'mongoose';
import { ManualClock } from '../src/clock.js';
import { buildDeps } from '../src/compose.js';
import { connectDatabase } from '../src/db/connection.js';
import { startFerretDb } from '../src/db/ferretdb.js';
import { rebuildStats } from '../src/features/analytics/index.js';
import { checkinModel } from '../src/features/checkins/model.js';
import { silentLogger } from '../src/logger.js';
import { testConfig } from '../test/support/harness.js';

const { values } = parseArgs({
  options: { records: { type: 'string', default: '2000' }, backend: { type: 'string', default: 'postgres' } },
});
const RECORDS = Number(values.records);
const NOW = new Date('2026-12-03T09:00:00Z');
const run = promisify(execFile);
const pgArgs = ['-h', '127.0.0.1', '-p', '5432', '-U', 'postgres'];
const pgDatabase = `passerelle_bench_${randomBytes(4).toString('hex')}`;
const logger = silentLogger();
const postgres = values.backend !== 'sqlite';
if (postgres) await run('createdb', [...pgArgs, pgDatabase]);
const server = await startFerretDb({
  backend: postgres
    ? { kind: 'postgresql', url: `postgres://postgres@127.0.0.1:5432/${pgDatabase}` }
    : { kind: 'sqlite', dir: `/tmp/${pgDatabase}` },
  logger,
});
const db = await connectDatabase(`${server.uri.replace(/\/?$/, '/')}rollups_bench`, logger);
try {
  const deps = buildDeps(testConfig('http://127.0.0.1:9/api/'), logger, new ManualClock(NOW), db);
  // Answered check-ins of 200 missions under 20 managers, as the answer writes leave them (dirty).
  const docs = Array.from({ length: RECORDS }, (_, i) => {
    const due = new Date(Date.UTC(2026, 0, 5 + (i % 300), 9));
    return {
      missionId: new Types.ObjectId(`${'0'.repeat(21)}${String(i % 200).padStart(3, '0')}`),
      week: `W${i}`,
      dueAt: due,
      freelancerId: `UFRE${i % 200}`,
      managerId: `UMGR${i % 20}`,
      title: 'Bench',
      locale: 'fr',
      zone: 'Europe/Paris',
      country: 'FR',
      lane: i % 64,
      status: 'answered',
      sentAt: due,
      answeredAt: due,
      answer: {
        score: 1 + (i % 5),
        progress: 'ok',
        blockers: '',
        needsHelp: false,
        note: '',
        visibility: i % 7 === 0 ? 'hr' : 'manager',
        extra: {},
      },
      rollupDirty: true,
    };
  });
  for (let i = 0; i < docs.length; i += 500) await checkinModel(db).insertMany(docs.slice(i, i + 500));
  const backend = postgres ? 'PostgreSQL' : 'SQLite';
  let t0 = performance.now();
  let passes = 0;
  while ((await checkinModel(db).countDocuments({ rollupDirty: true })) > 0) {
    await deps.scheduler.runPass();
    passes += 1;
  }
  let ms = performance.now() - t0;
  console.log(
    `${backend}: applier counted ${RECORDS} dirty check-ins in ${(ms / 1000).toFixed(1)} s (${passes} pass(es)): ${(ms / RECORDS).toFixed(1)} ms per record, ${((RECORDS / ms) * 60_000).toFixed(0)} per minute`,
  );
  t0 = performance.now();
  let r = await rebuildStats(db, deps.features, deps.clock);
  ms = performance.now() - t0;
  console.log(
    `${backend}: rebuild-stats, snapshots right: ${r.records} records in ${(ms / 1000).toFixed(1)} s (${r.snapshotsFixed} rewritten), ${(ms / r.records).toFixed(2)} ms per record, rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`,
  );
  await checkinModel(db).updateMany({}, { $set: { rollupCounted: null } });
  t0 = performance.now();
  r = await rebuildStats(db, deps.features, deps.clock);
  ms = performance.now() - t0;
  console.log(
    `${backend}: rebuild-stats after a restore (every snapshot off): ${r.records} records in ${(ms / 1000).toFixed(1)} s (${r.snapshotsFixed} rewritten), ${(ms / r.records).toFixed(2)} ms per record, rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`,
  );
} finally {
  await db.close();
  await server.stop();
  if (postgres) await run('dropdb', [...pgArgs, '--if-exists', pgDatabase]);
}
