import { DateTime } from 'luxon';
import { type Locale, locales } from '../config.js';
import { isPseudonym } from '../erasure.js';
import type { Message } from './catalogue.js';
import { en, type MessageKey } from './en.js';
import { fr } from './fr.js';

export type { MessageKey } from './en.js';
/** A text in every supported language: stored texts (templates, questions) are shown in each reader's own. */
export type LocalizedText = Record<Locale, string>;
export type Params = Readonly<Record<string, string | number>>;
/** A function that renders catalogue keys in one locale. */
export type Translate = (key: MessageKey, params?: Params) => string;

const catalogues: Record<Locale, Record<MessageKey, Message>> = { en, fr };
const intlLocale: Record<Locale, string> = { en: 'en-GB', fr: 'fr-FR' };
const pluralRules: Record<Locale, Intl.PluralRules> = {
  en: new Intl.PluralRules('en'),
  // French treats 0 and 1 as singular ("0 mission", "1 mission", "2 missions").
  fr: new Intl.PluralRules('fr'),
};

/** Renders one catalogue key in a locale, filling `{placeholders}`; plurals follow `params.count`. */
export function t(locale: Locale, key: MessageKey, params: Params = {}): string {
  const entry = catalogues[locale][key];
  let text: string;
  if (typeof entry === 'string') {
    text = entry;
  } else {
    const count = Number(params.count ?? 0);
    text = pluralRules[locale].select(count) === 'one' ? entry.one : entry.other;
  }
  return fill(locale, text, params);
}

/**
 * Fills `{placeholders}`. A mention placeholder, `<@{name}>`, names a person as Slack shows them,
 * or, for an erased person's pseudonym, "a person who was erased" (Slack would show `<@erased:…>`
 * as raw text): every mention in the catalogue goes through `personIn`.
 */
function fill(locale: Locale, text: string, params: Params): string {
  const mentioned = text.replace(/<@\{(\w+)\}>/g, (whole, name: string, at: number) => {
    const value = params[name];
    if (value === undefined) return whole;
    // A sentence that starts with the person ("<@{freelancer}> answered…") starts with a capital.
    const startsSentence = (at === 0 && text.length > whole.length) || text[at - 1] === '\n';
    return personIn(locale, String(value), startsSentence);
  });
  return mentioned.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? new Intl.NumberFormat(intlLocale[locale]).format(value) : value;
  });
}

/**
 * How mrkdwn names a person: a Slack mention `<@U…>`, or "a person who was erased" for a pseudonym
 * (capitalised when it starts a sentence).
 */
export function personIn(locale: Locale, userId: string, startsLine = false): string {
  if (!isPseudonym(userId)) return `<@${userId}>`;
  const label = t(locale, 'person.erased');
  return startsLine ? `${label.charAt(0).toUpperCase()}${label.slice(1)}` : label;
}

/** `personIn` for views that hold a translator: every `<@…>` a view writes goes through it. */
export function mention(tr: Translate, userId: string): string {
  return tr('person.mention', { user: userId });
}

/** Whether a string is a catalogue key (for keys carried in data, such as validation results). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

/** One catalogue key rendered in every language (default templates and questions, stored at first use). */
export function inEveryLocale(key: MessageKey): LocalizedText {
  return Object.fromEntries(locales.map((l) => [l, t(l, key)])) as LocalizedText;
}

/** Binds `t` to a locale. */
export function translator(locale: Locale): Translate {
  return (key, params) => t(locale, key, params);
}

/** Maps a Slack locale (`fr-FR`, `en-US`…) to a supported locale, or undefined when not supported. */
export function toSupportedLocale(slackLocale: string | undefined): Locale | undefined {
  const lang = slackLocale?.slice(0, 2).toLowerCase();
  return lang === 'fr' || lang === 'en' ? lang : undefined;
}

/** A date and time as the reader sees it: in their zone and locale (e.g. "lun. 6 janv. 2025, 10:00"). */
export function formatDateTime(at: Date, locale: Locale, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).setLocale(intlLocale[locale]).toLocaleString({
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** A time of day as the reader sees it, in their zone (e.g. "09:05"). */
export function formatTime(at: Date, locale: Locale, zone: string): string {
  return DateTime.fromJSDate(at, { zone })
    .setLocale(intlLocale[locale])
    .toLocaleString(DateTime.TIME_24_SIMPLE);
}

/** A calendar date as the reader sees it (e.g. "6 janvier 2025"). */
export function formatDate(at: Date, locale: Locale, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).setLocale(intlLocale[locale]).toLocaleString(DateTime.DATE_FULL);
}

/** The day of an instant as the reader sees it, weekday included (e.g. "mardi 8 décembre 2026"). */
export function formatDay(at: Date, locale: Locale, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).setLocale(intlLocale[locale]).toLocaleString(DateTime.DATE_HUGE);
}

/**
 * A calendar date `yyyy-MM-dd` (no time, no zone: the same day for every reader) in the reader's
 * language: "lundi 5 janvier 2026", or with `short` "5 janvier 2026".
 */
export function formatCalendarDate(
  isoDate: string,
  locale: Locale,
  style: 'weekday' | 'short' = 'weekday',
): string {
  return DateTime.fromISO(isoDate, { zone: 'UTC' })
    .setLocale(intlLocale[locale])
    .toLocaleString(style === 'weekday' ? DateTime.DATE_HUGE : DateTime.DATE_FULL);
}

/** The catalogue keys of a locale, for the test that keeps catalogues in step. */
export function catalogueKeys(locale: Locale): string[] {
  return Object.keys(catalogues[locale]).sort();
}
