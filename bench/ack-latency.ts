// Ack latency and throughput of `/passerelle help` over HTTP, against a bare Bolt app (the floor).
// Run: npm run bench:ack   (figures go to stdout; the last ones are kept in bench/README.md)
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startFerretDb } from '../src/db/ferretdb.js';
import { silentLogger } from '../src/logger.js';
import { SlackStandin } from '../test/support/slack-standin.js';
import { commandRound, type RoundResult } from './load.js';
import { median } from './timing.js';

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
  args: string[] = ['--import', 'tsx', script],
): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, args, {
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
// Not a target: a node:http server that reads the body and answers a fixed JSON, no Bolt. What the
// load generator reaches against it is its own ceiling on this machine; the apps must stay well below.
const plain = await launch('plain node:http server', {}, /LISTENING (\d+)/, [
  '-e',
  `const s = require('node:http').createServer((q, r) => { q.resume(); q.on('end', () => { r.writeHead(200, { 'content-type': 'application/json' }); r.end('{"text":"ok"}'); }); });
   s.listen(0, '127.0.0.1', () => process.stdout.write('LISTENING ' + s.address().port + '\\n'));
   process.once('SIGTERM', () => process.exit(0));`,
]);
const targets = { passerelle, bare, 'node:http': plain };
type Target = keyof typeof targets;

/** CPU time (user + system, all threads) the process has used, in ms; NaN where /proc is missing. */
function cpuMs(child: ChildProcess): number {
  const stat = `/proc/${child.pid}/stat`;
  if (!existsSync(stat)) return Number.NaN;
  const fields = readFileSync(stat, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // USER_HZ = 100 on Linux
}

const results: Record<Target, (RoundResult & { cpuUs: number })[]> = {
  passerelle: [],
  bare: [],
  'node:http': [],
};
const round = (port: number, total: number) =>
  commandRound({
    url: `http://127.0.0.1:${port}/slack/events`,
    signingSecret: SECRET,
    total,
    inFlight: IN_FLIGHT,
    userIds: users,
  });
// Warm-up: JIT and the users.info cache.
for (const { port } of Object.values(targets)) await round(port, 1_000);
for (let r = 0; r < ROUNDS; r++) {
  // Alternate who goes first, so neither app always runs in the same slot of a round.
  const order: Target[] =
    r % 2 === 0 ? ['passerelle', 'bare', 'node:http'] : ['bare', 'passerelle', 'node:http'];
  for (const name of order) {
    const { child, port } = targets[name];
    const cpuBefore = cpuMs(child);
    const res = await round(port, TOTAL);
    const cpuUs = ((cpuMs(child) - cpuBefore) * 1000) / TOTAL;
    results[name].push({ ...res, cpuUs });
    console.log(
      `round ${r + 1} ${name.padEnd(10)} p50 ${res.p50.toFixed(1)} ms  p99 ${res.p99.toFixed(1)} ms  ${res.rps.toFixed(0)} req/s  server CPU ${cpuUs.toFixed(0)} µs/req  errors ${res.errors}`,
    );
  }
}
const summary = (name: Target) => ({
  p50: median(results[name].map((r) => r.p50)),
  p99: median(results[name].map((r) => r.p99)),
  rps: median(results[name].map((r) => r.rps)),
  cpuUs: median(results[name].map((r) => r.cpuUs)),
});
const line = (label: string, s: ReturnType<typeof summary>) =>
  `${label.padEnd(12)}p50 ${s.p50.toFixed(1)} ms  p99 ${s.p99.toFixed(1)} ms  ${s.rps.toFixed(0)} req/s  server CPU ${s.cpuUs.toFixed(0)} µs/req`;
const ours = summary('passerelle');
const floor = summary('bare');
console.log(`\nmedian of ${ROUNDS} rounds, ${TOTAL} requests, ${IN_FLIGHT} in flight`);
console.log(line('passerelle', ours));
console.log(line('bare bolt', floor));
console.log(line('node:http', summary('node:http')), ' (load generator ceiling, not a target)');
console.log(
  `ratio       p99 ×${(ours.p99 / floor.p99).toFixed(2)} (target ≤ 1.2)  throughput ×${(ours.rps / floor.rps).toFixed(2)} (target ≥ 0.8)  CPU/req ×${(ours.cpuUs / floor.cpuUs).toFixed(2)}`,
);

const children = Object.values(targets).map((t) => t.child);
for (const c of children) c.kill('SIGTERM');
await Promise.all(children.map((c) => new Promise((r) => c.once('exit', r))));
await db.stop();
await standin.stop();
await rm(dir, { recursive: true, force: true });
