/**
 * Shared core of the signed-request client (slack-request.ts): options, v0 signing, the raw
 * signed POST, and the user/team/channel fields Slack puts in every payload.
 */
import { createHmac } from 'node:crypto';
import type { SlackStandin } from './slack-standin.js';
import type { Json } from './slack-standin-types.js';

/** Where and how to send; `timestamp` / `signature` forge stale or bad requests. */
export interface SlackRequestOptions {
  /** Base URL of the app, e.g. `http://127.0.0.1:3000`. */
  appUrl: string;
  signingSecret: string;
  standin: SlackStandin;
  /** Receiver path (Bolt's default `/slack/events`). */
  path?: string;
  teamId?: string;
  /** Unix seconds put in X-Slack-Request-Timestamp and signed (default: now). */
  timestamp?: number;
  /** Replaces the computed `v0=…` signature. */
  signature?: string;
  headers?: Record<string, string>;
}

/** What building a payload needs: the stand-in (ids, response URLs, triggers) and the team. */
export type PayloadContext = Pick<SlackRequestOptions, 'standin' | 'teamId'>;

/** The app's HTTP answer (the ack), plus the response_url / trigger_id that were sent. */
export interface SlackHttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  json(): unknown;
  responseUrl?: string;
  triggerId?: string;
}

/** `v0=hex(hmac_sha256(secret, "v0:" + ts + ":" + rawBody))` (SLACK.md 1.2). */
export function signSlackRequest(signingSecret: string, timestamp: number, rawBody: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
}

/** Posts a raw body to the receiver with Slack's signature headers. */
export async function sendSigned(
  rawBody: string,
  contentType: string,
  opts: SlackRequestOptions,
  extraHeaders: Record<string, string> = {},
): Promise<SlackHttpResponse> {
  const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
  const res = await fetch(`${opts.appUrl.replace(/\/$/, '')}${opts.path ?? '/slack/events'}`, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': opts.signature ?? signSlackRequest(opts.signingSecret, timestamp, rawBody),
      ...extraHeaders,
      ...opts.headers,
    },
    body: rawBody,
  });
  const body = await res.text();
  return {
    status: res.status,
    headers: Object.fromEntries(res.headers.entries()),
    body,
    json: () => (body === '' ? undefined : JSON.parse(body)),
  };
}

/** Content type of commands and interactivity posts. */
export const FORM = 'application/x-www-form-urlencoded';
/** The deprecated verification token Slack still sends in payloads. */
export const VERIFICATION_TOKEN = 'standin-verification-token';

/** The `team` object of payloads. */
export function team(opts: PayloadContext): { id: string; domain: string } {
  return { id: opts.teamId ?? opts.standin.identity.teamId, domain: opts.standin.identity.teamDomain };
}

/** The `user` object of payloads, named from the stand-in's directory. */
export function userOf(opts: PayloadContext, userId: string): Json {
  const name = opts.standin.state.users.get(userId)?.name ?? userId.toLowerCase();
  return { id: userId, username: name, name, team_id: team(opts).id };
}

/** The channel a user typed in: a known channel's name, or the DM with the app. */
export function channelName(opts: PayloadContext, channelId: string): string {
  if (channelId.startsWith('D')) return 'directmessage';
  return opts.standin.state.channels.get(channelId)?.name ?? 'unknown-channel';
}
