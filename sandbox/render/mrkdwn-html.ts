/**
 * Slack `mrkdwn` → HTML for the sandbox page (pure): *bold*, _italics_, ~strike~, `code`, ``` blocks,
 * > quotes, emoji shortcodes (`:wave:`, from emoji-datasource), links `<url|text>`, mentions `<@U…>`, `<#C…>`, `<!here>`, and `<!date^ts^format|fallback>`
 * written in the viewer's zone and language. Everything that is not markup is HTML-escaped.
 */
import { DateTime } from 'luxon';
import { replaceShortcodes } from './emoji.js';

/** Who is looking, and the names the page knows: what mentions and dates are written with. */
export interface Viewer {
  /** IANA zone of the person looking at the page. */
  zone: string;
  /** BCP 47 locale of that person (`en-US`, `fr-FR`). */
  locale: string;
  /** "Now" for the viewer (the sandbox clock): `{date_pretty}` says today/tomorrow from it. */
  now: Date;
  userName(id: string): string | undefined;
  channelName(id: string): string | undefined;
}

/** Escapes text for HTML text and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Slack escapes `&`, `<`, `>` in message text; the page shows the characters themselves. */
function unescapeSlack(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

const SAFE_URL = /^(https?:|mailto:|slack:)/i;

/** An `<a>` for a URL the page may link to; anything else (javascript:…) is shown as text. */
export function linkHtml(url: string, label: string): string {
  if (!SAFE_URL.test(url)) return escapeHtml(label);
  return `<a href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">${escapeHtml(label)}</a>`;
}

/** Marks where a rendered piece goes back (a private-use character, removed from the input first). */
const PLACEHOLDER = '\uE000';

/** Renders one mrkdwn string. */
export function mrkdwnToHtml(text: string, viewer: Viewer): string {
  const parts: string[] = [];
  const hold = (html: string) => {
    parts.push(html);
    return `${PLACEHOLDER}${parts.length - 1}${PLACEHOLDER}`;
  };
  let s = text.split(PLACEHOLDER).join('');
  // Code first: nothing inside is markup.
  s = s.replace(/```([\s\S]*?)```/g, (_m, code: string) =>
    hold(`<pre class="mk-pre">${escapeHtml(unescapeSlack(code.replace(/^\n/, '')))}</pre>`),
  );
  s = s.replace(/`([^`\n]+)`/g, (_m, code: string) =>
    hold(`<code class="mk-code">${escapeHtml(unescapeSlack(code))}</code>`),
  );
  s = s.replace(/<([^<>\n]+)>/g, (_m, inner: string) => hold(angleToken(inner, viewer)));
  // Emoji before the styles: `:white_check_mark:` is not italics.
  let html = replaceShortcodes(escapeHtml(unescapeSlack(s)));
  const edge = `(^|[\\s(\\[{"'“‘${PLACEHOLDER}]|[.,:;!?-])`;
  const end = `(?=$|[\\s)\\]}"'”’.,:;!?${PLACEHOLDER}-])`;
  const style = (mark: string, tag: string) => {
    const m = mark === '*' ? '\\*' : mark;
    html = html.replace(
      new RegExp(`${edge}${m}(?!\\s)([^${m}\\n]+?)${m}${end}`, 'g'),
      (_all, before: string, inner: string) => `${before}<${tag}>${inner}</${tag}>`,
    );
  };
  style('*', 'b');
  style('_', 'i');
  style('~', 's');
  html = withQuotes(html.split('\n'));
  return html.replace(new RegExp(`${PLACEHOLDER}(\\d+)${PLACEHOLDER}`, 'g'), (_m, i: string) => {
    return parts[Number(i)] ?? '';
  });
}

/**
 * Slack's quotes: a line starting with `>` (escaped to `&gt;` by then), a space after it optional;
 * consecutive quoted lines make one quote.
 */
function withQuotes(lines: string[]): string {
  let html = '';
  let quote: string[] | undefined;
  for (const [i, line] of lines.entries()) {
    if (line.startsWith('&gt;')) {
      quote ??= [];
      quote.push(line.slice(4).replace(/^ /, ''));
      continue;
    }
    if (quote) html += `<blockquote class="mk-quote">${quote.join('<br>')}</blockquote>`;
    else if (i > 0) html += '<br>';
    quote = undefined;
    html += line;
  }
  if (quote) html += `<blockquote class="mk-quote">${quote.join('<br>')}</blockquote>`;
  return html;
}

/** One `<…>` token: a mention, a special mention, a date, or a link. */
function angleToken(inner: string, viewer: Viewer): string {
  const bar = inner.indexOf('|');
  const target = bar === -1 ? inner : inner.slice(0, bar);
  const label = bar === -1 ? undefined : unescapeSlack(inner.slice(bar + 1));
  if (target.startsWith('@U') || target.startsWith('@W')) {
    const id = target.slice(1);
    const name = viewer.userName(id) ?? label ?? id;
    return `<span class="mk-mention" data-user="${escapeHtml(id)}">@${escapeHtml(name)}</span>`;
  }
  if (target.startsWith('#C') || target.startsWith('#G')) {
    const id = target.slice(1);
    const name = viewer.channelName(id) ?? label ?? id;
    return `<span class="mk-mention mk-channel">#${escapeHtml(name)}</span>`;
  }
  if (target.startsWith('!date^')) return dateToken(inner.slice(1), viewer);
  if (target.startsWith('!subteam^'))
    return `<span class="mk-mention">@${escapeHtml(label ?? 'group')}</span>`;
  if (target.startsWith('!')) {
    const word = target.slice(1);
    return `<span class="mk-mention mk-special">@${escapeHtml(label ?? word)}</span>`;
  }
  const url = unescapeSlack(target);
  return linkHtml(url, label ?? url);
}

/** `date^<unix>^<format>[^<link>]|<fallback>` in the viewer's zone and language. */
function dateToken(token: string, viewer: Viewer): string {
  const bar = token.indexOf('|');
  const spec = bar === -1 ? token : token.slice(0, bar);
  const fallback = bar === -1 ? '' : unescapeSlack(token.slice(bar + 1));
  const [, ts, format, link] = spec.split('^');
  const seconds = Number(ts);
  if (!Number.isFinite(seconds) || format === undefined) return escapeHtml(fallback);
  const text = formatSlackDate(seconds, unescapeSlack(format), viewer);
  const inner = `<time class="mk-date" datetime="${escapeHtml(new Date(seconds * 1000).toISOString())}">${escapeHtml(text)}</time>`;
  return link && SAFE_URL.test(link) ? `<a href="${escapeHtml(link)}">${inner}</a>` : inner;
}

/** Writes Slack's date tokens (`{date_pretty} at {time}`) for the viewer. */
export function formatSlackDate(seconds: number, format: string, viewer: Viewer): string {
  const at = DateTime.fromSeconds(seconds, { zone: viewer.zone }).setLocale(viewer.locale);
  const now = DateTime.fromJSDate(viewer.now, { zone: viewer.zone }).setLocale(viewer.locale);
  const relative = (): string | undefined => {
    const days = Math.round(at.startOf('day').diff(now.startOf('day'), 'days').days);
    if (days < -1 || days > 1) return undefined;
    return at.toRelativeCalendar({ base: now, unit: 'days' }) ?? undefined;
  };
  const dateLong = at.toLocaleString({ weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' });
  const date = at.toLocaleString({ month: 'long', day: 'numeric', year: 'numeric' });
  const dateShort = at.toLocaleString({ month: 'short', day: 'numeric', year: 'numeric' });
  const tokens: Record<string, () => string> = {
    date_num: () => at.toFormat('yyyy-MM-dd'),
    date: () => date,
    date_short: () => dateShort,
    date_long: () => dateLong,
    date_pretty: () => relative() ?? date,
    date_short_pretty: () => relative() ?? dateShort,
    date_long_pretty: () => relative() ?? dateLong,
    day_divider_pretty: () =>
      relative() ?? at.toLocaleString({ weekday: 'long', month: 'long', day: 'numeric' }),
    time: () => at.toLocaleString(DateTime.TIME_SIMPLE),
    time_secs: () => at.toLocaleString(DateTime.TIME_WITH_SECONDS),
    ago: () => at.toRelative({ base: now }) ?? date,
  };
  return format.replace(/\{([a-z_]+)\}/g, (whole, name: string) => tokens[name]?.() ?? whole);
}
