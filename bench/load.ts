import http from 'node:http';
import { signSlackRequest } from '../test/support/slack-request-core.js';
import { summarize } from './timing.js';

/** Latency figures of one load round. */
export interface RoundResult {
  p50: number;
  p99: number;
  rps: number;
  errors: number;
}

/**
 * Sends `total` signed `/passerelle help` commands, `inFlight` at a time, and measures each ack.
 *
 * The `inFlight` keep-alive connections are opened by an untimed first burst (one request each):
 * with 100 connections opened at once, Node accepts one per event-loop turn while it serves the
 * ones it has, so the last of them waited 0.5–1.7 s and that ramp, not the handling of requests,
 * made the p99 and most of the round's duration (bench/README.md).
 */
export async function commandRound(opts: {
  url: string;
  signingSecret: string;
  total: number;
  inFlight: number;
  userIds: readonly string[];
}): Promise<RoundResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.inFlight });
  const target = new URL(opts.url);
  // The bodies are the same every round; only the signature changes, once a second per user.
  const bodies = opts.userIds.map((userId) =>
    new URLSearchParams({
      token: 'legacy',
      team_id: 'T0BENCH',
      team_domain: 'bench',
      channel_id: 'D0BENCH',
      channel_name: 'directmessage',
      user_id: userId,
      user_name: 'bench',
      command: '/passerelle',
      text: 'help',
      api_app_id: 'A0BENCH',
      response_url: 'http://127.0.0.1:9/response',
      trigger_id: '123456.7890123.abcdef',
    }).toString(),
  );
  const signed = bodies.map(() => ({ ts: 0, signature: '' }));
  const send = (i: number): Promise<{ ms: number; ok: boolean }> =>
    new Promise((resolve) => {
      const u = i % bodies.length;
      const body = bodies[u] ?? '';
      const sig = signed[u] ?? { ts: 0, signature: '' };
      const ts = Math.floor(Date.now() / 1000);
      if (sig.ts !== ts) {
        sig.ts = ts;
        sig.signature = signSlackRequest(opts.signingSecret, ts, body);
      }
      const started = process.hrtime.bigint();
      const req = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            'content-length': Buffer.byteLength(body),
            'x-slack-request-timestamp': String(ts),
            'x-slack-signature': sig.signature,
          },
        },
        (res) => {
          res.resume();
          res.on('end', () =>
            resolve({ ms: Number(process.hrtime.bigint() - started) / 1e6, ok: res.statusCode === 200 }),
          );
        },
      );
      req.on('error', () => resolve({ ms: Number.NaN, ok: false }));
      req.end(body);
    });

  // Untimed: open the connections (see above).
  await Promise.all(Array.from({ length: opts.inFlight }, (_, i) => send(i)));

  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = process.hrtime.bigint();
  const worker = async () => {
    while (next < opts.total) {
      const r = await send(next++);
      if (r.ok) latencies.push(r.ms);
      else errors++;
    }
  };
  await Promise.all(Array.from({ length: opts.inFlight }, worker));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  const { p50, p99 } = summarize(latencies);
  return { p50, p99, rps: opts.total / seconds, errors };
}
