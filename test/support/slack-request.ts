/**
 * Sends real, signed requests to the app's HTTP receiver exactly as Slack does (SLACK.md 1–2):
 * slash commands as form fields, interactivity as a form field `payload` holding JSON, events
 * as JSON, all with a v0 signature. response_url / trigger_id come from the stand-in, so what
 * the app does with them is checked there. Plain module (no vitest) for reuse by the sandbox.
 */
import {
  channelName,
  FORM,
  type PayloadContext,
  type SlackHttpResponse,
  type SlackRequestOptions,
  sendSigned,
  team,
  userOf,
  VERIFICATION_TOKEN,
} from './slack-request-core.js';
import {
  type BlockActionInput,
  sendBlockAction,
  sendViewSubmission,
  type ViewSubmissionInput,
} from './slack-request-interactive.js';
import type { Json } from './slack-standin-types.js';

export {
  FORM,
  type PayloadContext,
  type SlackHttpResponse,
  type SlackRequestOptions,
  sendSigned,
  signSlackRequest,
  team,
  userOf,
  VERIFICATION_TOKEN,
} from './slack-request-core.js';
export {
  type ActionInput,
  type BlockActionInput,
  type BuiltPayload,
  blockActionPayload,
  sendBlockAction,
  sendInteractive,
  sendViewSubmission,
  type ViewSubmissionInput,
  viewSubmissionPayload,
} from './slack-request-interactive.js';

/** A slash command as typed by a user (default channel: the user's DM with the app). */
export interface CommandInput {
  command: string;
  text: string;
  userId: string;
  channelId?: string;
  teamId?: string;
}

/** Sends a slash command with every field of SLACK.md 2.1. */
export async function sendCommand(
  input: CommandInput,
  opts: SlackRequestOptions,
): Promise<SlackHttpResponse> {
  const { fields, responseUrl, triggerId } = commandFields(input, opts);
  const res = await sendSigned(new URLSearchParams(fields).toString(), FORM, opts);
  return { ...res, responseUrl, triggerId };
}

/** The form fields Slack sends for this command, with a fresh response_url and trigger_id. */
export function commandFields(
  input: CommandInput,
  opts: PayloadContext,
): { fields: Record<string, string>; responseUrl: string; triggerId: string } {
  const channelId = input.channelId ?? opts.standin.state.dmFor(input.userId);
  const responseUrl = opts.standin.newResponseUrl({ channelId, userId: input.userId });
  const triggerId = opts.standin.newTriggerId({ userId: input.userId });
  const t = team({ ...opts, teamId: input.teamId ?? opts.teamId });
  const fields = {
    token: VERIFICATION_TOKEN,
    team_id: t.id,
    team_domain: t.domain,
    channel_id: channelId,
    channel_name: channelName(opts, channelId),
    user_id: input.userId,
    user_name: String(userOf(opts, input.userId).name),
    command: input.command,
    text: input.text,
    api_app_id: opts.standin.identity.appId,
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: triggerId,
  };
  return { fields, responseUrl, triggerId };
}

/** Event delivery options: a retry carries X-Slack-Retry-Num / -Reason (SLACK.md 1.7). */
export interface EventOptions {
  retryNum?: number;
  retryReason?: string;
  eventId?: string;
}

let eventSeq = 0;

/** Sends an Events API `event_callback` (e.g. `{type: 'app_home_opened', user, tab: 'home'}`). */
export async function sendEvent(
  event: Json,
  opts: SlackRequestOptions,
  delivery: EventOptions = {},
): Promise<SlackHttpResponse> {
  const headers: Record<string, string> =
    delivery.retryNum === undefined
      ? {}
      : {
          'x-slack-retry-num': String(delivery.retryNum),
          'x-slack-retry-reason': delivery.retryReason ?? 'http_timeout',
        };
  return sendSigned(JSON.stringify(eventBody(event, opts, delivery)), 'application/json', opts, headers);
}

/** The `event_callback` body Slack sends for this event. */
export function eventBody(event: Json, opts: PayloadContext, delivery: EventOptions = {}): Json {
  const { identity } = opts.standin;
  const now = Date.now() / 1000;
  eventSeq += 1;
  const body = {
    token: VERIFICATION_TOKEN,
    team_id: team(opts).id,
    api_app_id: identity.appId,
    event: { event_ts: now.toFixed(6), ...event },
    type: 'event_callback',
    event_id: delivery.eventId ?? `Ev0STANDIN${String(eventSeq).padStart(6, '0')}`,
    event_time: Math.floor(now),
    authorizations: [
      {
        enterprise_id: null,
        team_id: team(opts).id,
        user_id: identity.botUserId,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
  };
  return body;
}

/** Functions bound to one app/stand-in; per-call overrides (timestamp, signature…) are merged in. */
export interface SlackRequester {
  sendCommand(input: CommandInput, overrides?: Partial<SlackRequestOptions>): Promise<SlackHttpResponse>;
  sendBlockAction(
    input: BlockActionInput,
    overrides?: Partial<SlackRequestOptions>,
  ): Promise<SlackHttpResponse>;
  sendViewSubmission(
    input: ViewSubmissionInput,
    overrides?: Partial<SlackRequestOptions>,
  ): Promise<SlackHttpResponse>;
  sendEvent(
    event: Json,
    delivery?: EventOptions,
    overrides?: Partial<SlackRequestOptions>,
  ): Promise<SlackHttpResponse>;
}

/** Binds the send functions to one app URL, signing secret and stand-in. */
export function createSlackRequester(base: SlackRequestOptions): SlackRequester {
  const o = (overrides?: Partial<SlackRequestOptions>) => ({ ...base, ...overrides });
  return {
    sendCommand: (input, overrides) => sendCommand(input, o(overrides)),
    sendBlockAction: (input, overrides) => sendBlockAction(input, o(overrides)),
    sendViewSubmission: (input, overrides) => sendViewSubmission(input, o(overrides)),
    sendEvent: (event, delivery, overrides) => sendEvent(event, o(overrides), delivery),
  };
}
