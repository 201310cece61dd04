import type { Contribution } from '../../../rollups.js';
import type { RollupIncrement } from './model.js';

/** How a person is named in the figures: a hash (the erasure pseudonym's), never their id. */
export type PersonHash = (userId: string) => string;

export const WORKSPACE = 'ws';
const managerScope = (hash: string) => `m:${hash}`;
const yearDoc = (scope: string, day: string) => `${scope}|${day.slice(0, 4)}`;
export const missionDoc = (missionId: string) => `mission:${missionId}`;

/** The scope a reader sees: the whole workspace, or one manager's missions. */
export type StatScope = { kind: 'workspace' } | { kind: 'manager'; managerId: string };

/** The scope's name in the documents. */
export function scopeName(scope: StatScope, hash: PersonHash): string {
  return scope.kind === 'workspace' ? WORKSPACE : managerScope(hash(scope.managerId));
}

/** The year documents of a scope that hold the days from `from` to `to` (`yyyy-MM-dd`). */
export function yearDocs(scope: string, from: string, to: string): string[] {
  const ids: string[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) ids.push(`${scope}|${y}`);
  return ids;
}

/** The quarter of a day: `2026-05-14` → `2026-Q2`. */
export function quarterOf(day: string): string {
  return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

/**
 * Where a record's contributions go: every figure to the workspace's day, the manager's day and the
 * mission's totals; an HR-only answer also counts its person once more in the scope's quarter.
 * `sign` −1 takes a counted contribution back.
 */
export function incrementsOf(
  contributions: readonly Contribution[],
  sign: 1 | -1,
  hash: PersonHash,
): RollupIncrement[] {
  const out: RollupIncrement[] = [];
  for (const c of contributions) {
    const scopes = [WORKSPACE, ...(c.managerId ? [managerScope(hash(c.managerId))] : [])];
    for (const [field, n] of Object.entries(c.figures)) {
      if (!n) continue;
      for (const scope of scopes)
        out.push({ d: yearDoc(scope, c.day), p: `d.${c.day}.${field}`, n: sign * n });
      if (c.missionId) out.push({ d: missionDoc(c.missionId), p: `t.${field}`, n: sign * n });
    }
    if (c.hrPerson) {
      const person = hash(c.hrPerson);
      for (const scope of scopes)
        out.push({ d: yearDoc(scope, c.day), p: `hr.${quarterOf(c.day)}.${person}`, n: sign });
    }
  }
  return out;
}

/** Sums increments by document and path, dropping the ones that cancel out. */
export function mergeIncrements(list: readonly RollupIncrement[]): Map<string, Map<string, number>> {
  const byDoc = new Map<string, Map<string, number>>();
  for (const { d: doc, p: path, n } of list) {
    const paths = byDoc.get(doc) ?? new Map<string, number>();
    paths.set(path, (paths.get(path) ?? 0) + n);
    byDoc.set(doc, paths);
  }
  for (const [doc, paths] of byDoc) {
    for (const [path, n] of paths) if (n === 0) paths.delete(path);
    if (paths.size === 0) byDoc.delete(doc);
  }
  return byDoc;
}

/** What a document's `_id` says about it (its scope, its year), for an upsert. */
export function docFields(id: string): { scope: string; year: number | null } {
  if (id.startsWith('mission:')) return { scope: 'mission', year: null };
  const [scope = '', year = ''] = id.split('|');
  return { scope, year: Number(year) };
}
