/**
 * A guard on the class of issue 19's defect 6: a date a person reads is formatted by the i18n
 * helpers (src/i18n/index.ts: formatDate, formatDay, formatDateTime, formatTime with the reader's
 * zone; formatCalendarDate for a calendar day), never by hand, and never from an instant's UTC day.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

const files = sourceFiles(SRC).map((path) => ({
  name: relative(SRC, path),
  lines: readFileSync(path, 'utf8').split('\n'),
}));

/** Lines matching `pattern`, as `file:line: text`, outside the files allowed. */
function offending(pattern: RegExp, allowed: (name: string, line: string) => boolean): string[] {
  return files.flatMap((f) =>
    f.lines.flatMap((line, i) =>
      pattern.test(line) && !allowed(f.name, line) ? [`${f.name}:${i + 1}: ${line.trim()}`] : [],
    ),
  );
}

describe('dates are formatted for a reader only through the i18n helpers', () => {
  it('no hand-made date formats outside src/i18n/index.ts', () => {
    const byHand = /toLocale(Date|Time)?String\(|Intl\.DateTimeFormat|DateTime\.(DATE|TIME|DATETIME)_/;
    expect(offending(byHand, (name) => name === join('i18n', 'index.ts'))).toEqual([]);
  });

  it('no UTC day of an instant (what put "7 December" before a Paris reader on the 8th), but for keys', () => {
    // A day used as a claim or job key, never shown to anyone.
    const keys = [
      join('features', 'offboarding', 'index.ts'),
      join('features', 'offboarding', 'start', 'service.ts'),
    ];
    expect(offending(/toISOString\(\)\.slice\(0, ?10\)/, (name) => keys.includes(name))).toEqual([]);
  });

  it('views turn an instant into a date only with a zone, and write only picker values by hand', () => {
    const views = (name: string) => /(^|\/)views\.ts$/.test(name);
    const noZone = offending(
      /DateTime\.fromJSDate\([^)]*\)(?!.*zone)/,
      (name, line) => !views(name) || /zone/.test(line),
    );
    expect(noZone).toEqual([]);
    // Slack's datepicker and timepicker take `yyyy-MM-dd` and `HH:mm`: the only hand formats in a view.
    const formats = offending(
      /\.toFormat\(/,
      (name, line) => !views(name) || /toFormat\('HH:mm'\)/.test(line),
    );
    expect(formats).toEqual([]);
  });
});
