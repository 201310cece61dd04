/**
 * chat.* methods of the stand-in and response_url posts: payload checks (SLACK.md 4),
 * message state (posts, edits, deletes), ephemeral and scheduled messages (SLACK.md 5.4).
 */
import { checkBlocks, MAX_MESSAGE_TEXT, toSlackMessages } from './block-kit-limits.js';
import { resolveTarget } from './slack-standin-directory.js';
import type { MethodHandler, StandinState } from './slack-standin-state.js';
import {
  type ApiResult,
  bool,
  fail,
  isObject,
  type Json,
  type StandinMessage,
  str,
} from './slack-standin-types.js';

/** A message payload that passed the checks. */
export interface MessagePayload {
  text: string | undefined;
  blocks: unknown[] | undefined;
  attachments: unknown[] | undefined;
  warnings: string[];
}

/** Checks text/blocks/attachments like chat.postMessage does; `requireContent` → `no_text` when all absent. */
export function checkMessagePayload(
  args: Json,
  requireContent: boolean,
): { ok: true; payload: MessagePayload } | { ok: false; result: ApiResult } {
  const bad = (error: string, extra: Json = {}) => ({ ok: false as const, result: fail(error, extra) });
  const { blocks, attachments } = args;
  if (blocks !== undefined && !Array.isArray(blocks)) return bad('invalid_blocks_format');
  if (attachments !== undefined && !Array.isArray(attachments)) return bad('invalid_attachments');
  if (Array.isArray(attachments) && attachments.length > 100) return bad('too_many_attachments');
  let text = str(args, 'text');
  const hasBlocks = Array.isArray(blocks) && blocks.length > 0;
  const hasAttachments = Array.isArray(attachments) && attachments.length > 0;
  if (requireContent && (text === undefined || text === '') && !hasBlocks && !hasAttachments) {
    return bad('no_text');
  }
  if (blocks !== undefined) {
    const violations = checkBlocks(blocks, 'message');
    if (violations.length > 0) {
      return bad('invalid_blocks', {
        errors: violations.map((v) => `${v.message} [json-pointer:${v.pointer}]`),
        response_metadata: { messages: toSlackMessages(violations) },
      });
    }
  }
  const warnings: string[] = [];
  if (text !== undefined && text.length > MAX_MESSAGE_TEXT) {
    // Slack keeps the message but cuts the text (SLACK.md 4.13).
    text = text.slice(0, MAX_MESSAGE_TEXT);
    warnings.push('message_truncated');
  }
  return { ok: true, payload: { text, blocks, attachments, warnings } };
}

function withWarnings(result: Json, warnings: string[]): ApiResult {
  const extra = warnings.length > 0 ? { response_metadata: { warnings } } : {};
  return { ok: true, ...result, ...extra };
}

function messageJson(state: StandinState, m: StandinMessage): Json {
  return {
    type: 'message',
    text: m.text ?? '',
    user: state.identity.botUserId,
    bot_id: state.identity.botId,
    app_id: state.identity.appId,
    team: state.identity.teamId,
    ts: m.ts,
    ...(m.blocks !== undefined ? { blocks: m.blocks } : {}),
    ...(m.attachments !== undefined ? { attachments: m.attachments } : {}),
    ...(m.threadTs !== undefined ? { thread_ts: m.threadTs } : {}),
  };
}

/** Appends a new message to a channel's state. */
export function addMessage(
  state: StandinState,
  channel: string,
  p: MessagePayload,
  args: Json,
  postedBy = state.identity.botUserId,
): StandinMessage {
  const m: StandinMessage = {
    channel,
    ts: state.nextTs(),
    text: p.text,
    blocks: p.blocks,
    attachments: p.attachments,
    threadTs: str(args, 'thread_ts'),
    metadata: args.metadata,
    postedBy,
    deleted: false,
    edits: 0,
  };
  state.channelMessages(channel).push(m);
  return m;
}

/** Applies an edit (chat.update or replace_original); omitted blocks/attachments are kept, as on Slack. */
export function editMessage(m: StandinMessage, p: MessagePayload): void {
  if (p.text !== undefined) m.text = p.text;
  if (p.blocks !== undefined) m.blocks = p.blocks;
  if (p.attachments !== undefined) m.attachments = p.attachments;
  m.edits += 1;
}

const DAY_SECONDS = 86_400;

/** The chat.* methods, by Slack method name. */
export const chatMethods: Record<string, MethodHandler> = {
  'chat.postMessage': ({ state, args }) => {
    const target = resolveTarget(state, str(args, 'channel'));
    if (!target.ok) return target.result;
    const checked = checkMessagePayload(args, true);
    if (!checked.ok) return checked.result;
    const m = addMessage(state, target.channel, checked.payload, args);
    return withWarnings(
      { channel: target.channel, ts: m.ts, message: messageJson(state, m) },
      checked.payload.warnings,
    );
  },

  'chat.postEphemeral': ({ state, args }) => {
    const user = str(args, 'user') ?? '';
    if (!state.users.has(user)) return fail('user_not_found');
    const target = resolveTarget(state, str(args, 'channel'));
    if (!target.ok) return target.result;
    const members = state.channels.get(target.channel)?.members;
    const inDm = target.dmUser === undefined || target.dmUser === user;
    if (!inDm || (members !== undefined && !members.includes(user))) return fail('user_not_in_channel');
    const checked = checkMessagePayload(args, true);
    if (!checked.ok) return checked.result;
    const messageTs = state.nextTs();
    const { text, blocks } = checked.payload;
    state.ephemerals.push({
      channel: target.channel,
      user,
      messageTs,
      text,
      blocks,
      via: 'chat.postEphemeral',
    });
    return withWarnings({ message_ts: messageTs }, checked.payload.warnings);
  },

  'chat.update': ({ state, args }) => {
    const channel = str(args, 'channel') ?? '';
    const m = state.findMessage(channel, str(args, 'ts') ?? '');
    if (m === undefined || m.deleted)
      return fail(state.messages.has(channel) ? 'message_not_found' : 'channel_not_found');
    const checked = checkMessagePayload(args, true);
    if (!checked.ok) return checked.result;
    editMessage(m, checked.payload);
    return withWarnings(
      { channel, ts: m.ts, text: m.text ?? '', message: messageJson(state, m) },
      checked.payload.warnings,
    );
  },

  'chat.delete': ({ state, args }) => {
    const channel = str(args, 'channel') ?? '';
    const m = state.findMessage(channel, str(args, 'ts') ?? '');
    if (m === undefined || m.deleted) return fail('message_not_found');
    m.deleted = true;
    return { ok: true, channel, ts: m.ts };
  },

  'chat.getPermalink': ({ state, args }) => {
    const channel = str(args, 'channel') ?? '';
    const m = state.findMessage(channel, str(args, 'message_ts') ?? '');
    if (m === undefined || m.deleted) return fail('message_not_found');
    const permalink = `https://${state.identity.teamDomain}.slack.com/archives/${channel}/p${m.ts.replace('.', '')}`;
    return { ok: true, channel, permalink };
  },

  'chat.scheduleMessage': ({ state, args }) => {
    const target = resolveTarget(state, str(args, 'channel'));
    if (!target.ok) return target.result;
    const postAt = Number(str(args, 'post_at'));
    if (!Number.isFinite(postAt)) return fail('invalid_time');
    const nowSec = state.now() / 1000;
    if (postAt < nowSec) return fail('time_in_past');
    if (postAt > nowSec + 120 * DAY_SECONDS) return fail('time_too_far');
    const window = Math.floor(postAt / 300);
    const sameWindow = state.scheduled.filter(
      (s) => !s.deleted && s.channel === target.channel && Math.floor(s.postAt / 300) === window,
    );
    if (sameWindow.length >= 30) return fail('restricted_too_many');
    const checked = checkMessagePayload(args, true);
    if (!checked.ok) return checked.result;
    const id = state.nextId('Q');
    const { text, blocks } = checked.payload;
    state.scheduled.push({ id, channel: target.channel, postAt, text, blocks, deleted: false });
    return {
      ok: true,
      channel: target.channel,
      scheduled_message_id: id,
      post_at: postAt,
      message: {
        type: 'message',
        text: text ?? '',
        bot_id: state.identity.botId,
        user: state.identity.botUserId,
      },
    };
  },

  'chat.deleteScheduledMessage': ({ state, args }) => {
    const id = str(args, 'scheduled_message_id');
    const s = state.scheduled.find((x) => x.id === id && x.channel === str(args, 'channel'));
    // Once sent (post_at passed) or deleted, the id is no longer valid (SLACK.md 7.4).
    if (s === undefined || s.deleted || s.postAt <= state.now() / 1000)
      return fail('invalid_scheduled_message_id');
    s.deleted = true;
    return { ok: true };
  },
};

/** Answer to a response_url post: HTTP status and JSON body. */
export interface ResponseUrlAnswer {
  status: number;
  body: Json;
}

const RESPONSE_URL_TTL_MS = 30 * 60 * 1000;

/** Handles a post on a response_url (SLACK.md 2.3): 5 uses within 30 min, validated like a message. */
export function postToResponseUrl(state: StandinState, id: string, body: Json): ResponseUrlAnswer {
  const r = state.responseUrls.get(id);
  if (r === undefined) return { status: 404, body: { ok: false, error: 'invalid_url' } };
  if (state.now() - r.issuedAt > RESPONSE_URL_TTL_MS)
    return { status: 404, body: { ok: false, error: 'expired_url' } };
  if (r.uses >= 5) return { status: 404, body: { ok: false, error: 'used_url' } };
  const original =
    r.channelId !== undefined && r.messageTs !== undefined
      ? state.findMessage(r.channelId, r.messageTs)
      : undefined;
  if (bool(body, 'delete_original')) {
    r.uses += 1;
    if (original !== undefined) original.deleted = true;
    return { status: 200, body: { ok: true } };
  }
  const checked = checkMessagePayload(body, true);
  if (!checked.ok) return { status: 400, body: checked.result };
  r.uses += 1;
  const p = checked.payload;
  if (bool(body, 'replace_original')) {
    if (original !== undefined) editMessage(original, p);
  } else if (str(body, 'response_type') === 'in_channel' && r.channelId !== undefined) {
    addMessage(state, r.channelId, p, body, 'response_url');
  } else if (r.channelId !== undefined && r.userId !== undefined) {
    const { text, blocks } = p;
    const messageTs = state.nextTs();
    state.ephemerals.push({
      channel: r.channelId,
      user: r.userId,
      messageTs,
      text,
      blocks,
      via: 'response_url',
    });
  }
  return { status: 200, body: { ok: true } };
}

/** Parses a response_url body: JSON, or a form with a JSON `payload` field. */
export function parseResponseBody(raw: string): Json {
  const asJson = tryJson(raw);
  if (isObject(asJson)) return asJson;
  const fromForm = tryJson(new URLSearchParams(raw).get('payload') ?? '');
  return isObject(fromForm) ? fromForm : {};
}

/** JSON.parse that answers undefined instead of throwing. */
export function tryJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}
