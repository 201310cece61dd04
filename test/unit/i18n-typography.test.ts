import { describe, expect, it } from 'vitest';
import type { Message } from '../../src/i18n/catalogue.js';
import { en } from '../../src/i18n/en.js';
import { fr } from '../../src/i18n/fr.js';
import { t } from '../../src/i18n/index.js';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

/** Every text of a catalogue: plain entries, and each plural form of the others. */
function texts(catalogue: Record<string, Message>): { key: string; text: string }[] {
  return Object.entries(catalogue).flatMap(([key, m]) =>
    typeof m === 'string'
      ? [{ key, text: m }]
      : [
          { key: `${key}.one`, text: m.one },
          { key: `${key}.other`, text: m.other },
        ],
  );
}

/**
 * The prose of a message: what is not prose is blanked out (same length, so positions hold):
 * mrkdwn links, mentions and dates (`<…>`), code spans, URLs, emoji codes (`:wave:`), times (10:00)
 * and placeholders (a placeholder is a word: `{title} :` still needs its space).
 */
function prose(text: string): string {
  const blank = (s: string) => 'x'.repeat(s.length);
  return text
    .replace(/<[^>\n]*>/g, blank)
    .replace(/`[^`\n]*`/g, blank)
    .replace(/https?:\/\/\S*/g, blank)
    .replace(/:[a-z0-9_+-]+:/g, blank)
    .replace(/\d:\d/g, blank)
    .replace(/\{\w+\}/g, blank);
}

/** The `: ; ? !` of a French text not preceded by a no-break space (U+00A0) or a narrow one (U+202F). */
function frenchPunctuationFaults(text: string): string[] {
  const clean = prose(text);
  const faults: string[] = [];
  for (let i = 0; i < clean.length; i += 1) {
    const c = clean[i] ?? '';
    if (!':;?!'.includes(c)) continue;
    const before = text[i - 1];
    // Doubled punctuation ("?!") takes one space, before the first.
    if (before && ':;?!'.includes(before)) continue;
    if (before !== NBSP && before !== NNBSP) faults.push(text.slice(Math.max(0, i - 15), i + 1));
  }
  return faults;
}

describe('the catalogues’ typography', () => {
  it('French: a no-break space (U+00A0 or narrow U+202F) before every : ; ? ! of the prose', () => {
    const faults = texts(fr).flatMap(({ key, text }) =>
      frenchPunctuationFaults(text).map((at) => `${key}: …${JSON.stringify(at)}`),
    );
    expect(faults, `${faults.length} French texts without the no-break space:\n${faults.join('\n')}`).toEqual(
      [],
    );
  });

  it('the check itself: finds a plain space or none, leaves links, code, emoji codes, times and mentions alone', () => {
    expect(frenchPunctuationFaults('Passation : 2/4')).toHaveLength(1);
    expect(frenchPunctuationFaults('Passation: 2/4')).toHaveLength(1);
    expect(frenchPunctuationFaults(`Vraiment${NNBSP}?`)).toEqual([]);
    expect(frenchPunctuationFaults(`Passation${NBSP}: 2/4`)).toEqual([]);
    expect(
      frenchPunctuationFaults(
        ':wave: Bonjour <@U123>, à 10:00 <https://x.org/?a=1|ici> `/passerelle snooze until AAAA-MM-JJ` <!date^1^{date}|x>',
      ),
    ).toEqual([]);
    expect(frenchPunctuationFaults(`Quoi${NNBSP}?!`)).toEqual([]);
  });

  it('English: no space of any kind before : ; ? ! of the prose', () => {
    const faults = texts(en).flatMap(({ key, text }) => {
      const clean = prose(text);
      return [...clean.matchAll(/[\s\u00a0\u202f][:;?!]/g)].map(
        (m) => `${key}: ${JSON.stringify(text.slice(Math.max(0, (m.index ?? 0) - 15), (m.index ?? 0) + 2))}`,
      );
    });
    expect(faults, faults.join('\n')).toEqual([]);
  });

  it('no “(s)” plural hack in either language: plurals go through the catalogue’s plural forms', () => {
    const hack = /\p{L}\((?:s|es|e|x|nes?|les?)\)/iu;
    const faults = [...texts(en), ...texts(fr)]
      .filter(({ text }) => hack.test(text))
      .map(({ key, text }) => `${key}: ${text}`);
    expect(faults, faults.join('\n')).toEqual([]);
  });

  it('one word for one thing: a waived item, a closed mission, in the checklist and in the profile', () => {
    const waived = { en: /^waived by/i, fr: /^dispensé par/i } as const;
    for (const locale of ['en', 'fr'] as const) {
      expect(t(locale, 'offboarding.item.waivedBy', { user: 'U1', date: 'x', reason: 'r' })).toMatch(
        waived[locale],
      );
      expect(t(locale, 'talent.handover.waived', { by: 'U1', reason: 'r' })).toMatch(waived[locale]);
    }
    expect(
      t('fr', 'talent.profile.mission', { title: 'T', date: '3 mars', manager: 'U1', rating: 4 }),
    ).toContain('clôturée le 3 mars');
  });

  it('counts in words follow the plural rules: 1 rating, 2 ratings, in both languages', () => {
    const rating = (locale: 'en' | 'fr', count: number) =>
      t(locale, 'talent.why.rating', { score: '4.00', mean: '3.50', count });
    expect(rating('fr', 1)).toContain('1 note)');
    expect(rating('fr', 3)).toContain('3 notes)');
    expect(rating('en', 1)).toContain('1 rating)');
    expect(rating('en', 3)).toContain('3 ratings)');
    expect(t('fr', 'community.invitesSent', { count: 1 })).toBe(
      'Invitation envoyée en message privé à 1 personne.',
    );
    expect(t('en', 'community.invitesSent', { count: 2 })).toBe('Invites sent by DM to 2 people.');
  });
});
