/**
 * Slack's emoji shortcodes (`:wave:`, `:+1::skin-tone-3:`) as the characters Slack shows, from
 * iamcal's emoji-datasource (the data Slack's own shortcodes come from): never a hand-kept list.
 * A name the data does not know stays as typed, as Slack leaves an unknown custom emoji's code.
 */
import { createRequire } from 'node:module';

interface EmojiRecord {
  unified: string;
  short_names: string[];
  skin_variations?: Record<string, { unified: string }>;
}

/** Skin tones as Slack writes them after an emoji (`::skin-tone-2:` … `::skin-tone-6:`). */
const SKIN_TONES: Record<string, string> = {
  '2': '1F3FB',
  '3': '1F3FC',
  '4': '1F3FD',
  '5': '1F3FE',
  '6': '1F3FF',
};

let byName: Map<string, EmojiRecord> | undefined;

function table(): Map<string, EmojiRecord> {
  if (!byName) {
    const records = createRequire(import.meta.url)('emoji-datasource/emoji.json') as EmojiRecord[];
    byName = new Map();
    for (const r of records) for (const name of r.short_names) byName.set(name, r);
  }
  return byName;
}

const fromUnified = (unified: string) =>
  String.fromCodePoint(...unified.split('-').map((h) => Number.parseInt(h, 16)));

/** The character(s) of a shortcode name (without colons), with a skin tone 2–6; undefined if unknown. */
export function emojiOf(name: string, skinTone?: string): string | undefined {
  const record = table().get(name);
  if (!record) return undefined;
  const tone = skinTone ? SKIN_TONES[skinTone] : undefined;
  const varied = tone ? record.skin_variations?.[tone]?.unified : undefined;
  return fromUnified(varied ?? record.unified);
}

/** Where Slack sees a shortcode: `:name:` with an optional `:skin-tone-N:` right after it. */
const SHORTCODE = /:([a-z0-9_+'-]+):(?::skin-tone-([2-6]):)?/g;

/** Replaces every known shortcode of `text` by its emoji (the text may already be HTML-escaped). */
export function replaceShortcodes(text: string): string {
  return text.replace(SHORTCODE, (whole, name: string, tone: string | undefined) => {
    const emoji = emojiOf(name, tone);
    if (emoji === undefined) return whole;
    return emoji;
  });
}
