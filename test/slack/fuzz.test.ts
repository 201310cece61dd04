import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { Prng } from '../support/fuzz-random.js';
import { type FuzzCase, fuzzCase } from '../support/fuzz-requests.js';
import { type Harness, SIGNING_SECRET, startHarness } from '../support/harness.js';
import { type PreparedRequest, sendFromWorker } from '../support/load-client.js';
import { signSlackRequest } from '../support/slack-request.js';

const REQUESTS = 2_000;
const IN_FLIGHT = 32;
// FUZZ_SEED=<n> replays a run; the seed of each run is printed.
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const USERS = ['UFUZZ0001', 'UFUZZ0002', 'UFUZZADM1'];

interface Outcome {
  index: number;
  fuzz: FuzzCase;
  status: number;
  ms: number;
  error?: string;
}

function percentile(sorted: number[], p: number): number {
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0);
}

describe(`fuzz: ${REQUESTS} random and malformed signed requests, ${IN_FLIGHT} in flight (seed ${SEED})`, () => {
  let h: Harness;
  const logged = new Map<string, number>();
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);

  beforeAll(async () => {
    // Warnings and errors the app logs, counted by message, for the summary.
    const logger = createLogger('warn', {
      write(line: string) {
        const { level, msg, err } = JSON.parse(line) as {
          level: number;
          msg: string;
          err?: { message?: string };
        };
        // The guard's refusals differ only by the field at fault: one line for all of them.
        const text = msg.startsWith('refused a signed Slack request')
          ? 'refused a signed Slack request (400)'
          : msg;
        const key = `${level >= 50 ? 'error' : 'warn'}: ${text.slice(0, 90)}${err?.message ? ` (${err.message.slice(0, 80)})` : ''}`;
        logged.set(key, (logged.get(key) ?? 0) + 1);
      },
    });
    h = await startHarness('fuzz', { logger });
    h.standin.addUser({ id: 'UFUZZ0001', name: 'fuzz1', locale: 'en-US' });
    h.standin.addUser({ id: 'UFUZZ0002', name: 'fuzz2', locale: 'fr-FR', tz: 'Asia/Kolkata' });
    h.standin.addUser({ id: 'UFUZZADM1', name: 'fuzzadmin', locale: 'en-US' });
    process.on('unhandledRejection', onRejection);
  });
  afterAll(async () => {
    process.off('unhandledRejection', onRejection);
    await h.stop();
  });

  it('never crashes, never answers 5xx, acks every unknown interaction within a second, and stays healthy', async () => {
    const rng = new Prng(SEED);
    const cases = Array.from({ length: REQUESTS }, () => fuzzCase(rng, { standin: h.standin }, USERS));
    // A burst of other random requests first, not timed, over the same connections: it opens them,
    // and the database and Web API connection pools, and compiles the code paths.
    const warm = new Prng(SEED ^ 0x5eed);
    const warmUp = Array.from({ length: 300 }, () => fuzzCase(warm, { standin: h.standin }, USERS));
    // The app and stand-in share this thread; its event loop delay is part of every answer time.
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const started = performance.now();
    const [warmAnswers = [], answers = []] = await sendFromWorker(
      `${h.appUrl}/slack/events`,
      [prepare(warmUp), prepare(cases)],
      IN_FLIGHT,
    );
    const seconds = (performance.now() - started) / 1000;
    loop.disable();
    expect(warmAnswers.filter((a) => a.status >= 500 || a.status === 0)).toEqual([]);
    const outcomes: Outcome[] = answers.map((a, index) => ({ index, fuzz: cases[index] as FuzzCase, ...a }));

    const byStatus = new Map<string, number>();
    for (const o of outcomes) {
      const kind = o.fuzz.kind.split(' ')[0] ?? '';
      const key = `${o.status} ${o.fuzz.kind.endsWith('broken') ? `${kind} broken` : kind}`;
      byStatus.set(key, (byStatus.get(key) ?? 0) + 1);
    }
    const unknown = outcomes.filter((o) => o.fuzz.unknown && o.fuzz.signature === 'valid');
    const all = outcomes.map((o) => o.ms).sort((a, b) => a - b);
    const unknownMs = unknown.map((o) => o.ms).sort((a, b) => a - b);
    console.info(
      [
        `fuzz seed ${SEED}: ${outcomes.length} requests after ${warmAnswers.length} untimed, all in ${seconds.toFixed(1)} s`,
        `latency ms p50 ${percentile(all, 50)} p95 ${percentile(all, 95)} p99 ${percentile(all, 99)} max ${percentile(all, 100)}`,
        `event loop delay ms p50 ${Math.round(loop.percentile(50) / 1e6)} p99 ${Math.round(loop.percentile(99) / 1e6)} max ${Math.round(loop.max / 1e6)}`,
        `${unknown.length} unknown interactions/events: p50 ${percentile(unknownMs, 50)} p99 ${percentile(unknownMs, 99)} max ${percentile(unknownMs, 100)} ms`,
        ...[...byStatus].sort().map(([k, n]) => `  ${n} × ${k}`),
        'logged:',
        ...[...logged].sort((a, b) => b[1] - a[1]).map(([k, n]) => `  ${n} × ${k}`),
      ].join('\n'),
    );

    const replay = (o: Outcome) =>
      `#${o.index} ${o.fuzz.kind} → ${o.status} in ${Math.round(o.ms)} ms (FUZZ_SEED=${SEED})`;
    expect(outcomes).toHaveLength(REQUESTS);
    expect(outcomes.filter((o) => o.status >= 500 || o.status === 0).map(replay)).toEqual([]);
    const unsigned = outcomes.filter((o) => o.fuzz.signature !== 'valid' && o.fuzz.kind !== 'ssl_check');
    expect(unsigned.filter((o) => o.status !== 401).map(replay)).toEqual([]);
    expect(unknown.length).toBeGreaterThan(REQUESTS / 10);
    expect(unknown.filter((o) => o.status !== 200 || o.ms >= 1000).map(replay)).toEqual([]);
    expect(rejections.map(String)).toEqual([]);

    expect((await fetch(`${h.appUrl}/healthz`)).status).toBe(200);
    const help = await h.slack.sendCommand({ command: '/passerelle', text: 'help', userId: 'UFUZZ0001' });
    expect((help.json() as { text?: string }).text).toBe('Passerelle — help');
  }, 60_000);
});

/** Signed (or deliberately mis-signed) requests, ready for the load worker. */
function prepare(cases: FuzzCase[]): PreparedRequest[] {
  const now = Math.floor(Date.now() / 1000);
  return cases.map((fuzz) => {
    const timestamp = fuzz.signature === 'stale' ? now - 600 : now;
    const signature =
      fuzz.signature === 'bad' ? 'v0=0badc0de' : signSlackRequest(SIGNING_SECRET, timestamp, fuzz.body);
    const headers = {
      'content-type': fuzz.contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature,
    };
    return { headers, body: fuzz.body };
  });
}
