import { describe, expect, it } from 'vitest';
import { catalogueKeys, formatDateTime, t, toSupportedLocale } from '../../src/i18n/index.js';

describe('i18n', () => {
  it('keeps fr and en catalogues in step', () => {
    expect(catalogueKeys('fr')).toEqual(catalogueKeys('en'));
  });

  it('treats 0 and 1 as singular in French but not 0 in English', () => {
    expect(t('fr', 'plural.mission', { count: 0 })).toBe('0 mission');
    expect(t('fr', 'plural.mission', { count: 1 })).toBe('1 mission');
    expect(t('fr', 'plural.mission', { count: 2 })).toBe('2 missions');
    expect(t('en', 'plural.mission', { count: 0 })).toBe('0 missions');
    expect(t('en', 'plural.mission', { count: 1 })).toBe('1 mission');
  });

  it('fills placeholders', () => {
    expect(t('en', 'help.footer', { command: '/passerelle' })).toContain('`/passerelle help`');
  });

  it('maps Slack locales to supported ones', () => {
    expect(toSupportedLocale('fr-FR')).toBe('fr');
    expect(toSupportedLocale('fr-CA')).toBe('fr');
    expect(toSupportedLocale('en-US')).toBe('en');
    expect(toSupportedLocale('de-DE')).toBeUndefined();
    expect(toSupportedLocale(undefined)).toBeUndefined();
  });

  it("shows a time in the reader's zone and language", () => {
    const at = new Date('2026-03-30T08:00:00Z');
    expect(formatDateTime(at, 'fr', 'Europe/Paris')).toMatch(/lun\.? 30 mars 2026.*10:00/);
    expect(formatDateTime(at, 'en', 'America/New_York')).toMatch(/Mon,? 30 Mar 2026.*04:00/);
  });
});
