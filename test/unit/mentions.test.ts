// Erased people are named, never mentioned: Slack shows `<@erased:…>` as raw text. Every mention goes
// through one helper (`personIn`, through `t`'s `<@{…}>` placeholders or `mention(tr, id)`).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { locales } from '../../src/config.js';
import { en } from '../../src/i18n/en.js';
import { catalogueKeys, type MessageKey, mention, t, translator } from '../../src/i18n/index.js';

const SRC = path.resolve(import.meta.dirname, '../../src');
const PSEUDONYM = 'erased:0123456789abcdef';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return name.endsWith('.ts') ? [full] : [];
  });
}

/** Every `{placeholder}` a catalogue entry (both plural forms) takes. */
function placeholders(key: MessageKey): string[] {
  const entry = en[key];
  const text = typeof entry === 'string' ? entry : `${entry.one} ${entry.other}`;
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');
}

describe('mentions of erased people', () => {
  it('every catalogue text given a pseudonym for each person says "a person who was erased", never <@erased', () => {
    const mentioning: string[] = [];
    for (const locale of locales) {
      for (const key of catalogueKeys(locale) as MessageKey[]) {
        const params = Object.fromEntries(
          placeholders(key).map((p) => [p, p === 'count' ? 2 : PSEUDONYM] as const),
        );
        const text = t(locale, key, params);
        expect(text, `${locale} ${key}`).not.toContain('<@erased');
        if (/<@\{\w+\}>/.test(JSON.stringify(en[key]))) mentioning.push(`${locale} ${key}`);
      }
    }
    expect(mentioning.length).toBeGreaterThan(40);
  });

  it('names a person by mention, an erased one in words (capitalised at the start of a sentence)', () => {
    const fr = translator('fr');
    expect(mention(fr, 'U123ABC')).toBe('<@U123ABC>');
    expect(mention(fr, PSEUDONYM)).toBe('une personne effacée');
    expect(mention(translator('en'), PSEUDONYM)).toBe('a person who was erased');
    expect(t('en', 'checkins.summary.intro', { freelancer: PSEUDONYM, date: 'Monday' })).toBe(
      'A person who was erased answered the check-in of Monday.',
    );
    expect(t('fr', 'offboarding.item.confirmedBy', { user: PSEUDONYM, date: '3 mars' })).toBe(
      'Confirmé par une personne effacée le 3 mars',
    );
  });

  it('no source file writes a mention itself: every `<@…>` goes through mention() or a catalogue placeholder', () => {
    const own = path.join(SRC, 'i18n', 'index.ts');
    const found = sourceFiles(SRC)
      .filter((f) => f !== own)
      .flatMap((f) =>
        readFileSync(f, 'utf8')
          .split('\n')
          .map((line, i) => ({ line, at: `${path.relative(SRC, f)}:${i + 1}` }))
          .filter(({ line }) => /<@\$\{|'<@'|"<@"/.test(line))
          .map(({ at, line }) => `${at}: ${line.trim()}`),
      );
    expect(found).toEqual([]);
  });
});
