/**
 * What one person's Slack client shows, as the page draws it: their conversations (the DM with the
 * app, the channels) with messages and ephemerals rendered to HTML, their Home, their open modal.
 */
import { DateTime } from 'luxon';
import type { StandinMessage } from '../test/support/slack-standin-types.js';
import { type WordKey, wordsFor } from './i18n.js';
import {
  blocksHtml,
  escapeHtml,
  mrkdwnToHtml,
  type RenderContext,
  viewHtml,
} from './render/block-kit-html.js';
import type { Sandbox } from './sandbox.js';
import { people, type SandboxPerson } from './workspace.js';

/** One message as the page shows it. */
export interface ScreenMessage {
  ts: string;
  html: string;
}

/** One conversation pane. */
export interface ScreenConversation {
  id: string;
  name: string;
  kind: 'dm' | 'channel';
  messages: ScreenMessage[];
}

/** Everything the page needs for one viewer. */
export interface Screen {
  version: string;
  viewer: string;
  /** Sandbox time, in the viewer's zone, as words and as a `datetime-local` value. */
  now: { text: string; local: string; zone: string };
  people: { id: string; label: string }[];
  /** The page's own words in the viewer's language (`lang` included). */
  chrome: Record<WordKey, string>;
  /** The "try this" guide of the Home pane, for this viewer. */
  guide: string;
  /** While `--demo` seeds the workspace: where it is, in the viewer's words. */
  progress: string | null;
  conversations: ScreenConversation[];
  home: { viewId: string; html: string } | null;
  modal: { viewId: string; hash: string; html: string } | null;
}

/** Builds the screen of `userId`. */
export function screenOf(s: Sandbox, userId: string): Screen {
  const { standin } = s;
  const state = standin.state;
  const me = state.users.get(userId);
  const zone = (me?.tz ?? state.identity.defaultTz) || 'UTC';
  const locale = me?.locale ?? 'en-US';
  const words = wordsFor(locale);
  const now = s.clock.now();
  const users = [...state.users.values()]
    .filter((u) => !u.isBot)
    .map((u) => ({ id: u.id, name: u.realName ?? u.name }));
  const channelList = [...state.channels.values()].map((c) => ({ id: c.id, name: `#${c.name}` }));
  const base: Omit<RenderContext, 'errors'> = {
    zone,
    locale,
    words,
    now,
    users,
    conversations: channelList,
    userName: (id) => {
      const u = state.users.get(id);
      return u ? (u.realName ?? u.name) : undefined;
    },
    channelName: (id) => state.channels.get(id)?.name,
  };
  const time = (ts: string) =>
    DateTime.fromSeconds(Number(ts), { zone }).setLocale(locale).toLocaleString(DateTime.DATETIME_MED);
  const messageHtml = (m: StandinMessage) => {
    const edited = m.edits > 0 ? ` <span class="msg-edited">${escapeHtml(words.w('edited'))}</span>` : '';
    const attrs = `data-surface="message" data-channel="${escapeHtml(m.channel)}" data-ts="${escapeHtml(m.ts)}"`;
    return `<article class="msg" ${attrs}><header><b>Passerelle</b> <span class="msg-app">${words.w('app')}</span> <time>${escapeHtml(time(m.ts))}</time>${edited}</header>${blocksHtml(m.blocks, base, m.text)}</article>`;
  };
  const ephemeralHtml = (e: { channel: string; ts: string; text?: string; blocks?: unknown[] }) => {
    const attrs = `data-surface="message" data-ephemeral="true" data-channel="${escapeHtml(e.channel)}" data-ts="${escapeHtml(e.ts)}"`;
    return `<article class="msg msg-ephemeral" ${attrs}><header><b>Passerelle</b> <span class="msg-app">${words.w('app')}</span> <time>${escapeHtml(time(e.ts))}</time> <span class="msg-only">${escapeHtml(words.w('onlyYou'))}</span></header>${blocksHtml(e.blocks, base, e.text)}</article>`;
  };
  const paneOf = (id: string, name: string, kind: 'dm' | 'channel'): ScreenConversation => {
    const posted = (state.messages.get(id) ?? [])
      .filter((m) => !m.deleted && m.threadTs === undefined)
      .map((m) => ({ ts: m.ts, html: messageHtml(m) }));
    const ephemerals = [
      ...standin
        .ephemeralsTo(userId)
        .filter((e) => e.channel === id)
        .map((e) => ({ channel: e.channel, ts: e.messageTs, text: e.text, blocks: e.blocks })),
      ...s.notes.filter((n) => n.user === userId && n.channel === id),
    ].map((e) => ({ ts: e.ts, html: ephemeralHtml(e) }));
    const messages = [...posted, ...ephemerals].sort((a, b) => Number(a.ts) - Number(b.ts));
    return { id, name, kind, messages };
  };
  const conversations = [
    paneOf(state.dmFor(userId), 'Passerelle', 'dm'),
    ...[...state.channels.values()].map((c) => paneOf(c.id, `#${c.name}`, 'channel')),
  ];
  const homeView = standin.home(userId);
  const home = homeView
    ? { viewId: String(homeView.id), html: viewHtml(homeView, { ...base, idPrefix: String(homeView.id) }) }
    : null;
  const top = standin.openModals(userId).at(-1);
  const errors = top ? s.viewErrors.get(top.id) : undefined;
  const modal = top
    ? {
        viewId: top.id,
        hash: top.hash,
        html: viewHtml(top.view, {
          ...base,
          idPrefix: top.id,
          ...(errors && errors.hash === top.hash ? { errors: errors.errors } : {}),
        }),
      }
    : null;
  const at = DateTime.fromJSDate(now, { zone }).setLocale(locale);
  return {
    version: s.version(),
    viewer: userId,
    now: {
      text: at.toLocaleString(DateTime.DATETIME_MED_WITH_WEEKDAY),
      local: at.toFormat("yyyy-MM-dd'T'HH:mm"),
      zone,
    },
    people: people.map((p) => ({ id: p.id, label: personLabel(p, words) })),
    chrome: words.all(),
    guide: guideHtml(me ? people.find((p) => p.id === me.id) : undefined, base),
    progress: s.progress ? words.w('demoSeeding', { done: s.progress.done, total: s.progress.total }) : null,
    conversations,
    home,
    modal,
  };
}

/** "Maya Laurent — manager, en-GB, Europe/London" in the viewer's words. */
function personLabel(p: SandboxPerson, words: ReturnType<typeof wordsFor>): string {
  const role = words.w(`role.${p.role}`);
  return `${p.realName} — ${role}${p.isGuest ? ` (${words.w('guest')})` : ''}, ${p.locale}, ${p.tz}`;
}

/** The Home pane's "try this": what this person can click, then switching people and moving time. */
function guideHtml(person: SandboxPerson | undefined, ctx: Omit<RenderContext, 'errors'>): string {
  const words = ctx.words ?? wordsFor(ctx.locale);
  const role = person?.role ?? 'manager';
  const steps = ([1, 2, 3] as const).map((i) => words.w(`guide.${role}.${i}`));
  const items = [...steps, words.w('guideSwitch'), words.w('guideClock')]
    .map((text) => `<li>${mrkdwnToHtml(text, ctx)}</li>`)
    .join('');
  return `<details class="guide" open><summary>${escapeHtml(words.w('guideTitle'))}</summary><ol>${items}</ol></details>`;
}
