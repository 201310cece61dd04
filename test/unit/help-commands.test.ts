import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commandHelp } from '../../src/features/help/ids.js';

describe('help and manifest', () => {
  it('lists exactly the commands manifest.yml declares', () => {
    const manifest = readFileSync(new URL('../../manifest.yml', import.meta.url), 'utf8');
    const declared = [...manifest.matchAll(/^\s*- command: (\/[a-z0-9_-]+)\s*$/gm)].map((m) => m[1]);
    expect(commandHelp.map((c) => c.command).sort()).toEqual([...new Set(declared)].sort());
  });
});
