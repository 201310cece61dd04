import { spawn } from 'node:child_process';
import path from 'node:path';
import { BOT_TOKEN, type Harness } from './harness.js';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * `npm run jobs -- run-due --at …` as a user runs it (tsx src/cli.ts), against the test's database
 * and stand-in, as a child the test may signal; `exited` resolves with its code and output.
 */
export function spawnRunDue(h: Harness, at: string, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'run-due', '--at', at], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DOTENV_CONFIG_PATH: '/nonexistent',
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_API_URL: h.standin.apiUrl,
      MONGODB_URI: h.dbUri,
      ...env,
    },
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => {
    out += c.toString();
  });
  child.stderr.on('data', (c: Buffer) => {
    out += c.toString();
  });
  const exited = new Promise<{ code: number | null; out: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, out })),
  );
  return { child, exited };
}

/** `spawnRunDue`, waited for. */
export function runDue(
  h: Harness,
  at: string,
  env: Record<string, string> = {},
): Promise<{ code: number | null; out: string }> {
  return spawnRunDue(h, at, env).exited;
}
