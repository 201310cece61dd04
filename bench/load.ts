import http from 'node:http';
import { signSlackRequest } from '../test/support/slack-request-core.js';

/** Latency figures of one load round. */
export interface RoundResult {
  p50: number;
  p99: number;
  rps: number;
  errors: number;
}

/** Sends `total` signed `/passerelle help` commands, `inFlight` at a time, and measures each ack. */
export async function commandRound(opts: {
  url: string;
  signingSecret: string;
  total: number;
  inFlight: number;
  userIds: readonly string[];
}): Promise<RoundResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.inFlight });
  const target = new URL(opts.url);
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const one = (i: number) =>
    new Promise<void>((resolve) => {
      const body = new URLSearchParams({
        token: 'legacy',
        team_id: 'T0BENCH',
        team_domain: 'bench',
        channel_id: 'D0BENCH',
        channel_name: 'directmessage',
        user_id: opts.userIds[i % opts.userIds.length] ?? 'U0BENCH',
        user_name: 'bench',
        command: '/passerelle',
        text: 'help',
        api_app_id: 'A0BENCH',
        response_url: 'http://127.0.0.1:9/response',
        trigger_id: '123456.7890123.abcdef',
      }).toString();
      const ts = Math.floor(Date.now() / 1000);
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
            'x-slack-signature': signSlackRequest(opts.signingSecret, ts, body),
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode !== 200) errors++;
            latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
            resolve();
          });
        },
      );
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end(body);
    });
  const started = process.hrtime.bigint();
  const worker = async () => {
    while (next < opts.total) await one(next++);
  };
  await Promise.all(Array.from({ length: opts.inFlight }, worker));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? Number.NaN;
  return { p50: pct(0.5), p99: pct(0.99), rps: opts.total / seconds, errors };
}

/** The median of a list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}
