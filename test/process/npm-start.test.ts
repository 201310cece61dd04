import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_TOKEN, SIGNING_SECRET } from '../support/harness.js';
import { SlackStandin } from '../support/slack-standin.js';

const root = path.resolve(import.meta.dirname, '../..');

/** The environment of a new user's shell: nothing of the test run's own database settings. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, ...extra };
  return env;
}

/** The node arguments of package.json's start script (`exec node --max-old-space-size=… dist/main.js`). */
function startArgs(): string[] {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  // `exec node …`: npm's shell becomes node, so npm forwards its signals to the app and waits for it.
  const [cmd, ...args] = (pkg.scripts.start ?? '').replace(/^exec\s+/, '').split(/\s+/);
  if (cmd !== 'node') throw new Error(`unexpected start script: ${pkg.scripts.start}`);
  return args;
}

function run(env: NodeJS.ProcessEnv): {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
} {
  // What `npm start` runs after its build (`node … dist/main.js`), spawned without npm in between so
  // that signals reach the app itself.
  const child = spawn(process.execPath, startArgs(), { cwd: root, env });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => {
    out += c.toString();
  });
  child.stderr?.on('data', (c: Buffer) => {
    out += c.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function waitForOutput(
  proc: ReturnType<typeof run>,
  pattern: RegExp,
  timeoutMs = 60_000,
): Promise<RegExpExecArray> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const m = pattern.exec(proc.output());
    if (m) return m;
    if (proc.child.exitCode !== null) throw new Error(`exited early:\n${proc.output()}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}:\n${proc.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('npm start', () => {
  let standin: SlackStandin;
  let dataDir: string;

  beforeAll(async () => {
    // npm start's prestart step: compile src/ into dist/ (incremental).
    await promisify(execFile)('npm', ['run', 'build', '--silent'], { cwd: root });
    standin = new SlackStandin({ tokens: [BOT_TOKEN] });
    await standin.start();
    dataDir = await mkdtemp(path.join(tmpdir(), 'passerelle-start-'));
  });
  afterAll(async () => {
    await standin.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('exits 1 without Slack tokens, naming the variable and pointing to the README', async () => {
    const proc = run(cleanEnv({ DOTENV_CONFIG_PATH: '/nonexistent' }));
    expect(await proc.exited).toBe(1);
    expect(proc.output()).toMatch(/SLACK_BOT_TOKEN: missing/);
    expect(proc.output()).toMatch(/README\.md/);
  });

  it('starts in HTTP mode on the embedded database, answers /healthz, stops cleanly and keeps its data', async () => {
    const env = cleanEnv({
      DOTENV_CONFIG_PATH: '/nonexistent',
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: standin.apiUrl,
      PORT: '0',
      DATA_DIR: dataDir,
      EMBEDDED_DATABASE: 'ferretdb',
    });
    const first = run(env);
    const [, port] = await waitForOutput(first, /listening on http:\/\/localhost:(\d+)/);
    expect(first.output()).toMatch(/database: embedded FerretDB 1\.24 on SQLite/);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ database: 'up' });

    // Write through the running embedded server, then restart and read it back.
    const lock = JSON.parse(await readFile(path.join(dataDir, 'ferretdb.json'), 'utf8')) as { uri: string };
    const conn = await mongoose.createConnection(`${lock.uri}passerelle`).asPromise();
    await conn.collection('probe').insertOne({ note: 'survives restarts' });
    await conn.close();

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(first.output()).toMatch(/stopped cleanly/);

    const second = run(env);
    await waitForOutput(second, /listening on http:\/\/localhost:(\d+)/);
    const lock2 = JSON.parse(await readFile(path.join(dataDir, 'ferretdb.json'), 'utf8')) as { uri: string };
    const conn2 = await mongoose.createConnection(`${lock2.uri}passerelle`).asPromise();
    expect(await conn2.collection('probe').countDocuments({ note: 'survives restarts' })).toBe(1);
    await conn2.close();
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 120_000);

  it('without internet, says in one line why mongod is not used, with no stack trace before it', async () => {
    const closedPort = await freePort();
    const downloads = await mkdtemp(path.join(tmpdir(), 'passerelle-mongod-'));
    const data = await mkdtemp(path.join(tmpdir(), 'passerelle-offline-'));
    try {
      const proc = run(
        cleanEnv({
          DOTENV_CONFIG_PATH: '/nonexistent',
          SLACK_BOT_TOKEN: BOT_TOKEN,
          SLACK_SIGNING_SECRET: SIGNING_SECRET,
          SLACK_API_URL: standin.apiUrl,
          PORT: '0',
          DATA_DIR: data,
          EMBEDDED_DATABASE: 'auto',
          // The download host, unreachable as on a machine with no internet; an empty cache.
          MONGOMS_DOWNLOAD_MIRROR: `https://127.0.0.1:${closedPort}`,
          MONGOMS_DOWNLOAD_DIR: downloads,
        }),
      );
      await waitForOutput(proc, /listening on http:\/\/localhost:(\d+)/);
      proc.child.kill('SIGTERM');
      expect(await proc.exited).toBe(0);
      const lines = proc.output().trim().split('\n');
      for (const line of lines) expect(() => JSON.parse(line), `not a log line: ${line}`).not.toThrow();
      const database = lines
        .map((l) => JSON.parse(l) as { msg: string })
        .find((l) => l.msg.startsWith('database:'));
      expect(database?.msg).toMatch(
        new RegExp(
          `embedded FerretDB .* embedded mongod unavailable \\(download failed: ECONNREFUSED 127\\.0\\.0\\.1:${closedPort}\\)$`,
        ),
      );
    } finally {
      await rm(downloads, { recursive: true, force: true });
      await rm(data, { recursive: true, force: true });
    }
  }, 120_000);
});

/** A port nothing listens on (taken, then released). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}
