// Ack latency and throughput of `/passerelle help` over HTTP, against a bare Bolt app (the floor).
// Run: npm run bench:ack   (figures go to stdout; the last ones are kept in bench/README.md)
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startFerretDb } from '../src/db/ferretdb.js';
import { silentLogger } from '../src/logger.js';
import { SlackStandin } from '../test/support/slack-standin.js';
import { commandRound, median, type RoundResult } from './load.js';

const TOTAL = 2_000;
const IN_FLIGHT = 100;
const ROUNDS = 3;
const BOT_TOKEN = 'xoxb-bench-1-abc';
const SECRET = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const root = path.resolve(import.meta.dirname, '..');

function launch(
  script: string,
  env: NodeJS.ProcessEnv,
  ready: RegExp,
): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: root,
    env: { ...process.env, ...env },
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = ready.exec(out);
      if (m?.[1]) resolve({ child, port: Number(m[1]) });
    });
    child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}: ${out.slice(-500)}`)));
  });
}

const users = Array.from({ length: 10 }, (_, i) => `UBENCH${String(i).padStart(3, '0')}`);
const standin = new SlackStandin({ tokens: [BOT_TOKEN] });
await standin.start();
for (const [i, id] of users.entries())
  standin.addUser({ id, name: id.toLowerCase(), locale: i % 2 ? 'en-US' : 'fr-FR' });
const dir = await mkdtemp(path.join(tmpdir(), 'passerelle-bench-'));
const db = await startFerretDb({ backend: { kind: 'sqlite', dir }, logger: silentLogger() });
const env = {
  SLACK_BOT_TOKEN: BOT_TOKEN,
  SLACK_SIGNING_SECRET: SECRET,
  SLACK_API_URL: standin.apiUrl,
  PORT: '0',
};

const passerelle = await launch(
  'src/main.ts',
  { ...env, MONGODB_URI: `${db.uri}bench`, LOG_LEVEL: 'info' },
  /listening on http:\/\/localhost:(\d+)/,
);
const bare = await launch('bench/bare-app.ts', env, /LISTENING (\d+)/);
const targets = { passerelle: passerelle.port, bare: bare.port };

const results: Record<keyof typeof targets, RoundResult[]> = { passerelle: [], bare: [] };
for (const [name, port] of Object.entries(targets)) {
  // Warm-up: JIT, keep-alive sockets, the users.info cache.
  await commandRound({
    url: `http://127.0.0.1:${port}/slack/events`,
    signingSecret: SECRET,
    total: 300,
    inFlight: IN_FLIGHT,
    userIds: users,
  });
  void name;
}
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, port] of Object.entries(targets) as [keyof typeof targets, number][]) {
    const r = await commandRound({
      url: `http://127.0.0.1:${port}/slack/events`,
      signingSecret: SECRET,
      total: TOTAL,
      inFlight: IN_FLIGHT,
      userIds: users,
    });
    results[name].push(r);
    console.log(
      `round ${round + 1} ${name.padEnd(10)} p50 ${r.p50.toFixed(1)} ms  p99 ${r.p99.toFixed(1)} ms  ${r.rps.toFixed(0)} req/s  errors ${r.errors}`,
    );
  }
}
const summary = (name: keyof typeof targets) => ({
  p50: median(results[name].map((r) => r.p50)),
  p99: median(results[name].map((r) => r.p99)),
  rps: median(results[name].map((r) => r.rps)),
});
const ours = summary('passerelle');
const floor = summary('bare');
console.log(`\nmedian of ${ROUNDS} rounds, ${TOTAL} requests, ${IN_FLIGHT} in flight`);
console.log(
  `passerelle  p50 ${ours.p50.toFixed(1)} ms  p99 ${ours.p99.toFixed(1)} ms  ${ours.rps.toFixed(0)} req/s`,
);
console.log(
  `bare bolt   p50 ${floor.p50.toFixed(1)} ms  p99 ${floor.p99.toFixed(1)} ms  ${floor.rps.toFixed(0)} req/s`,
);
console.log(
  `ratio       p99 ×${(ours.p99 / floor.p99).toFixed(2)} (target ≤ 1.2)  throughput ×${(ours.rps / floor.rps).toFixed(2)} (target ≥ 0.8)`,
);

passerelle.child.kill('SIGTERM');
bare.child.kill('SIGTERM');
await Promise.all([passerelle.child, bare.child].map((c) => new Promise((r) => c.once('exit', r))));
await db.stop();
await standin.stop();
await rm(dir, { recursive: true, force: true });
