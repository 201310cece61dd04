import { DateTime } from 'luxon';
import { z } from 'zod';

/** A period of `/mission-stats`: its days (inclusive, `yyyy-MM-dd`) and the whole quarters inside it. */
export interface StatPeriod {
  /** As the reader typed it, normalised (`30d`, `2026-Q3`, `2026`, `2026-05`). */
  label: string;
  from: string;
  to: string;
  /** Quarters (`2026-Q2`) lying entirely inside `from`…`to`. */
  wholeQuarters: string[];
}

const forms = z.union([
  z.string().regex(/^(30|90)d$/),
  z.string().regex(/^\d{4}-Q[1-4]$/),
  z.string().regex(/^\d{4}$/),
  z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
]);

/**
 * The period of a `/mission-stats` argument, `today` being the reader's calendar day in the
 * workspace zone: `30d`/`90d` end today; a quarter, a year or a month is calendar-whole. No argument
 * is `30d`; anything else (or a year outside 2000–2100) is null, and the caller shows the help.
 */
export function parsePeriod(text: string, today: string): StatPeriod | null {
  const word = text.trim().toUpperCase().replace(/D$/, 'd') || '30d';
  const parsed = forms.safeParse(word);
  if (!parsed.success) return null;
  const year = Number(word.slice(0, 4));
  if (word.endsWith('d')) {
    const days = Number(word.slice(0, -1));
    const from = day(DateTime.fromISO(today, { zone: 'utc' }).minus({ days: days - 1 }));
    return period(word, from, today);
  }
  if (year < 2000 || year > 2100) return null;
  if (word.length === 4) return period(word, `${year}-01-01`, `${year}-12-31`);
  if (word[5] === 'Q') {
    const q = Number(word[6]);
    const start = DateTime.utc(year, (q - 1) * 3 + 1, 1);
    return period(word, day(start), day(start.plus({ months: 3 }).minus({ days: 1 })));
  }
  const start = DateTime.utc(year, Number(word.slice(5, 7)), 1);
  return period(word, day(start), day(start.endOf('month')));
}

/** Today's calendar day in `zone`. */
export function todayIn(now: Date, zone: string): string {
  return day(DateTime.fromJSDate(now, { zone }));
}

/** The quarters lying entirely inside `from`…`to`, in order. */
export function quartersInside(from: string, to: string): string[] {
  const out: string[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) {
    for (let q = 1; q <= 4; q++) {
      const start = DateTime.utc(y, (q - 1) * 3 + 1, 1);
      const end = start.plus({ months: 3 }).minus({ days: 1 });
      if (day(start) >= from && day(end) <= to) out.push(`${y}-Q${q}`);
    }
  }
  return out;
}

/** The last day of a quarter (`2026-Q2` → `2026-06-30`). */
export function quarterEnd(quarter: string): string {
  const start = DateTime.utc(Number(quarter.slice(0, 4)), (Number(quarter.slice(6)) - 1) * 3 + 1, 1);
  return day(start.plus({ months: 3 }).minus({ days: 1 }));
}

function period(label: string, from: string, to: string): StatPeriod {
  return { label, from, to, wholeQuarters: quartersInside(from, to) };
}

function day(d: DateTime): string {
  return d.toISODate() ?? '';
}
