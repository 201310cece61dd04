/**
 * Seeded randomness for the fuzz test: a small PRNG, random strings and JSON values, and a mutator
 * that breaks payloads the way a hostile or buggy sender would. Plain module (no vitest).
 */
import type { Json } from './slack-standin-types.js';

/** mulberry32: small, fast and good enough to pick test inputs. */
export class Prng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  /** One of the items. */
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }
  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** Keys Bolt or our listeners read, and keys that are trouble in JavaScript objects. */
const ODD_KEYS = [
  'event',
  'actions',
  'name',
  'type',
  'command',
  'view',
  'channel',
  'team',
  'user',
  '__proto__',
  'constructor',
  'response_urls',
  'authorizations',
  'function_data',
];
const WORDS = [
  'help',
  'pause',
  'resume',
  'until 2026-02-30',
  'snooze 3d',
  'mute nudges',
  'settings',
  '<@U123|x>',
  '🙂',
  '\u0000',
  "'; drop",
  '$' + '{x}',
  '%00',
  '{"$gt":""}',
];

/** A random string: usual, odd (control characters, markup, emoji), sometimes long, rarely huge. */
export function randomString(rng: Prng): string {
  const roll = rng.next();
  // Huge fields (beyond anything Slack sends: a whole view is capped at 250 kB) now and then; each
  // costs the app tens of milliseconds, so they stay rare enough to leave the latencies readable.
  if (roll < 0.003) return 'x'.repeat(200_000 + rng.int(100_000));
  if (roll < 0.03) return rng.pick(WORDS).repeat(200 + rng.int(1500));
  if (roll < 0.5) return rng.pick(WORDS);
  return Array.from({ length: rng.int(40) }, () => String.fromCodePoint(randomCodePoint(rng))).join('');
}

/** Mostly printable ASCII, else anything up to plane 2 except lone surrogates (not valid text). */
function randomCodePoint(rng: Prng): number {
  if (rng.chance(0.8)) return 32 + rng.int(95);
  const point = rng.int(0x2ffff);
  return point >= 0xd800 && point <= 0xdfff ? point + 0x800 : point;
}

/** Any JSON value, nested a little. */
export function randomValue(rng: Prng, depth = 0): unknown {
  switch (rng.int(depth > 2 ? 5 : 7)) {
    case 0:
      return null;
    case 1:
      return rng.chance(0.5);
    case 2:
      return rng.pick([0, -1, 1.5, 2 ** 53, 1e308, -0]);
    case 3:
    case 4:
      return randomString(rng);
    case 5:
      return Array.from({ length: rng.int(4) }, () => randomValue(rng, depth + 1));
    default:
      return Object.fromEntries(
        Array.from({ length: rng.int(4) }, () => [rng.pick(ODD_KEYS), randomValue(rng, depth + 1)]),
      );
  }
}

/** Breaks a payload in 1–4 places: removes a field, changes its type, or adds an odd key (also nested). */
export function mutate(rng: Prng, value: Json): Json {
  const copy = structuredClone(value);
  for (let n = 1 + rng.int(4); n > 0; n--) {
    let target: Json = copy;
    // Walk into a nested object now and then (user, view, event, actions[0]…).
    for (let d = 0; d < 3 && rng.chance(0.4); d++) {
      const nested = Object.values(target).filter((v): v is Json => typeof v === 'object' && v !== null);
      if (nested.length === 0) break;
      target = rng.pick(nested);
    }
    const keys = Object.keys(target);
    const key = keys.length > 0 && rng.chance(0.7) ? rng.pick(keys) : rng.pick(ODD_KEYS);
    if (rng.chance(0.3)) delete target[key];
    else target[key] = randomValue(rng);
  }
  return copy;
}
