import 'dotenv/config';
import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import { type Clock, shiftedClock, systemClock } from './clock.js';
import { buildDeps } from './compose.js';
import { describeConfigProblems, loadConfig } from './config.js';
import { connectDatabase } from './db/connection.js';
import { resolveDatabase } from './db/resolve.js';
import { rebuildStats } from './features/analytics/index.js';
import { documentCounts, KEPT_BY_PURGE, purgeWorkspace } from './features/privacy/index.js';
import { createLogger } from './logger.js';
import { resumeWorkspace } from './scheduler/halt.js';
import type { JobOutcome } from './scheduler/runner.js';
import { onStopSignal, tolerateClosedOutput } from './stop-signals.js';

const usage = `Usage: npm run jobs -- <command> [options]

Commands:
  run-due [--at <ISO time>]   run one scheduler pass (planners, then every due job) and exit;
                              with --at, act as if it were that time (e.g. 2026-03-30T10:00:00+02:00)
  purge-workspace --yes       empty every collection of the database (the audit trail stays), e.g.
                              after the app was uninstalled; without --yes, shows what would go
  resume-workspace            let jobs run again after an uninstall (the app was reinstalled)
  rebuild-stats               recompute the analytics figures from the raw records (after a restore,
                              or to check them); safe while the app runs
  help                        show this text`;

/**
 * Where the CLI's own output goes: its usage, its answer (the run report) and the mistakes a user
 * made on the command line. The app's logs go through the logger (JSON lines), not here.
 */
interface Terminal {
  out(text: string): void;
  err(text: string): void;
}

const processTerminal: Terminal = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

async function main(argv: string[], term: Terminal): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { at: { type: 'string' }, yes: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  const command = positionals[0];
  if (values.help || command === undefined || command === 'help') {
    term.out(usage);
    return command === undefined && !values.help ? 1 : 0;
  }
  if (command === 'purge-workspace' || command === 'resume-workspace') {
    return workspaceCommand(command, values.yes === true, term);
  }
  if (command !== 'run-due' && command !== 'rebuild-stats') {
    term.err(`Unknown command "${command}".\n\n${usage}`);
    return 1;
  }
  let clock: Clock = systemClock;
  if (values.at !== undefined) {
    const at = DateTime.fromISO(values.at, { setZone: true });
    if (!at.isValid) {
      term.err(`--at: "${values.at}" is not an ISO date-time (${at.invalidExplanation ?? 'invalid'}).`);
      return 1;
    }
    clock = shiftedClock(at.toJSDate());
  }
  const loaded = loadConfig(process.env, 'cli');
  if (!loaded.ok) {
    term.err(describeConfigProblems(loaded.problems));
    return 1;
  }
  // A stop (a deploy, Ctrl-C) from now on ends the pass at a safe point: what went is recorded as
  // sent, what did not goes back to the queue for the next pass, and the report is still printed.
  let stoppedBy: NodeJS.Signals | undefined;
  let stopPass = () => {};
  if (command === 'run-due') {
    onStopSignal((signal) => {
      stoppedBy = signal;
      stopPass();
    });
  }
  const { config } = loaded;
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const database = await resolveDatabase(config, logger);
  const db = await connectDatabase(database.uri, logger);
  try {
    const deps = buildDeps(config, logger, clock, db);
    if (command === 'rebuild-stats') {
      const started = Date.now();
      const r = await rebuildStats(db, deps.features, clock);
      term.out(
        `rebuild-stats: ${r.records} record(s) recounted into ${r.documents} rollup document(s) in ${((Date.now() - started) / 1000).toFixed(1)} s (${r.snapshotsFixed} record snapshot(s) were off and are fixed).`,
      );
      return 0;
    }
    stopPass = () => void deps.scheduler.stop();
    if (stoppedBy) {
      term.out(
        `run-due at ${clock.now().toISOString()}:\n  stopped by ${stoppedBy} before the pass began: nothing ran.`,
      );
      return 0;
    }
    const { notes, outcomes } = await deps.scheduler.runPass();
    term.out(report(notes, outcomes, clock.now(), stoppedBy));
    return 0;
  } finally {
    await db.close();
    await database.stop();
  }
}

/** `purge-workspace` and `resume-workspace`: database-only commands (no Slack call). */
async function workspaceCommand(
  command: 'purge-workspace' | 'resume-workspace',
  yes: boolean,
  term: Terminal,
): Promise<number> {
  const loaded = loadConfig(process.env, 'cli');
  if (!loaded.ok) {
    term.err(describeConfigProblems(loaded.problems));
    return 1;
  }
  const logger = createLogger(loaded.config.logLevel === 'info' ? 'warn' : loaded.config.logLevel);
  const database = await resolveDatabase(loaded.config, logger);
  const db = await connectDatabase(database.uri, logger);
  try {
    if (command === 'resume-workspace') {
      const resumed = await resumeWorkspace(db);
      term.out(
        resumed ? 'resume-workspace: jobs run again.' : 'resume-workspace: the workspace was not stopped.',
      );
      return 0;
    }
    if (!yes) {
      const counts = await documentCounts(db);
      const lines = Object.entries(counts).map(([name, n]) => `  ${name}: ${n}`);
      term.err(
        [
          'purge-workspace deletes every document of these collections (kept: ' +
            KEPT_BY_PURGE.join(', ') +
            '):',
          ...lines,
          'Run again with --yes to do it.',
        ].join('\n'),
      );
      return 1;
    }
    const deleted = await purgeWorkspace(db, systemClock.now());
    const total = Object.values(deleted).reduce((a, b) => a + b, 0);
    term.out(
      `purge-workspace: ${total} document(s) deleted from ${Object.keys(deleted).length} collection(s); the audit trail keeps a line.`,
    );
    return 0;
  } finally {
    await db.close();
    await database.stop();
  }
}

function report(
  notes: readonly string[],
  outcomes: readonly JobOutcome[],
  at: Date,
  stoppedBy: NodeJS.Signals | undefined,
): string {
  const head = [
    `run-due at ${at.toISOString()}:`,
    ...notes.map((n) => `  ${n}`),
    `  ${outcomes.length} job(s) ran`,
  ].join('\n');
  const stop = stoppedBy
    ? [
        `  stopped by ${stoppedBy}: the pass ended at a safe point; what it did not send goes with the next pass.`,
      ]
    : [];
  const lines = outcomes.map((o) => {
    const extra =
      o.result === 'retry'
        ? ` (retry at ${o.retryAt?.toISOString()}: ${o.error})`
        : o.result === 'deferred'
          ? ` (until ${o.retryAt?.toISOString()})`
          : o.error
            ? ` (${o.error})`
            : '';
    return `  ${o.result.padEnd(8)} ${o.name} ${o.key} attempt ${o.attempt}${extra}`;
  });
  return [head, ...lines, ...stop].join('\n');
}

tolerateClosedOutput();
main(process.argv.slice(2), processTerminal).then(
  (code) => process.exit(code),
  (err: unknown) => {
    processTerminal.err(`jobs: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
