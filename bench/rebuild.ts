// bench:rebuild — `rebuild-stats` (rebuildStats) from raw records on FerretDB/PostgreSQL: N check-ins
// (100 weekly ones per mission over two years), N/133 offboardings (closed, with feedback and
// evaluation), then every rollup document recomputed. Prints the time and the process RSS.
// Run: npm run bench:rebuild -- 20000   (needs the local PostgreSQL on 127.0.0.1:5432, user postgres)
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { Types } from 'mongoose';
import { ManualClock } from '../src/clock.js';
import { buildDeps } from '../src/compose.js';
import { connectDatabase } from '../src/db/connection.js';
import { startFerretDb } from '../src/db/ferretdb.js';
import { rebuildStats } from '../src/features/analytics/index.js';
import { checkinModel } from '../src/features/checkins/model.js';
import { missionModel } from '../src/features/missions/model.js';
import { offboardingModel } from '../src/features/offboarding/model.js';
import { silentLogger } from '../src/logger.js';
import { testConfig } from '../test/support/harness.js';
import { newMission } from '../test/support/missions.js';
import { checkinRecord } from '../test/support/stats-records.js';

const CHECKINS = Number(process.argv[2] ?? 20_000);
const PER_MISSION = 100;
const NOW = new Date('2026-12-03T09:00:00Z');
const run = promisify(execFile);
const pgArgs = ['-h', '127.0.0.1', '-p', '5432', '-U', 'postgres'];
const pgDatabase = `passerelle_bench_${randomBytes(4).toString('hex')}`;
const mb = (n: number) => `${(n / 1e6).toFixed(0)} MB`;
const DAY = 86_400_000;

await run('createdb', [...pgArgs, pgDatabase]);
const logger = silentLogger();
const server = await startFerretDb({
  backend: { kind: 'postgresql', url: `postgres://postgres@127.0.0.1:5432/${pgDatabase}` },
  logger,
});
const db = await connectDatabase(`${server.uri.replace(/\/?$/, '/')}rebuild_bench`, logger);
try {
  const clock = new ManualClock(NOW);
  const deps = buildDeps(testConfig('http://127.0.0.1:9/api/'), logger, clock, db);
  const missionCount = Math.ceil(CHECKINS / PER_MISSION);
  const offboardingCount = Math.round(CHECKINS / 133);
  const seedStart = performance.now();
  const missions = Array.from({ length: missionCount }, (_, i) => ({
    ...newMission({
      managerId: `UMGR${i % 40}`,
      freelancerId: `UFRE${i}`,
      status: i < offboardingCount ? 'completed' : 'active',
      startDate: new Date(Date.UTC(2025, 0, 6 + (i % 300))).toISOString().slice(0, 10),
      endDate: '2027-06-30',
      needExpressedOn: '2024-12-02',
    }),
    _id: new Types.ObjectId(),
  }));
  for (let i = 0; i < missions.length; i += 500)
    await missionModel(db).insertMany(missions.slice(i, i + 500));
  for (let i = 0; i < missions.length; i++) {
    const m = missions[i];
    if (!m) continue;
    const docs = Array.from({ length: Math.min(PER_MISSION, CHECKINS - i * PER_MISSION) }, (_, w) => {
      const dueAt = new Date(Date.UTC(2025, 0, 6, 9) + w * 7 * DAY);
      const answered = (i + w) % 5 !== 0;
      return checkinRecord({
        missionId: m._id,
        week: `W${w}`,
        dueAt,
        freelancerId: m.freelancerId,
        managerId: m.managerId,
        title: m.title,
        status: answered ? 'answered' : 'missed',
        answer: { score: 1 + ((i + w) % 5), hr: w % 7 === 0 },
        dirty: false,
      });
    });
    if (docs.length > 0) await checkinModel(db).insertMany(docs);
  }
  const offboardings = missions.slice(0, offboardingCount).map((m, i) => {
    const at = new Date(Date.UTC(2025, 5, 1 + (i % 500), 10));
    return {
      missionId: String(m._id),
      freelancerId: m.freelancerId,
      managerId: m.managerId,
      startedAt: at,
      startedBy: m.managerId,
      feedbackState: 'given',
      feedback: {
        overall: 1 + (i % 5),
        onboarding: 1 + ((i + 1) % 5),
        communication: 1 + ((i + 2) % 5),
        recognition: 1 + ((i + 3) % 5),
        improve: 'more context',
        wouldWorkAgain: i % 3 !== 0,
        recommend: i % 11,
        at,
      },
      evaluationGiven: true,
      evaluation: {
        rating: 1 + (i % 5),
        skills: [],
        recommendation: '',
        shareRecommendation: false,
        privateNote: 'note',
        wouldRehire: i % 2 === 0,
        renewed: i % 4 === 0,
        by: m.managerId,
        at,
      },
      closed: true,
      closedAt: new Date(at.getTime() + DAY),
    };
  });
  for (let i = 0; i < offboardings.length; i += 500)
    await offboardingModel(db).insertMany(offboardings.slice(i, i + 500));
  const seeded = (performance.now() - seedStart) / 1000;
  console.log(
    `seeded ${missionCount} missions, ${CHECKINS} check-ins, ${offboardingCount} offboardings in ${seeded.toFixed(0)} s, rss ${mb(process.memoryUsage().rss)}`,
  );
  globalThis.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const t0 = performance.now();
  const report = await rebuildStats(db, deps.features, clock);
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(
    `rebuild-stats: ${report.records} records, ${report.documents} rollup documents, ${report.snapshotsFixed} snapshots written, ${seconds.toFixed(1)} s (${((seconds * 1000) / report.records).toFixed(2)} ms/record); rss before ${mb(before)}, peak ${mb(peak)}`,
  );
} finally {
  await db.close();
  await server.stop();
  await run('dropdb', [...pgArgs, '--if-exists', pgDatabase]);
}
