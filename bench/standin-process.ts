// The Slack stand-in in a process of its own, for benchmarks whose app-side memory must not include
// the stand-in's (it keeps every call and every message). Started with `fork` (IPC channel): it
// prints `STANDIN <apiUrl>` on stdout, then answers the messages below and exits with its parent.
import { SlackStandin } from '../test/support/slack-standin.js';

/** What the parent may ask. */
export type StandinCommand =
  | { type: 'addUsers'; ids: string[] }
  | { type: 'setBudget'; method: string; perSecond: number | null }
  | { type: 'reset' }
  | { type: 'report'; method: string; expected: string[] }
  | { type: 'stop' };
/** A command as sent over IPC, with the id its answer carries back. */
export type StandinRequest = StandinCommand & { id: number };

/** What `report` answers: deliveries of one method (chat.postMessage), by recipient and over time. */
export interface DeliveryStats {
  calls: number;
  accepted: number;
  rateLimited: number;
  otherErrors: Record<string, number>;
  /** Recipients with more than one accepted message, and how many extra messages in all. */
  duplicatedUsers: number;
  duplicateMessages: number;
  /** Expected recipients with no accepted message. */
  lost: number;
  firstAcceptedAt: number | null;
  lastAcceptedAt: number | null;
  /** Accepted calls per clock second (the budget's fixed windows), from the first to the last. */
  perSecond: number[];
  /** 429s per clock second, aligned with `perSecond`. */
  limitedPerSecond: number[];
  rssMb: number;
}

const token = process.env.STANDIN_TOKEN ?? 'xoxb-bench-1-abc';
const standin = new SlackStandin({ tokens: [token] });
await standin.start();

function report(method: string, expected: string[]): DeliveryStats {
  const calls = standin.calls.filter((c) => c.method === method);
  const byUser = new Map<string, number>();
  const otherErrors: Record<string, number> = {};
  let accepted = 0;
  let rateLimited = 0;
  let first: number | null = null;
  let last: number | null = null;
  for (const c of calls) {
    if (c.status === 429) {
      rateLimited += 1;
      continue;
    }
    if (c.status !== 200 || c.ok !== true) {
      const key = c.error ?? `http_${c.status}`;
      otherErrors[key] = (otherErrors[key] ?? 0) + 1;
      continue;
    }
    accepted += 1;
    const user = String(c.args.channel);
    byUser.set(user, (byUser.get(user) ?? 0) + 1);
    first = first === null ? c.at : Math.min(first, c.at);
    last = last === null ? c.at : Math.max(last, c.at);
  }
  const perSecond: number[] = [];
  const limitedPerSecond: number[] = [];
  if (first !== null && last !== null) {
    const base = Math.floor(first / 1000);
    const length = Math.floor(last / 1000) - base + 1;
    perSecond.push(...new Array<number>(length).fill(0));
    limitedPerSecond.push(...new Array<number>(length).fill(0));
    for (const c of calls) {
      const i = Math.floor(c.at / 1000) - base;
      if (i < 0 || i >= length) continue;
      if (c.status === 429) limitedPerSecond[i] = (limitedPerSecond[i] ?? 0) + 1;
      else if (c.status === 200 && c.ok === true) perSecond[i] = (perSecond[i] ?? 0) + 1;
    }
  }
  let duplicatedUsers = 0;
  let duplicateMessages = 0;
  for (const n of byUser.values()) {
    if (n > 1) {
      duplicatedUsers += 1;
      duplicateMessages += n - 1;
    }
  }
  const lost = expected.filter((u) => !byUser.has(u)).length;
  return {
    calls: calls.length,
    accepted,
    rateLimited,
    otherErrors,
    duplicatedUsers,
    duplicateMessages,
    lost,
    firstAcceptedAt: first,
    lastAcceptedAt: last,
    perSecond,
    limitedPerSecond,
    rssMb: process.memoryUsage().rss / 2 ** 20,
  };
}

async function handle(req: StandinRequest): Promise<unknown> {
  switch (req.type) {
    case 'addUsers':
      for (const id of req.ids)
        standin.addUser({ id, name: id.toLowerCase(), tz: 'Europe/Paris', locale: 'fr-FR' });
      return req.ids.length;
    case 'setBudget':
      standin.setBudget(req.method, req.perSecond === null ? null : { perSecond: req.perSecond });
      return true;
    case 'reset':
      standin.reset();
      return true;
    case 'report':
      return report(req.method, req.expected);
    case 'stop':
      await standin.stop();
      return true;
  }
}

process.on('message', (msg: StandinRequest) => {
  handle(msg).then(
    (result) => {
      process.send?.({ id: msg.id, result });
      if (msg.type === 'stop') process.disconnect();
    },
    (err: unknown) => process.send?.({ id: msg.id, error: String(err) }),
  );
});
// The parent went away (or said stop): nothing else keeps this process useful.
process.on('disconnect', () => {
  void standin.stop().finally(() => process.exit(0));
});
process.stdout.write(`STANDIN ${standin.apiUrl}\n`);
