// bench:reminders — the first scheduler pass after 200 missions of one manager started a week ago:
// every onboarding item overdue (600 the manager's, 3 each of 200 freelancers'). Missions and their
// checklists are created by the app's own code (startOnboarding: items, both checklist DMs, the
// digests planned), then one scheduler pass (what the minute tick and `jobs run-due` run) is timed,
// against a Slack stand-in in this process, on FerretDB 1.24 on the local PostgreSQL when it
// answers, else on SQLite (the run says which). Prints the pass time, jobs run and DMs per person.
// Run: npm run bench:reminders [-- --missions 200 --backend postgres|sqlite]
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { ManualClock } from '../src/clock.js';
import { buildDeps } from '../src/compose.js';
import { connectDatabase } from '../src/db/connection.js';
import { type FerretBackend, startFerretDb } from '../src/db/ferretdb.js';
import { missionModel } from '../src/features/missions/model.js';
import { startOnboarding } from '../src/features/onboarding/index.js';
import { silentLogger } from '../src/logger.js';
import { BOT_TOKEN, testConfig } from '../test/support/harness.js';
import { newMission } from '../test/support/missions.js';
import { SlackStandin } from '../test/support/slack-standin.js';

const { values } = parseArgs({
  options: {
    missions: { type: 'string', default: '200' },
    backend: { type: 'string', default: 'postgres' },
    // `--downtime`: the missions start a week before the pass and no pass runs in between (each
    // person's digests of the days in between are all due at once); default: they start (dated a
    // week back) minutes before the pass, the case.
    downtime: { type: 'boolean', default: false },
  },
});
const MISSIONS = Number(values.missions);
// Missions start Monday 2 March 2026; the pass runs Monday 9 March, 10:00 in Paris: all overdue.
const PASS_AT = new Date('2026-03-09T09:00:00Z');
const START_AT = values.downtime ? new Date('2026-03-02T08:00:00Z') : new Date('2026-03-09T08:50:00Z');
const run = promisify(execFile);
const pgArgs = ['-h', '127.0.0.1', '-p', '5432', '-U', 'postgres'];
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** FerretDB on the local PostgreSQL (a fresh database) when asked and reachable, else on SQLite. */
async function backend(): Promise<{ kind: FerretBackend; name: string; cleanup: () => Promise<void> }> {
  if (values.backend === 'postgres') {
    const database = `passerelle_bench_${randomBytes(4).toString('hex')}`;
    try {
      await run('createdb', [...pgArgs, database]);
      return {
        kind: { kind: 'postgresql', url: `postgres://postgres@127.0.0.1:5432/${database}` },
        name: 'FerretDB 1.24 on PostgreSQL (127.0.0.1:5432)',
        cleanup: async () => void (await run('dropdb', [...pgArgs, '--force', database]).catch(() => {})),
      };
    } catch (err) {
      console.log(`PostgreSQL not available (${String(err).split('\n')[0]}): using SQLite`);
    }
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'passerelle-bench-'));
  return {
    kind: { kind: 'sqlite', dir },
    name: 'FerretDB 1.24 on SQLite',
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

const logger = silentLogger();
const store = await backend();
const server = await startFerretDb({ backend: store.kind, logger });
const standin = new SlackStandin({ tokens: [BOT_TOKEN] });
await standin.start();
const db = await connectDatabase(`${server.uri.replace(/\/?$/, '/')}reminders_bench`, logger);
try {
  const clock = new ManualClock(START_AT);
  const deps = buildDeps(testConfig(standin.apiUrl), logger, clock, db);
  const manager = 'UBENCHMGR';
  standin.addUser({ id: manager, name: 'manon', locale: 'en-US', tz: 'Europe/Paris' });
  const freelancers = Array.from({ length: MISSIONS }, (_, i) => `UBENCHF${String(i).padStart(4, '0')}`);
  for (const id of freelancers)
    standin.addUser({ id, name: id.toLowerCase(), locale: 'fr-FR', tz: 'Europe/Paris' });

  const seedStart = performance.now();
  const docs = freelancers.map((freelancerId) =>
    // Check-ins on Wednesdays: the Monday pass measured here delivers reminders only.
    newMission({
      managerId: manager,
      freelancerId,
      startDate: '2026-03-02',
      endDate: '2026-09-30',
      checkin: { weekday: 3 },
    }),
  );
  const missions = await missionModel(db).insertMany(docs);
  for (const m of missions) await startOnboarding(deps, m.toObject());
  const seedMs = performance.now() - seedStart;
  const before = standin.callsTo('chat.postMessage').length;

  clock.set(PASS_AT);
  const passStart = performance.now();
  const report = await deps.scheduler.runPass();
  const passMs = performance.now() - passStart;
  const posts = standin.callsTo('chat.postMessage').slice(before);
  const digests = posts.filter((p) => String(p.args.text ?? '').startsWith('⏰'));
  const perPerson = new Map<string, number>();
  for (const p of digests)
    perPerson.set(String(p.args.channel), (perPerson.get(String(p.args.channel)) ?? 0) + 1);
  const toFreelancers = freelancers.map((f) => perPerson.get(f) ?? 0);
  const second = await deps.scheduler.runPass();
  const after = standin.callsTo('chat.postMessage').length - before - posts.length;

  console.log(`backend: ${store.name}`);
  console.log(
    `seeding ${MISSIONS} missions with startOnboarding (${MISSIONS * 6} items, ${MISSIONS * 2} checklist DMs): ${seconds(seedMs)}`,
  );
  console.log(
    `the pass: ${seconds(passMs)}, ${report.outcomes.length} job(s) ran (${report.outcomes.filter((o) => o.result === 'done').length} done)`,
  );
  console.log(
    `DMs in the pass: ${posts.length}, of which reminder digests ${digests.length}: to the manager ${perPerson.get(manager) ?? 0}; to each freelancer min ${Math.min(...toFreelancers)} max ${Math.max(...toFreelancers)}`,
  );
  console.log(
    `load average at the end: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} (${cpus().length} CPUs)`,
  );
  console.log(`a second pass at the same time: ${second.outcomes.length} job(s), ${after} DM(s)`);
} finally {
  await db.close();
  await standin.stop();
  await server.stop();
  await store.cleanup();
}
