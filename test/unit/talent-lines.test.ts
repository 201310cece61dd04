import { describe, expect, it } from 'vitest';
import { entryLines, lineOf, withEntry } from '../../src/features/talent/lines.js';

const lines = (entries: string) => [...entryLines(entries)];

describe('talent read-model lines with the profile version they were written from', () => {
  it('adds, replaces and removes a line only over an older version', () => {
    const one = withEntry('', 'U1', '4|1|1|1|0', 3) ?? '';
    expect(one).toBe(lineOf('U1', 3, '4|1|1|1|0'));
    // An older or the same version never replaces it, nor removes it.
    expect(withEntry(one, 'U1', '5|1|1|1|0', 2)).toBeNull();
    expect(withEntry(one, 'U1', '5|1|1|1|0', 3)).toBeNull();
    expect(withEntry(one, 'U1', null, 3)).toBeNull();
    // A newer one does.
    expect(lines(withEntry(one, 'U1', '5|1|1|1|0', 4) ?? '')).toEqual([['U1', '5|1|1|1|0']]);
    expect(withEntry(one, 'U1', null, 4)).toBe('');
    // Removing a line that is not there changes nothing.
    expect(withEntry(one, 'U2', null, 9)).toBe(one);
  });

  it('tells user ids apart when one is the start of another, and keeps the other lines in place', () => {
    const entries = `${lineOf('U12', 5, 'a')}${lineOf('U1', 1, 'b')}${lineOf('U123', 7, 'c')}`;
    const next = withEntry(entries, 'U1', 'B', 2) ?? '';
    expect(lines(next)).toEqual([
      ['U12', 'a'],
      ['U123', 'c'],
      ['U1', 'B'],
    ]);
    expect(withEntry(entries, 'U12', 'A', 5)).toBeNull();
  });

  it('reads lines written before versions as older than any version', () => {
    const legacy = '\nU1=3|1|0|1|0\nU2={"userId":"U2","notes":[{"text":"a~b=c"}]}';
    expect(lines(legacy)).toEqual([
      ['U1', '3|1|0|1|0'],
      ['U2', '{"userId":"U2","notes":[{"text":"a~b=c"}]}'],
    ]);
    expect(lines(withEntry(legacy, 'U1', '4|2|0|2|0', 0) ?? '')).toEqual([
      ['U2', '{"userId":"U2","notes":[{"text":"a~b=c"}]}'],
      ['U1', '4|2|0|2|0'],
    ]);
  });

  it('keeps a payload holding ~ and = whole', () => {
    const card = '{"contactEmail":"a~b=c@example.org"}';
    expect(lines(`${lineOf('U9', 2, card)}${lineOf('U8', 1, 'x=y~z')}`)).toEqual([
      ['U9', card],
      ['U8', 'x=y~z'],
    ]);
  });
});
