// 1,000 RSVPs on one community event from 100 concurrent clickers, with `/passerelle help` acks
// measured in the same run as the reference. Run: npm run bench:rsvp
// (BENCH_BACKEND=postgresql: FerretDB on the local PostgreSQL, TEST_POSTGRESQL_URL or postgres://postgres@127.0.0.1:5432/).
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp } from '../src/app.js';
import { systemClock } from '../src/clock.js';
import { buildDeps } from '../src/compose.js';
import { loadConfig } from '../src/config.js';
import { connectDatabase } from '../src/db/connection.js';
import { startFerretDb } from '../src/db/ferretdb.js';
import { answerModel, type CommunityEvent, eventModel } from '../src/features/community/model.js';
import { silentLogger } from '../src/logger.js';
import { ANIMATOR_ID, postEvent, textOf } from '../test/support/community.js';
import type { Harness } from '../test/support/harness.js';
import { blockActionPayload, createSlackRequester } from '../test/support/slack-request.js';
import { signSlackRequest } from '../test/support/slack-request-core.js';
import { SlackStandin } from '../test/support/slack-standin.js';
import { commandRound } from './load.js';
import { percentile } from './timing.js';

const CLICKERS = 100;
const CLICKS_EACH = 10;
const HELP_TOTAL = 1_000;
const BOT_TOKEN = 'xoxb-bench-1-abc';
const SECRET = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const backend = process.env.BENCH_BACKEND === 'postgresql' ? 'postgresql' : 'sqlite';

const standin = new SlackStandin({ tokens: [BOT_TOKEN] });
await standin.start();
const cleanups: (() => Promise<void>)[] = [];
let server: { uri: string; stop(): Promise<void> };
if (backend === 'postgresql') {
  const pg = new URL(process.env.TEST_POSTGRESQL_URL ?? 'postgres://postgres@127.0.0.1:5432/');
  const database = `passerelle_bench_${randomBytes(4).toString('hex')}`;
  const args = [
    '-h',
    pg.hostname,
    '-p',
    pg.port || '5432',
    '-U',
    decodeURIComponent(pg.username || 'postgres'),
  ];
  execFileSync('createdb', [...args, database]);
  cleanups.push(async () => {
    execFileSync('dropdb', [...args, '--if-exists', database]);
  });
  pg.pathname = `/${database}`;
  server = await startFerretDb({
    backend: { kind: 'postgresql', url: pg.toString() },
    logger: silentLogger(),
  });
} else {
  const dir = await mkdtemp(path.join(tmpdir(), 'passerelle-bench-rsvp-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  server = await startFerretDb({ backend: { kind: 'sqlite', dir }, logger: silentLogger() });
}
const loaded = loadConfig({
  SLACK_BOT_TOKEN: BOT_TOKEN,
  SLACK_SIGNING_SECRET: SECRET,
  SLACK_API_URL: standin.apiUrl,
  PORT: '0',
  ANIMATOR_USER_IDS: ANIMATOR_ID,
  LOG_LEVEL: 'error',
});
if (!loaded.ok) throw new Error(loaded.problems.join('; '));
const logger = silentLogger();
const db = await connectDatabase(`${server.uri}bench_rsvp`, logger);
const deps = buildDeps(loaded.config, logger, systemClock, db);
const app = createApp(deps);
const { port } = await app.start();
const slack = createSlackRequester({ appUrl: `http://127.0.0.1:${port}`, signingSecret: SECRET, standin });
const h = { standin, slack, db } as unknown as Harness;

standin.addUser({ id: ANIMATOR_ID, name: 'anna', locale: 'en-US', tz: 'Europe/Paris' });
const clickers = Array.from({ length: CLICKERS }, (_, i) => `UCLICK${String(i).padStart(3, '0')}`);
for (const [i, id] of clickers.entries())
  standin.addUser({ id, name: id.toLowerCase(), locale: i % 2 ? 'en-US' : 'fr-FR' });
const soon = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
const posted = await postEvent(h, { title: 'Bench meetup', date: soon });

const pct = (xs: number[], p: number) =>
  percentile(
    [...xs].sort((a, b) => a - b),
    p,
  );

// Warm-up (JIT, users.info cache), then the reference: the same harness as bench:ack (keep-alive
// connections opened before the timed part).
const url = `http://127.0.0.1:${port}/slack/events`;
await commandRound({ url, signingSecret: SECRET, total: 500, inFlight: CLICKERS, userIds: clickers });
const help = await commandRound({
  url,
  signingSecret: SECRET,
  total: HELP_TOTAL,
  inFlight: CLICKERS,
  userIds: clickers,
});

/** Posts a signed interaction payload over a keep-alive agent; resolves with the status and the ack's time. */
const agent = new http.Agent({ keepAlive: true, maxSockets: CLICKERS });
function postSigned(body: string): Promise<{ status: number; ms: number }> {
  const ts = Math.floor(Date.now() / 1000);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: '127.0.0.1',
        port,
        path: '/slack/events',
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
          'x-slack-request-timestamp': String(ts),
          'x-slack-signature': signSlackRequest(SECRET, ts, body),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
const click = (userId: string, answer: 'going' | 'maybe' | 'no') => {
  const { payload } = blockActionPayload(
    {
      userId,
      channelId: posted.channel,
      message: { ts: posted.ts, channel: posted.channel },
      actions: [
        {
          action_id: `community.rsvp.${answer}`,
          block_id: `community.rsvp.${posted.event._id.toString()}`,
          type: 'button',
          value: posted.event._id.toString(),
        },
      ],
    },
    { standin },
  );
  return postSigned(new URLSearchParams({ payload: JSON.stringify(payload) }).toString());
};
// Untimed: open the clickers' connections (a `maybe` each, overwritten by their first timed click).
await Promise.all(clickers.map((u) => click(u, 'maybe')));

// 100 clickers, each clicking 10 times one after the other (going, maybe, can't in turn, from a
// per-clicker offset), all 100 at once. The last click of each decides the final state.
const answers = ['going', 'maybe', 'no'] as const;
const updatesBefore = standin.callsTo('chat.update').length;
const rsvpTimes: number[] = [];
const expected = new Map<string, (typeof answers)[number]>();
const t0 = performance.now();
await Promise.all(
  clickers.map(async (userId, c) => {
    for (let k = 0; k < CLICKS_EACH; k++) {
      const answer = answers[(c + k) % 3] ?? 'going';
      const res = await click(userId, answer);
      if (res.status !== 200) throw new Error(`rsvp answered ${res.status}`);
      rsvpTimes.push(res.ms);
      expected.set(userId, answer);
    }
  }),
);
const clicking = performance.now() - t0;
// Work after the acks (stores, seats, message) goes on; wait until the message is up to date.
let event: CommunityEvent | null = null;
const settleStart = performance.now();
for (;;) {
  event = await eventModel(db).findById(posted.event._id).lean<CommunityEvent>();
  const stored = await answerModel(db).countDocuments({ eventId: posted.event._id });
  if (event && !event.dirty && stored === CLICKERS && performance.now() - settleStart > 500) break;
  if (performance.now() - settleStart > 120_000) throw new Error('the message never caught up');
  await new Promise((r) => setTimeout(r, 200));
}
const settled = performance.now() - t0;
const stored = await answerModel(db).find({ eventId: posted.event._id }).lean();
const wrong = stored.filter((a) => expected.get(a.userId) !== a.status).length;
const want = { going: 0, maybe: 0, no: 0 };
for (const a of expected.values()) want[a]++;
const message = textOf(standin.message(posted.channel, posted.ts));
const finalShown = message.includes(
  `Je viens : ${want.going} · 🤔 Peut-être : ${want.maybe} · ❌ Je ne peux pas : ${want.no}`,
);
const updates = standin.callsTo('chat.update').length - updatesBefore;

const line = (label: string, xs: number[]) =>
  `${label.padEnd(18)} n ${xs.length}  p50 ${pct(xs, 50).toFixed(1)} ms  p99 ${pct(xs, 99).toFixed(1)} ms  max ${Math.max(...xs).toFixed(1)} ms`;
console.log(`backend: FerretDB on ${backend}`);
console.log(
  `/passerelle help    n ${HELP_TOTAL}  p50 ${help.p50.toFixed(1)} ms  p99 ${help.p99.toFixed(1)} ms`,
);
console.log(line('rsvp click', rsvpTimes));
console.log(
  `ratio rsvp/help    p50 ×${(pct(rsvpTimes, 50) / help.p50).toFixed(2)}  p99 ×${(pct(rsvpTimes, 99) / help.p99).toFixed(2)}  acks over 3 s: ${rsvpTimes.filter((t) => t > 3000).length}`,
);
console.log(
  `clicks ${(clicking / 1000).toFixed(1)} s, message up to date ${(settled / 1000).toFixed(1)} s after the first click`,
);
console.log(
  `final state: ${stored.length} answers (${CLICKERS} expected), ${wrong} wrong, message shows the final counts: ${finalShown} (${want.going}/${want.maybe}/${want.no})`,
);
console.log(
  `chat.update calls: ${updates} in ${(settled / 1000).toFixed(1)} s = ${((updates * 60_000) / settled).toFixed(1)}/min (Tier 3 ≈ 50/min)`,
);

agent.destroy();
await app.stop();
await db.close();
await server.stop();
await standin.stop();
for (const c of cleanups) await c();
process.exit(wrong === 0 && finalShown && stored.length === CLICKERS ? 0 : 1);
