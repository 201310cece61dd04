/**
 * The sandbox: Passerelle as `npm start` builds it (buildDeps + createApp, HTTP mode, a free port)
 * against the Slack stand-in the tests use, with the seeded workspace and a settable clock; and the
 * Slack client's side of things — what a person does in Slack, sent as the same signed requests.
 */
import { randomBytes } from 'node:crypto';
import type { Logger } from '@slack/bolt';
import { DateTime } from 'luxon';
import type { Connection } from 'mongoose';
import { createApp, type PasserelleApp } from '../src/app.js';
import { buildDeps, type Composition } from '../src/compose.js';
import { loadConfig } from '../src/config.js';
import { connectDatabase } from '../src/db/connection.js';
import type { JobOutcome } from '../src/scheduler/runner.js';
import { createSlackRequester, type SlackRequester } from '../test/support/slack-request.js';
import { sendInteractive } from '../test/support/slack-request-interactive.js';
import { SlackStandin } from '../test/support/slack-standin.js';
import type { Json } from '../test/support/slack-standin-types.js';
import { type AdvanceReport, advanceTo, nextPlanned, SandboxClock } from './clock.js';
import { type CheckinTally, describeAdvance, tallyCheckins } from './clock-words.js';
import { wordsFor } from './i18n.js';
import { channels, people, seedDirectory } from './workspace.js';

const BOT_TOKEN = 'xoxb-sandbox-0000-local';

/** A message the sandbox itself shows a person (a command's direct answer, a refused request). */
export interface LocalNote {
  user: string;
  channel: string;
  ts: string;
  text: string | undefined;
  blocks: unknown[] | undefined;
}

/** How to start a sandbox. */
export interface SandboxOptions {
  /** The database (the caller starts the embedded one, or gives a test database). */
  dbUri: string;
  logger: Logger;
  /** Where the sandbox clock starts (default: now). */
  now?: Date;
  /** Runs the scheduler's minute tick as `npm start` does (default true). */
  tick?: boolean;
}

/** A running sandbox (the web page is served separately, see web.ts). */
export interface Sandbox {
  standin: SlackStandin;
  clock: SandboxClock;
  deps: Composition;
  db: Connection;
  app: PasserelleApp;
  slack: SlackRequester;
  /** Bumped on every change the stand-in does not record (errors shown, notes, closes). */
  readonly version: () => string;
  notes: LocalNote[];
  /** While `--demo` seeds the workspace: steps done, of how many (the page shows it). */
  progress: { done: number; total: number } | undefined;
  /** `response_action: errors` of the last submission of a view, with the view's hash then. */
  viewErrors: Map<string, { hash: string; errors: Record<string, string> }>;
  command(userId: string, channelId: string, line: string): Promise<void>;
  action(userId: string, surface: Surface, action: Json, values: Json): Promise<void>;
  submit(userId: string, viewId: string, values: Json): Promise<void>;
  closeModal(userId: string, viewId: string): Promise<void>;
  opened(userId: string, tab: 'home' | 'messages'): Promise<void>;
  advance(at: Date): Promise<AdvanceReport>;
  advanceToNext(): Promise<AdvanceReport | undefined>;
  /** What the last advance did, in the words of the person `userId` (their language and zone). */
  lastAdvanceIn(userId: string): string | undefined;
  stop(): Promise<void>;
}

/** Where an action happened: a message (maybe ephemeral) in a conversation, or a view. */
export type Surface =
  | { kind: 'message'; channel: string; ts: string; ephemeral?: boolean }
  | { kind: 'view'; viewId: string };

/** Starts the stand-in, the app on `dbUri`, and seeds the directory. */
export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const clock = new SandboxClock(options.now);
  const standin = new SlackStandin({ tokens: [BOT_TOKEN], clock });
  await standin.start();
  seedDirectory(standin);
  const signingSecret = randomBytes(16).toString('hex');
  const admins = people.filter((p) => p.role === 'admin').map((p) => p.id);
  const animators = people.filter((p) => p.role === 'animator').map((p) => p.id);
  const loaded = loadConfig(
    {
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_API_URL: standin.apiUrl,
      PORT: '0',
      DEFAULT_LOCALE: 'en',
      DEFAULT_TIMEZONE: 'Europe/Paris',
      DEFAULT_COUNTRY: 'FR',
      ADMIN_USER_IDS: admins.join(','),
      ANIMATOR_USER_IDS: animators.join(','),
      COMMUNITY_CHANNEL_ID: channels.community.id,
      LOG_LEVEL: 'warn',
    },
    'server',
  );
  if (!loaded.ok) throw new Error(`sandbox configuration refused: ${loaded.problems.join('; ')}`);
  const db = await connectDatabase(options.dbUri, options.logger);
  const deps = buildDeps(loaded.config, options.logger, clock, db);
  const app = createApp(deps);
  const { port } = await app.start();
  if (options.tick !== false) deps.scheduler.start();
  const appUrl = `http://127.0.0.1:${port}`;
  const requestOptions = { appUrl, signingSecret, standin };
  const slack = createSlackRequester(requestOptions);
  const notes: LocalNote[] = [];
  const viewErrors = new Map<string, { hash: string; errors: Record<string, string> }>();
  let changes = 0;
  let lastAdvance: { before: CheckinTally; after: CheckinTally; outcomes: JobOutcome[] } | undefined;
  const changed = () => {
    changes += 1;
  };
  const note = (user: string, channel: string, text: string | undefined, blocks?: unknown[]) => {
    notes.push({ user, channel, ts: standin.state.nextTs(), text, blocks });
    changed();
  };
  const wordsOf = (user: string) => wordsFor(standin.state.users.get(user)?.locale);
  const refused = (
    user: string,
    channel: string,
    what: 'command' | 'theAction' | 'theForm',
    res: { status: number; body: string },
    command = '',
  ) => {
    if (res.status === 200) return;
    const w = wordsOf(user);
    const label = what === 'command' ? command : w.w(what);
    note(user, channel, `:warning: ${w.w('refused', { what: label, status: res.status, body: res.body })}`);
  };

  const sandbox: Sandbox = {
    standin,
    clock,
    deps,
    db,
    app,
    slack,
    notes,
    viewErrors,
    progress: undefined,
    version: () =>
      `${standin.calls.length}.${standin.responses.length}.${changes}.${Math.floor(clock.now().getTime() / 60_000)}.${sandbox.progress?.done ?? '-'}`,

    async command(userId, channelId, line) {
      const m = /^\s*(\/[\w-]+)\s*([\s\S]*)$/.exec(line);
      if (!m?.[1]) {
        note(userId, channelId, wordsOf(userId).w('typeACommand'));
        return;
      }
      const res = await slack.sendCommand({ command: m[1], text: (m[2] ?? '').trim(), userId, channelId });
      refused(userId, channelId, 'command', res, m[1]);
      if (res.status === 200 && res.body.trim() !== '') {
        // A command may answer in its ack: Slack shows that to the person only.
        let body: unknown;
        try {
          body = JSON.parse(res.body);
        } catch {
          body = { text: res.body };
        }
        const b = body as { text?: string; blocks?: unknown[] };
        note(userId, channelId, b.text, b.blocks);
      }
    },

    async action(userId, surface, action, values) {
      if (surface.kind === 'message') {
        const res = await slack.sendBlockAction({
          userId,
          actions: [action as { action_id: string; block_id: string }],
          message: { ts: surface.ts, channel: surface.channel },
          channelId: surface.channel,
          state: values,
        });
        refused(userId, surface.channel, 'theAction', res);
      } else {
        const res = await slack.sendBlockAction({
          userId,
          actions: [action as { action_id: string; block_id: string }],
          view: { id: surface.viewId },
          state: values,
        });
        refused(userId, standin.state.dmFor(userId), 'theAction', res);
      }
      changed();
    },

    async submit(userId, viewId, values) {
      const stored = standin.view(viewId);
      if (!stored || stored.closed) return;
      const res = await slack.sendViewSubmission({
        userId,
        view: {
          id: viewId,
          callback_id: String(stored.view.callback_id ?? ''),
          private_metadata: String(stored.view.private_metadata ?? ''),
          hash: stored.hash,
          state: { values },
        },
      });
      refused(userId, standin.state.dmFor(userId), 'theForm', res);
      const ack = res.status === 200 && res.body !== '' ? (res.json() as Json) : undefined;
      if (ack?.response_action === 'errors' && ack.errors && typeof ack.errors === 'object') {
        viewErrors.set(viewId, { hash: stored.hash, errors: ack.errors as Record<string, string> });
      } else {
        viewErrors.delete(viewId);
      }
      changed();
    },

    async closeModal(userId, viewId) {
      const stored = standin.view(viewId);
      if (!stored || stored.closed) return;
      standin.closeView(viewId);
      if (stored.view.notify_on_close === true) {
        await sendInteractive(
          {
            type: 'view_closed',
            team: { id: standin.identity.teamId, domain: standin.identity.teamDomain },
            user: { id: userId, team_id: standin.identity.teamId },
            api_app_id: standin.identity.appId,
            view: stored.view,
            is_cleared: false,
          },
          requestOptions,
        );
      }
      changed();
    },

    async opened(userId, tab) {
      const home = standin.home(userId);
      await slack.sendEvent({
        type: 'app_home_opened',
        user: userId,
        channel: standin.state.dmFor(userId),
        tab,
        ...(tab === 'home' && home ? { view: home } : {}),
      });
    },

    async advance(at) {
      const before = await tallyCheckins(db);
      const report = await advanceTo(clock, deps.scheduler, at);
      const after = await tallyCheckins(db);
      lastAdvance = { before, after, outcomes: report.outcomes };
      changed();
      return report;
    },

    lastAdvanceIn(userId) {
      if (!lastAdvance) return undefined;
      const user = standin.state.users.get(userId);
      return describeAdvance(lastAdvance.before, lastAdvance.after, lastAdvance.outcomes, {
        locale: user?.locale,
        zone: user?.tz ?? 'UTC',
        now: clock.now(),
      });
    },

    async advanceToNext() {
      const next = await nextPlanned(db, clock.now());
      return next ? sandbox.advance(next) : undefined;
    },

    async stop() {
      await app.stop();
      await deps.scheduler.stop(5_000);
      await db.close();
      await standin.stop();
    },
  };
  return sandbox;
}

/** `2026-03-09T10:00` typed in the page, read in the viewer's zone. */
export function parseLocalTime(text: string, zone: string): Date | undefined {
  const at = DateTime.fromISO(text, { zone });
  return at.isValid ? at.toJSDate() : undefined;
}
