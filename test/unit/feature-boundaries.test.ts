// The feature shape, checked: another feature is reached only through its index.ts, and features do
// not depend on each other in a circle (docs/architecture.md).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../src');
const FEATURES = path.join(SRC, 'features');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return name.endsWith('.ts') ? [full] : [];
  });
}

// Static imports and re-exports (type-only included: they tie features together too) and dynamic imports.
const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)]
    .map((m) => m[1] ?? m[2] ?? '')
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => path.resolve(path.dirname(file), spec).replace(/\.js$/, '.ts'));
}

/** The feature a file belongs to (`checkins` for src/features/checkins/answers/views.ts), if any. */
function featureOf(file: string): string | undefined {
  const rel = path.relative(FEATURES, file);
  if (rel.startsWith('..')) return undefined;
  const parts = rel.split(path.sep);
  return parts.length > 1 ? parts[0] : undefined;
}

const files = sourceFiles(SRC);
const edges = files.flatMap((from) => importsOf(from).map((to) => ({ from, to })));

describe('feature boundaries', () => {
  it('finds the features and their imports', () => {
    expect(new Set(files.map(featureOf).filter(Boolean)).size).toBeGreaterThanOrEqual(5);
    expect(edges.length).toBeGreaterThan(100);
  });

  it('reaches another feature only through its index.ts', () => {
    const offending = edges
      .filter(({ from, to }) => {
        const target = featureOf(to);
        if (target === undefined || target === featureOf(from)) return false;
        return to !== path.join(FEATURES, target, 'index.ts');
      })
      .map(({ from, to }) => `${path.relative(SRC, from)} → ${path.relative(SRC, to)}`);
    expect(offending, 'import the feature’s index.ts instead').toEqual([]);
  });

  it('has no cycle between features', () => {
    const deps = new Map<string, Set<string>>();
    for (const { from, to } of edges) {
      const a = featureOf(from);
      const b = featureOf(to);
      if (a === undefined || b === undefined || a === b) continue;
      deps.set(a, (deps.get(a) ?? new Set()).add(b));
    }
    const cycles: string[] = [];
    const visit = (node: string, trail: string[]): void => {
      if (trail.includes(node)) {
        cycles.push([...trail.slice(trail.indexOf(node)), node].join(' → '));
        return;
      }
      for (const next of deps.get(node) ?? []) visit(next, [...trail, node]);
    };
    for (const feature of deps.keys()) visit(feature, []);
    expect(cycles, 'features that depend on each other').toEqual([]);
  });
});
