import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { BOT_TOKEN, type Harness } from './harness.js';

const root = path.resolve(import.meta.dirname, '../..');

/** What a CLI run left: its exit code (npm's for a group) and everything it wrote on stdout and stderr. */
export interface CliExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
}

function cliEnv(h: Harness, env: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DOTENV_CONFIG_PATH: '/nonexistent',
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_API_URL: h.standin.apiUrl,
    MONGODB_URI: h.dbUri,
    npm_config_update_notifier: 'false',
    ...env,
  };
}

/**
 * Collects a child's output; `exited` resolves once it exited *and* every process that shares its
 * stdout and stderr closed them (a CLI's grandchildren included), so the output is complete.
 */
function watched(child: ChildProcess) {
  let out = '';
  child.stdout?.on('data', (c: Buffer) => {
    out += c.toString();
  });
  child.stderr?.on('data', (c: Buffer) => {
    out += c.toString();
  });
  const exited = new Promise<CliExit>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal, out })),
  );
  return { child, exited };
}

/**
 * The jobs CLI's node process alone (`node --import tsx src/cli.ts run-due --at …`), against the
 * test's database and stand-in, as a child the test may signal; `exited` resolves with its code and
 * output.
 */
export function spawnRunDue(h: Harness, at: string, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'run-due', '--at', at], {
    cwd: root,
    env: cliEnv(h, env),
  });
  return watched(child);
}

/**
 * `npm run jobs -- run-due --at …` through npm itself, as the leader of a process group of its own
 * (npm, and whatever its script runs: node, through `exec`): what a terminal's Ctrl-C or systemd signals as a
 * whole. `signalGroup` sends a signal to every process of the group; `groupGone` tells whether any
 * is left.
 */
export function spawnRunDueGroup(h: Harness, at: string, env: Record<string, string> = {}) {
  const child = spawn('npm', ['run', '--silent', 'jobs', '--', 'run-due', '--at', at], {
    cwd: root,
    env: cliEnv(h, env),
    detached: true,
  });
  const pgid = child.pid;
  if (pgid === undefined) throw new Error('npm did not start');
  return {
    ...watched(child),
    signalGroup: (signal: NodeJS.Signals) => process.kill(-pgid, signal),
    groupGone: () => {
      try {
        process.kill(-pgid, 0);
        return false;
      } catch {
        return true;
      }
    },
  };
}

/** `spawnRunDue`, waited for. */
export function runDue(h: Harness, at: string, env: Record<string, string> = {}): Promise<CliExit> {
  return spawnRunDue(h, at, env).exited;
}
