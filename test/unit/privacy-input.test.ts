import { describe, expect, it } from 'vitest';
import { parseEraseMetadata, parsePrivacyCommand } from '../../src/features/privacy/input.js';
import { hashOf, subjectOf } from '../../src/features/privacy/rules.js';

describe('privacy subcommands and pseudonyms', () => {
  it('reads my-data, erase-me and erase @user; anything else about erase is a usage', () => {
    expect(parsePrivacyCommand(['my-data'])).toEqual({ kind: 'export' });
    expect(parsePrivacyCommand(['ERASE-ME'])).toEqual({ kind: 'eraseSelf' });
    expect(parsePrivacyCommand(['erase', '<@U0123ABC|alice>'])).toEqual({
      kind: 'eraseOther',
      userId: 'U0123ABC',
    });
    expect(parsePrivacyCommand(['erase', '<@W0123ABC>'])).toEqual({ kind: 'eraseOther', userId: 'W0123ABC' });
    expect(parsePrivacyCommand(['erase', 'U0123ABC'])).toEqual({ kind: 'eraseOther', userId: 'U0123ABC' });
    for (const words of [
      ['erase'],
      ['erase', '@alice'],
      ['erase', '<@U01|a>', 'more'],
      ['erase', '<#C0123>'],
    ])
      expect(parsePrivacyCommand(words)).toEqual({ kind: 'eraseUsage' });
    expect(parsePrivacyCommand(['mute', 'reminders'])).toBeUndefined();
    expect(parsePrivacyCommand([])).toBeUndefined();
  });

  it('refuses tampered modal metadata', () => {
    expect(parseEraseMetadata('{"v":1,"subject":"U0123ABC"}')).toEqual({ v: 1, subject: 'U0123ABC' });
    for (const raw of ['', 'not json', '{"v":2,"subject":"U0123ABC"}', '{"v":1,"subject":{"$ne":1}}'])
      expect(parseEraseMetadata(raw)).toBeUndefined();
  });

  it('a pseudonym is stable for a salt, differs between salts and never contains the id', () => {
    const s = subjectOf('salt-1', 'U0123ABC');
    expect(s).toEqual({ hash: hashOf('salt-1', 'U0123ABC'), pseudonym: `erased:${s.hash}` });
    expect(s.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(subjectOf('salt-1', 'U0123ABC')).toEqual(s);
    expect(subjectOf('salt-2', 'U0123ABC').hash).not.toBe(s.hash);
    expect(s.pseudonym).not.toContain('U0123ABC');
  });
});
