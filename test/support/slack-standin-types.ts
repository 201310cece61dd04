/**
 * Shared types and small argument helpers of the Slack stand-in (see slack-standin.ts).
 * Kept free of node:http so the state and method modules stay plain data + logic.
 */

/** A JSON object as received on the wire. */
export type Json = Record<string, unknown>;

/** What a Web API method answers: Slack's `{ok, ...}` body (HTTP 200). */
export type ApiResult =
  | { ok: true; [key: string]: unknown }
  | { ok: false; error: string; [key: string]: unknown };

/** A fake workspace member, as given to `standin.addUser`. */
export interface StandinUserInput {
  id: string;
  name: string;
  realName?: string;
  displayName?: string;
  /** IANA zone; `null` = the profile has no tz (as for some bots). Defaults to the stand-in's defaultTz. */
  tz?: string | null;
  locale?: string;
  email?: string;
  isBot?: boolean;
  deleted?: boolean;
  /** Single- or multi-channel guest (`is_restricted: true`). */
  isGuest?: boolean;
  isAdmin?: boolean;
}

/** A fake channel, as given to `standin.addChannel`. */
export interface StandinChannelInput {
  id: string;
  name: string;
  isPrivate?: boolean;
  /** Whether the bot is a member (default false, as for a freshly installed app). */
  isMember?: boolean;
  isArchived?: boolean;
  /** Human members; when omitted everybody counts as a member (for chat.postEphemeral). */
  members?: string[];
}

/** One call received on `/api/<method>`, with its parsed args (blocks/view as objects). */
export interface RecordedCall {
  method: string;
  args: Json;
  /** Clock time (ms) when the call arrived. */
  at: number;
  token: string | undefined;
  /** Filled in once answered: HTTP status and Slack `error` when `ok` was false. */
  status?: number;
  ok?: boolean;
  error?: string;
}

/** A message as it currently stands in a channel (edits applied). */
export interface StandinMessage {
  channel: string;
  ts: string;
  text: string | undefined;
  blocks: unknown[] | undefined;
  attachments: unknown[] | undefined;
  threadTs: string | undefined;
  metadata: unknown;
  /** Who posted it: the bot user id, or 'response_url'. */
  postedBy: string;
  deleted: boolean;
  /** Number of chat.update / replace_original edits. */
  edits: number;
}

/** An ephemeral message (chat.postEphemeral or an ephemeral response_url post). */
export interface StandinEphemeral {
  channel: string;
  user: string;
  messageTs: string;
  text: string | undefined;
  blocks: unknown[] | undefined;
  via: 'chat.postEphemeral' | 'response_url';
}

/** A chat.scheduleMessage entry. */
export interface StandinScheduled {
  id: string;
  channel: string;
  postAt: number;
  text: string | undefined;
  blocks: unknown[] | undefined;
  deleted: boolean;
}

/** A view the stand-in holds (modal in a stack, or a user's Home). */
export interface StandinView {
  id: string;
  userId: string | undefined;
  hash: string;
  externalId: string | undefined;
  rootViewId: string;
  previousViewId: string | null;
  /** The full view object as Slack would return it (type, title, blocks, state, ...). */
  view: Json;
  closed: boolean;
}

/** A post received on a response_url. */
export interface RecordedResponse {
  id: string;
  body: Json;
  at: number;
  status: number;
  error?: string;
}

/** A file announced by files.getUploadURLExternal and (maybe) uploaded / completed. */
export interface StandinFile {
  id: string;
  filename: string;
  length: number;
  title: string | undefined;
  content: Buffer | undefined;
  completed: boolean;
  channelId: string | undefined;
  initialComment: string | undefined;
}

/** A clock: a function returning epoch ms, or an object with `now()` (ms or Date). */
export type StandinClock = (() => number) | { now(): number | Date };

/** Turns any accepted clock shape into a function returning epoch ms. */
export function clockFn(clock: StandinClock | undefined): () => number {
  if (clock === undefined) return Date.now;
  if (typeof clock === 'function') return clock;
  return () => {
    const v = clock.now();
    return v instanceof Date ? v.getTime() : v;
  };
}

/** True for a non-null, non-array object. */
export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A string arg (numbers/booleans stringified, as form encoding would). */
export function str(args: Json, key: string): string | undefined {
  const v = args[key];
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

/** A boolean arg; form encoding sends `true`/`1`. */
export function bool(args: Json, key: string): boolean {
  const v = args[key];
  return v === true || v === 'true' || v === '1' || v === 1;
}

/** Slack's failure body. */
export function fail(error: string, extra: Json = {}): ApiResult {
  return { ok: false, error, ...extra };
}
