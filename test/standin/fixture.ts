/**
 * What the stand-in's own tests share: one stand-in per file, reset before each test to the same
 * small directory, a clock each test can freeze, and a real @slack/web-api WebClient pointed at it.
 */
import { type Logger, LogLevel, WebClient } from '@slack/web-api';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { SlackStandin } from '../support/slack-standin.js';

export const TOKEN = 'xoxb-test-token';
const START_MS = Date.parse('2026-03-02T09:00:00Z');

/** Keeps expected errors (invalid_blocks lines, signature failures) out of the test output. */
export const silent: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  setLevel: () => {},
  getLevel: () => LogLevel.ERROR,
  setName: () => {},
};

/** Runs a call expected to fail and returns Slack's error body. */
export async function slackError(call: Promise<unknown>): Promise<Record<string, unknown>> {
  const err: unknown = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof Error) || !('data' in err) || typeof err.data !== 'object' || err.data === null) {
    throw new Error(`expected a Slack platform error, got ${String(err)}`);
  }
  return { ...err.data };
}

/** A minimal valid modal. */
export const modal = (title = 'Check-in') => ({
  type: 'modal' as const,
  title: { type: 'plain_text' as const, text: title },
  blocks: [{ type: 'section' as const, text: { type: 'mrkdwn' as const, text: 'Hello' } }],
});

/** The stand-in of a test file and the means to drive it. */
export interface StandinFixture {
  standin: SlackStandin;
  /** A WebClient on the stand-in (no retries unless asked). */
  client(opts?: { retries?: number; reject?: boolean; token?: string }): WebClient;
  /** Puts the stand-in on the frozen clock, at `nowMs` (2 March 2026 09:00 UTC unless moved); real time until then. */
  freeze(): void;
  /** The frozen clock, in ms. */
  readonly nowMs: number;
  /** Moves the frozen clock. */
  setNow(ms: number): void;
}

/**
 * Starts one stand-in for the file and, before each test, resets it (calls, messages, faults and
 * directory) to: Alice (fr-FR, Paris), a guest, a bot, #general (the bot is a member), #random and
 * a private channel; the clock runs in real time until a test freezes it.
 */
export function standinFixture(): StandinFixture {
  let nowMs = START_MS;
  let frozen = false;
  const standin = new SlackStandin({ tokens: [TOKEN], clock: () => (frozen ? nowMs : Date.now()) });

  beforeAll(async () => {
    await standin.start();
  });
  afterAll(async () => {
    await standin.stop();
  });
  beforeEach(() => {
    frozen = false;
    nowMs = START_MS;
    standin.reset({ directory: true });
    standin
      .addUser({
        id: 'U1ALICE',
        name: 'alice',
        realName: 'Alice Martin',
        tz: 'Europe/Paris',
        locale: 'fr-FR',
      })
      .addUser({ id: 'U2GUEST', name: 'gus', isGuest: true, tz: 'America/Los_Angeles' })
      .addUser({ id: 'U3BOT', name: 'otherbot', isBot: true })
      .addChannel({ id: 'C1GENERAL', name: 'general', isMember: true })
      .addChannel({ id: 'C2RANDOM', name: 'random' })
      .addChannel({ id: 'G1SECRET', name: 'secret', isPrivate: true });
  });

  return {
    standin,
    client(opts = {}) {
      return new WebClient(opts.token ?? TOKEN, {
        slackApiUrl: standin.apiUrl,
        logger: silent,
        retryConfig: { retries: opts.retries ?? 0 },
        rejectRateLimitedCalls: opts.reject ?? false,
      });
    },
    freeze() {
      frozen = true;
    },
    get nowMs() {
      return nowMs;
    },
    setNow(ms: number) {
      nowMs = ms;
    },
  };
}
