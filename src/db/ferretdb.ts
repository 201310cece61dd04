import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from '@slack/bolt';
import {
  canConnect,
  inspectLock,
  LOCK_WAIT_MS,
  publishLock,
  releaseLockSync,
  removeIfUnchanged,
  tryCreateLock,
} from './ferretdb-lock.js';

/** Where the embedded FerretDB keeps its data. */
export type FerretBackend = { kind: 'sqlite'; dir: string } | { kind: 'postgresql'; url: string };

/** A running (or reused) launcher; `stop()` is a no-op for a reused one, which belongs to another process. */
export interface EmbeddedServer {
  uri: string;
  reused: boolean;
  stop(): Promise<void>;
}

const LOCK_FILE = 'ferretdb.json';
const BUILD_SCRIPT = path.join('scripts', 'build-ferretdb.sh');
/** Exit code of the build script when no usable Go toolchain is installed. */
const NO_GO_EXIT_CODE = 3;
const READY_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 5_000;
const STDERR_TAIL_LINES = 30;

const builds = new Map<string, Promise<string | null>>();

/** Builds (once, cached) the launcher; resolves to the binary path, or null when no Go toolchain is available. */
export async function ensureFerretDbLauncher(logger: Logger, projectRoot?: string): Promise<string | null> {
  const root = projectRoot ?? defaultProjectRoot();
  // One build per process even when several callers start at once; the script's atomic rename
  // covers builds racing from different processes.
  let build = builds.get(root);
  if (!build) {
    build = runBuildScript(root, logger);
    builds.set(root, build);
    build.catch(() => builds.delete(root));
  }
  return build;
}

/** Starts the launcher as a child on a free port and resolves when it accepts connections. */
export async function startFerretDb(opts: {
  backend: FerretBackend;
  logger: Logger;
  lockDir?: string;
  projectRoot?: string;
}): Promise<EmbeddedServer> {
  const { lockDir, logger } = opts;
  if (!lockDir) return spawnLauncher(opts);

  await mkdir(lockDir, { recursive: true });
  const lockPath = path.join(lockDir, LOCK_FILE);
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    const claimed = await tryCreateLock(lockPath);
    if (claimed) break;

    const state = await inspectLock(lockPath);
    if (state.kind === 'running') {
      logger.debug(`reusing the embedded FerretDB of pid ${state.lock.pid} at ${state.lock.uri}`);
      return { uri: state.lock.uri, reused: true, stop: async () => {} };
    }
    if (state.kind === 'stale') {
      await removeIfUnchanged(lockPath, state.raw);
      continue;
    }
    // Another process is starting one on the same data: wait for it rather than open the same SQLite files.
    if (Date.now() > deadline) {
      throw new Error(
        `timed out waiting for another process to start the embedded FerretDB (lock ${lockPath})`,
      );
    }
    await sleep(250);
  }

  let server: EmbeddedServer & { pid: number };
  try {
    server = await spawnLauncher(opts);
  } catch (err) {
    await rm(lockPath, { force: true });
    throw err;
  }

  const raw = await publishLock(lockPath, { pid: server.pid, uri: server.uri });
  // If this process ends without stop(), the launcher follows (closed stdin); drop the lock too
  // so the next start does not have to probe a dead server.
  const removeLockSync = () => releaseLockSync(lockPath, raw);
  process.once('exit', removeLockSync);

  return {
    uri: server.uri,
    reused: false,
    stop: async () => {
      process.removeListener('exit', removeLockSync);
      await server.stop();
      removeLockSync();
    },
  };
}

/** Finds the directory holding package.json above this module (src/db in dev, dist/db when built). */
function defaultProjectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
    dir = parent;
  }
}

async function runBuildScript(root: string, logger: Logger): Promise<string | null> {
  const script = path.join(root, BUILD_SCRIPT);
  const tail: string[] = [];
  let stdout = '';
  const child = spawn('bash', [script], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  forwardLines(child, tail, (line) => {
    if (line.startsWith('build-ferretdb: building')) logger.info(line.replace('build-ferretdb: ', ''));
    else logger.debug(`build-ferretdb: ${line}`);
  });

  const result = await new Promise<{ code: number | null; error?: Error }>((resolve) => {
    child.once('error', (error) => resolve({ code: null, error }));
    child.once('close', (code) => resolve({ code }));
  });

  if (result.error) {
    // Without bash (e.g. plain Windows) the launcher cannot be built: same as having no Go.
    logger.warn(`cannot run ${BUILD_SCRIPT}: ${result.error.message}`);
    return null;
  }
  if (result.code === NO_GO_EXIT_CODE) {
    logger.debug(tail.join('\n'));
    return null;
  }
  const binary = stdout.trim().split('\n').pop() ?? '';
  if (result.code !== 0 || !binary || !existsSync(binary)) {
    throw new Error(`building the FerretDB launcher failed (exit ${result.code}):\n${tail.join('\n')}`);
  }
  return binary;
}

async function spawnLauncher(opts: {
  backend: FerretBackend;
  logger: Logger;
  projectRoot?: string;
}): Promise<EmbeddedServer & { pid: number }> {
  const { backend, logger } = opts;
  const binary = await ensureFerretDbLauncher(logger, opts.projectRoot);
  if (!binary) {
    throw new Error(
      'no Go toolchain to build the embedded FerretDB (install Go >= 1.22, or set MONGODB_URI)',
    );
  }

  const args = [
    '--listen',
    '127.0.0.1:0',
    '--exit-on-stdin-close',
    ...(backend.kind === 'sqlite'
      ? ['--sqlite-dir', path.resolve(backend.dir)]
      : ['--postgresql-url', backend.url]),
  ];
  // stdin stays an open pipe for the launcher's lifetime: when this process dies, even by SIGKILL,
  // the pipe closes and the launcher exits instead of holding the data files as an orphan.
  const child = spawn(binary, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  const tail: string[] = [];
  forwardLines(child, tail, (line) => {
    // FerretDB logs every failed command (duplicate key, unknown endSessions…) at WARN; the app
    // handles those itself, so only FerretDB's own errors are worth surfacing.
    if (/\blevel=ERROR\b/.test(line)) logger.error(`ferretdb: ${line}`);
    else logger.debug(`ferretdb: ${line}`);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  let uri: string;
  try {
    uri = await waitForReady(child, tail);
    await waitForTcp(uri, 5_000);
  } catch (err) {
    child.kill('SIGKILL');
    await exited;
    throw err;
  }

  // Neither the child nor its pipes keep this process alive: a script that forgets stop() still
  // exits, and the launcher follows through the closed stdin.
  child.unref();
  for (const stream of [child.stdin, child.stdout, child.stderr]) {
    if (stream instanceof net.Socket) stream.unref();
  }
  logger.debug(`embedded FerretDB (pid ${child.pid}) ready at ${uri}`);

  let stopping: Promise<void> | undefined;
  child.once('exit', (code, signal) => {
    if (!stopping) {
      logger.error(
        `embedded FerretDB exited unexpectedly (code ${code}, signal ${signal}):\n${tail.join('\n')}`,
      );
    }
  });
  return {
    uri,
    reused: false,
    pid: child.pid ?? -1,
    stop: () => {
      stopping ??= stopChild(child, exited);
      return stopping;
    },
  };
}

function waitForReady(child: ChildProcess, tail: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const fail = (why: string) => {
      clearTimeout(timer);
      const logs = tail.length > 0 ? `; its last log lines:\n${tail.join('\n')}` : '';
      reject(new Error(`embedded FerretDB ${why}${logs}`));
    };
    const timer = setTimeout(
      () => fail(`did not report READY within ${READY_TIMEOUT_MS / 1000}s`),
      READY_TIMEOUT_MS,
    );
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      buffer += chunk;
      const match = /^READY (mongodb:\/\/\S+)$/m.exec(buffer);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('error', (err) => fail(`could not start: ${err.message}`));
    // 'close' rather than 'exit' so stderr is fully read into the tail first.
    child.once('close', (code, signal) =>
      fail(`exited before it was ready (code ${code}, signal ${signal})`),
    );
  });
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), STOP_GRACE_MS);
  });
  const outcome = await Promise.race([exited.then(() => 'exited' as const), timeout]);
  clearTimeout(timer);
  if (outcome === 'timeout') {
    child.kill('SIGKILL');
    await exited;
  }
}

/** Sends each stderr line to `onLine` and keeps the last ones for error messages. */
function forwardLines(child: ChildProcess, tail: string[], onLine: (line: string) => void): void {
  let partial = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      if (!line) continue;
      tail.push(line);
      if (tail.length > STDERR_TAIL_LINES) tail.shift();
      onLine(line);
    }
  });
}

async function waitForTcp(uri: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await canConnect(uri))) {
    if (Date.now() > deadline) throw new Error(`embedded FerretDB reported ${uri} but refuses connections`);
    await sleep(100);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
