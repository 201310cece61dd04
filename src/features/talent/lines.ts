// How the talent read models are laid out: the packed ranking facts of a skill line, the lines of a
// read-model document (with the profile version each was written from), card buckets, stamp slots.
import type { RankFacts } from './rules.js';

/** The ranking facts of a profile as its skill lines hold them (`sum|count|rehire|done|saidAt`). */
export function packEntry(f: Omit<RankFacts, 'userId'>): string {
  return `${f.ratingSum}|${f.ratingCount}|${f.wouldRehire}|${f.missionsDone}|${f.saidAt}`;
}

export function unpackEntry(userId: string, packed: string): RankFacts {
  // No split/map: a cache refresh unpacks ~30,000 of these for a common skill.
  const n: number[] = [0, 0, 0, 0, 0];
  let from = 0;
  for (let i = 0; i < 5; i += 1) {
    const bar = packed.indexOf('|', from);
    n[i] = Number(packed.slice(from, bar < 0 ? undefined : bar));
    if (bar < 0) break;
    from = bar + 1;
  }
  const [s, c, r, m, a] = n;
  return {
    userId,
    ratingSum: s || 0,
    ratingCount: c || 0,
    wouldRehire: r || 0,
    missionsDone: m || 0,
    saidAt: a || 0,
  };
}

/**
 * A read-model line: `\n<userId>~<version>=<payload>`. The version is the profile's `rv` the line was
 * written from: a write only replaces (or removes) a line older than itself (read-model.ts). A line
 * written before versions existed (`\n<userId>=<payload>`) counts as version -1.
 */
export function lineOf(userId: string, version: number, payload: string): string {
  return `\n${userId}~${version}=${payload}`;
}

/** The lines of a read-model document, as user id → payload (the version left out). */
export function* entryLines(entries: string): Iterable<[string, string]> {
  let at = entries.indexOf('\n');
  while (at >= 0) {
    const next = entries.indexOf('\n', at + 1);
    const end = next < 0 ? entries.length : next;
    const eq = entries.indexOf('=', at + 1);
    if (eq > at + 1 && eq < end) {
      const tilde = entries.lastIndexOf('~', eq);
      const keyEnd = tilde > at ? tilde : eq;
      yield [entries.slice(at + 1, keyEnd), entries.slice(eq + 1, end)];
    }
    at = next;
  }
}

/** Where `userId`'s line is in `entries` (from its `\n` to the next or the end) and its version. */
function findLine(entries: string, userId: string): { at: number; end: number; version: number } | null {
  const key = `\n${userId}`;
  let at = entries.indexOf(key);
  while (at >= 0) {
    const after = entries[at + key.length];
    if (after === '=' || after === '~') {
      const next = entries.indexOf('\n', at + 1);
      const end = next < 0 ? entries.length : next;
      let version = -1;
      if (after === '~') {
        const eq = entries.indexOf('=', at + key.length);
        version = Number(entries.slice(at + key.length + 1, eq < 0 || eq > end ? end : eq));
      }
      return { at, end, version: Number.isFinite(version) ? version : -1 };
    }
    at = entries.indexOf(key, at + 1);
  }
  return null;
}

/**
 * `entries` with `userId`'s line set to `payload` at `version` (added if missing) or removed (null),
 * or null when the stored line is as new or newer than `version` (an older state never replaces a
 * newer one). A line absent is older than any version.
 */
export function withEntry(
  entries: string,
  userId: string,
  payload: string | null,
  version: number,
): string | null {
  const found = findLine(entries, userId);
  if (found && found.version >= version) return null;
  const rest = found ? entries.slice(0, found.at) + entries.slice(found.end) : entries;
  return payload === null ? rest : `${rest}${lineOf(userId, version, payload)}`;
}

/** Buckets of the card read model. */
export const CARD_BUCKETS = 512;

/** FNV-1a of a string (stable across runs and processes). */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The card bucket of a user id. */
export function cardBucketOf(userId: string): string {
  return `b${fnv1a(userId) % CARD_BUCKETS}`;
}

/** Version slots of the read models (docs/flows.md, "Talent pool"): each read-model document maps to one. */
export const STAMP_SLOTS = 64;

/** The version slot of a read-model document (`skills/<skill>` or `cards/<bucket>`). */
export function stampSlotOf(kind: 'skills' | 'cards', id: string): number {
  return fnv1a(`${kind}/${id}`) % STAMP_SLOTS;
}
