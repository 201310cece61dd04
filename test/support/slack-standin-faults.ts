/**
 * Failure injection for the Slack stand-in: one-shot platform errors, HTTP errors, 429 rules
 * and per-second budgets (SLACK.md 5.6: over-limit calls get HTTP 429 + Retry-After and
 * `{ok:false, error:'ratelimited'}`). Keyed by method name; `failHttp('response_url' | 'upload', …)`
 * also breaks response_url posts and file uploads.
 */
import type { Json } from './slack-standin-types.js';

/** What the router must answer instead of running the method. */
export type FaultDecision =
  | { kind: 'platform'; error: string; extra: Json }
  | { kind: 'http'; status: number; body: string }
  | { kind: 'ratelimited'; retryAfterSeconds: number };

interface Countdown {
  left: number;
  /** Only calls whose args match are failed (e.g. the posts to one user); the others go through. */
  where?: FaultFilter;
}

/** Which calls a fault applies to, from the call's parsed args (`args.channel === 'U123'`). */
export type FaultFilter = (args: Json) => boolean;
interface PlatformFault extends Countdown {
  error: string;
  extra: Json;
}
interface HttpFault extends Countdown {
  status: number;
  body: string;
}
interface RateRule extends Countdown {
  retryAfterSeconds: number;
  every: number;
  seen: number;
}
interface Budget {
  perSecond: number;
  windowStart: number;
  used: number;
}

/** Options of `rateLimit`: `every: 2` limits calls 1, 3, 5… so a retry after the 429 succeeds. */
export interface RateLimitOptions {
  retryAfterSeconds: number;
  every?: number;
  /** How many 429s this rule gives before it is dropped (default: unlimited). */
  times?: number;
}

/** Budget key shared by all methods (a workspace-wide limit). */
export const ALL_METHODS = '*';

/** Holds the injected faults and the 429 counters. */
export class Faults {
  private readonly platform = new Map<string, PlatformFault[]>();
  private readonly http = new Map<string, HttpFault[]>();
  private readonly rules = new Map<string, RateRule[]>();
  private readonly budgets = new Map<string, Budget>();
  private readonly limited = new Map<string, number>();

  constructor(private readonly now: () => number) {}

  /** The next `times` calls of `method` (matching `where`, if given) answer `{ok:false, error, ...extra}`. */
  failNext(
    method: string,
    error: string,
    opts: { times?: number; extra?: Json; where?: FaultFilter } = {},
  ): void {
    push(this.platform, method, { error, extra: opts.extra ?? {}, left: opts.times ?? 1, where: opts.where });
  }

  /** The next `times` calls of `method` (matching `where`, if given) answer with HTTP `status` (e.g. 500, 503). */
  failHttp(
    method: string,
    status: number,
    opts: { times?: number; body?: string; where?: FaultFilter } = {},
  ): void {
    push(this.http, method, {
      status,
      body: opts.body ?? 'stand-in injected failure',
      left: opts.times ?? 1,
      where: opts.where,
    });
  }

  /** Calls of `method` get 429 + Retry-After (every call, or every n-th starting with the first). */
  rateLimit(method: string, opts: RateLimitOptions): void {
    const every = Math.max(1, opts.every ?? 1);
    push(this.rules, method, {
      retryAfterSeconds: opts.retryAfterSeconds,
      every,
      seen: 0,
      left: opts.times ?? Number.POSITIVE_INFINITY,
    });
  }

  /** At most `perSecond` calls per clock second for `method` (or `'*'` for all methods); `null` removes it. */
  setBudget(method: string, budget: { perSecond: number } | null): void {
    if (budget === null) this.budgets.delete(method);
    else this.budgets.set(method, { perSecond: budget.perSecond, windowStart: 0, used: 0 });
  }

  /** Number of 429s answered, for one method or in total. */
  rateLimitedCount(method?: string): number {
    if (method !== undefined) return this.limited.get(method) ?? 0;
    let total = 0;
    for (const n of this.limited.values()) total += n;
    return total;
  }

  /** Decides whether this call of `method` (with these args) fails; consumes the fault it applies. */
  check(method: string, args: Json = {}): FaultDecision | undefined {
    const limited = this.checkRateRules(method) ?? this.checkBudgets(method);
    if (limited !== undefined) {
      this.limited.set(method, (this.limited.get(method) ?? 0) + 1);
      return { kind: 'ratelimited', retryAfterSeconds: limited };
    }
    const h = take(this.http, method, args);
    if (h !== undefined) return { kind: 'http', status: h.status, body: h.body };
    const p = take(this.platform, method, args);
    if (p !== undefined) return { kind: 'platform', error: p.error, extra: p.extra };
    return undefined;
  }

  /** Drops every fault, budget and counter. */
  clear(): void {
    this.platform.clear();
    this.http.clear();
    this.rules.clear();
    this.budgets.clear();
    this.limited.clear();
  }

  private checkRateRules(method: string): number | undefined {
    const rules = this.rules.get(method);
    const rule = rules?.[0];
    if (rules === undefined || rule === undefined) return undefined;
    rule.seen += 1;
    if ((rule.seen - 1) % rule.every !== 0) return undefined;
    rule.left -= 1;
    if (rule.left <= 0) rules.shift();
    return rule.retryAfterSeconds;
  }

  private checkBudgets(method: string): number | undefined {
    const now = this.now();
    // The method's own budget and the workspace-wide one both apply; every one is charged.
    let wait: number | undefined;
    for (const key of [method, ALL_METHODS]) {
      const b = this.budgets.get(key);
      if (b === undefined) continue;
      const windowStart = Math.floor(now / 1000) * 1000;
      if (b.windowStart !== windowStart) {
        b.windowStart = windowStart;
        b.used = 0;
      }
      if (b.used >= b.perSecond) {
        wait = Math.max(wait ?? 0, Math.ceil((windowStart + 1000 - now) / 1000));
      }
    }
    if (wait !== undefined) return Math.max(1, wait);
    for (const key of [method, ALL_METHODS]) {
      const b = this.budgets.get(key);
      if (b !== undefined) b.used += 1;
    }
    return undefined;
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key) ?? [];
  list.push(value);
  map.set(key, list);
}

/** The first fault of `key` that applies to these args, counted down (and dropped when used up). */
function take<T extends Countdown>(map: Map<string, T[]>, key: string, args: Json): T | undefined {
  const list = map.get(key);
  const index = list?.findIndex((f) => f.where === undefined || f.where(args)) ?? -1;
  const fault = list?.[index];
  if (list === undefined || fault === undefined) return undefined;
  fault.left -= 1;
  if (fault.left <= 0) list.splice(index, 1);
  return fault;
}
