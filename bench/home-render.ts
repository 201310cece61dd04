// Server time of building a busy manager's App Home (data + Block Kit, not the views.publish call),
// on FerretDB 1.24 with its PostgreSQL backend and with its SQLite backend.
// Run: npm run bench:home [-- --backend postgres|sqlite|both]   (default both; needs the local
// PostgreSQL on 127.0.0.1:5432, user postgres, trust auth)
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Types } from 'mongoose';
import { ManualClock } from '../src/clock.js';
import { buildDeps } from '../src/compose.js';
import type { Config } from '../src/config.js';
import { connectDatabase } from '../src/db/connection.js';
import { type FerretBackend, startFerretDb } from '../src/db/ferretdb.js';
import type { Deps } from '../src/deps.js';
import { buildHome, gatherHome } from '../src/features/home/service.js';
import { homeView } from '../src/features/home/views.js';
import {
  isOpen,
  listedMissionsManagedBy,
  listedMissionsOfFreelancer,
  type MissionStatus,
  missionsManagedBy,
} from '../src/features/missions/index.js';
import { missionModel } from '../src/features/missions/model.js';
import { defaultTemplate } from '../src/features/onboarding/defaults.js';
import { onboardingOf, openItemsAmong, openItemsOf, progressOf } from '../src/features/onboarding/index.js';
import { itemModel } from '../src/features/onboarding/model.js';
import { translator } from '../src/i18n/index.js';
import { silentLogger } from '../src/logger.js';
import { readerOf } from '../src/slack/reader.js';
import { testConfig } from '../test/support/harness.js';
import { SlackStandin } from '../test/support/slack-standin.js';
import { type Timings, timeIt } from './timing.js';

const MISSIONS = 2_000;
const MANAGED = 200;
const RENDERS = 30;
const WARMUP = 10;
const STEP_RUNS = 15;
const MANAGER = 'UMGRBENCH1';
const BOT_TOKEN = 'xoxb-bench-1-abc';
const run = promisify(execFile);
const pgArgs = ['-h', '127.0.0.1', '-p', '5432', '-U', 'postgres'];

/** The busy manager's 200 missions: a realistic spread, most past onboarding. */
function statusOf(i: number): MissionStatus {
  const cycle: MissionStatus[] = [
    'onboarding',
    'active',
    'active',
    'active',
    'offboarding',
    'completed',
    'completed',
    'completed',
    'completed',
    'cancelled',
  ];
  return cycle[i % cycle.length] ?? 'active';
}

/** 2,000 missions (200 of them the bench manager's) with 6 checklist items each. */
async function seed(deps: Deps): Promise<void> {
  const missions = Array.from({ length: MISSIONS }, (_, i) => {
    const start = new Date(Date.UTC(2024, 0, 1) + (i % 700) * 86_400_000).toISOString().slice(0, 10);
    const end = new Date(Date.UTC(2024, 6, 1) + (i % 700) * 86_400_000).toISOString().slice(0, 10);
    return {
      _id: new Types.ObjectId(),
      creationKey: `bench-${i}`,
      title: `Mission ${i} — platform migration`,
      brief: 'Move the legacy services to the new platform. '.repeat(4),
      objectives: 'Zero downtime; documented runbooks.',
      freelancerId: `UFRL${String(i).padStart(5, '0')}`,
      managerId: i < MANAGED ? MANAGER : `UMGR${String(i % 90).padStart(5, '0')}`,
      buddyId: null,
      channelId: null,
      skills: ['typescript', 'kubernetes'],
      startDate: start,
      endDate: end,
      needExpressedOn: null,
      templateKey: 'default',
      checkin: { weekday: 1, time: '10:00', timezone: 'Europe/Paris', timezoneAssumed: false },
      status: statusOf(i),
      history: [{ at: new Date(), by: 'UADMIN', action: 'created' }],
    };
  });
  await missionModel(deps.db).insertMany(missions);
  // Seeding only: items written through onboarding's model with their done state, since the
  // service's tick (one findOneAndUpdate each) would take minutes for 12,000 items.
  const template = defaultTemplate();
  const items = missions.flatMap((m, i) =>
    template.items.map((t, index) => {
      const done = m.status !== 'onboarding' && m.status !== 'draft' ? true : index < i % 6;
      return {
        missionId: m._id,
        index,
        label: t.label,
        owner: t.owner,
        ownerId: t.owner === 'manager' ? m.managerId : m.freelancerId,
        dueAt: new Date(`${m.startDate}T08:00:00Z`),
        doneAt: done ? new Date() : null,
        done,
        doneBy: done ? 'UBENCH' : null,
        reminderSentAt: null,
      };
    }),
  );
  for (let i = 0; i < items.length; i += 1_000)
    await itemModel(deps.db).insertMany(items.slice(i, i + 1_000));
}

const fmt = (r: Timings) => `median ${r.p50.toFixed(1)} ms  p95 ${r.p95.toFixed(1)} ms`;

async function benchOn(
  label: string,
  backend: FerretBackend,
  standin: SlackStandin,
  pgDatabase?: string,
): Promise<void> {
  const logger = silentLogger();
  const server = await startFerretDb({ backend, logger });
  const db = await connectDatabase(`${server.uri.replace(/\/?$/, '/')}home_bench`, logger);
  try {
    const config: Config = testConfig(standin.apiUrl, { adminUserIds: [], animatorUserIds: [] });
    const deps = buildDeps(config, logger, new ManualClock(new Date('2025-03-03T09:00:00Z')), db);
    const seeded = performance.now();
    await seed(deps);
    console.log(
      `${label}: seeded ${MISSIONS} missions, ${MISSIONS * 6} items in ${((performance.now() - seeded) / 1000).toFixed(1)} s`,
    );

    // A real workspace's tables have been vacuumed and analysed; right after a bulk load, PostgreSQL's
    // autovacuum would run during the first renders and measure itself instead of the Home.
    if (pgDatabase) await run('psql', [...pgArgs, '-d', pgDatabase, '-qc', 'VACUUM ANALYZE']);
    await timeIt(WARMUP, () => buildHome(deps, MANAGER));
    const view = await buildHome(deps, MANAGER);
    const total = await timeIt(RENDERS, () => buildHome(deps, MANAGER));
    console.log(
      `${label}: manager Home (${MANAGED} missions) ${fmt(total)}  blocks ${view.blocks.length} (limit 100)`,
    );

    // Where the time goes: each step on its own.
    const reader = await readerOf(deps, MANAGER);
    const managedAll = await listedMissionsManagedBy(db, MANAGER);
    const shownMissions = managedAll.filter((m) => isOpen(m.status)).slice(0, 15);
    const shown = shownMissions.map((m) => m._id.toString());
    const data = await gatherHome(deps, reader);
    const steps = {
      'missionsManagedBy (whole documents)': () => missionsManagedBy(db, MANAGER),
      'listedMissionsManagedBy (projection)': () => listedMissionsManagedBy(db, MANAGER),
      'listedMissionsOfFreelancer (projection)': () => listedMissionsOfFreelancer(db, MANAGER),
      'openItemsOf (onboarding, N+1 by _id)': () => openItemsOf(deps, MANAGER, 'fr'),
      'openItemsAmong (ownerId, done)': () => openItemsAmong(deps, MANAGER, 'fr', managedAll),
      'progressOf (15 missionIds, $in)': () => progressOf(deps, shown),
      'onboardingOf (15 rows, equality)': () => onboardingOf(deps, shownMissions),
      'gatherHome (all data)': () => gatherHome(deps, reader),
      'homeView (Block Kit only)': async () => homeView(translator(reader.locale), data),
      'buildHome again (after the steps)': () => buildHome(deps, MANAGER),
    };
    for (const [name, fn] of Object.entries(steps)) {
      console.log(`${label}:   ${name.padEnd(38)} ${fmt(await timeIt(STEP_RUNS, fn))}`);
    }
  } finally {
    await db.close();
    await server.stop();
  }
}

const standin = new SlackStandin({ tokens: [BOT_TOKEN] });
await standin.start();
standin.addUser({ id: MANAGER, name: 'busy-manager', locale: 'fr-FR', tz: 'Europe/Paris' });

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
  // After the launcher has stopped: no FerretDB connection is left on the database.
  if (backends !== 'sqlite') await run('dropdb', [...pgArgs, '--if-exists', pgDatabase]);
}
if (backends !== 'postgres') {
  const dir = await mkdtemp(path.join(tmpdir(), 'passerelle-home-bench-'));
  try {
    await benchOn('sqlite', { kind: 'sqlite', dir }, standin);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
await standin.stop();
