/**
 * Interactivity payloads of the signed-request client: `block_actions` and `view_submission`,
 * sent as the form field `payload` (SLACK.md 2.4–2.6), with views and messages filled in from
 * the stand-in's state so the app sees what Slack would send.
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
import type { SlackStandin } from './slack-standin.js';
import { isObject, type Json } from './slack-standin-types.js';

/** One action of a block_actions payload (extra keys such as selected_option pass through). */
export interface ActionInput {
  action_id: string;
  block_id: string;
  type?: string;
  value?: string;
  [key: string]: unknown;
}

/** A click/selection in a message (give `message`, usually `{ts}` + `channelId`) or a view (`view.id`). */
export interface BlockActionInput {
  userId: string;
  actions: ActionInput[];
  container?: Json;
  /** The message the action is in; a `ts` the stand-in knows is filled in from its state. */
  message?: Json;
  /** The modal or Home the action is in; an `id` the stand-in knows is filled in from its state. */
  view?: Json;
  channelId?: string;
  /** `state.values` of the surface (defaults to the view's). */
  state?: Json;
}

/** A built interaction payload, with the trigger_id / response_url it carries. */
export interface BuiltPayload {
  payload: Json;
  triggerId: string;
  responseUrl?: string;
  /** The modal a view_submission came from. */
  viewId?: string;
}

/** Sends a `block_actions` interaction as the form field `payload`. */
export async function sendBlockAction(
  input: BlockActionInput,
  opts: SlackRequestOptions,
): Promise<SlackHttpResponse> {
  const { payload, triggerId, responseUrl } = blockActionPayload(input, opts);
  const res = await sendInteractive(payload, opts);
  return { ...res, triggerId, ...(responseUrl !== undefined ? { responseUrl } : {}) };
}

/** Posts any interaction payload (shortcut, view_closed, block_suggestion…) as Slack does. */
export function sendInteractive(payload: unknown, opts: SlackRequestOptions): Promise<SlackHttpResponse> {
  return sendSigned(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), FORM, opts);
}

/** The `block_actions` payload Slack would send for this click, filled in from the stand-in. */
export function blockActionPayload(input: BlockActionInput, opts: PayloadContext): BuiltPayload {
  const { standin } = opts;
  const actionTs = (Date.now() / 1000).toFixed(6);
  const view = input.view !== undefined ? fullView(standin, input.view) : undefined;
  const viewId = typeof view?.id === 'string' ? view.id : undefined;
  const triggerId = standin.newTriggerId({ userId: input.userId, viewId });
  const payload: Json = {
    type: 'block_actions',
    user: userOf(opts, input.userId),
    api_app_id: standin.identity.appId,
    token: VERIFICATION_TOKEN,
    trigger_id: triggerId,
    team: team(opts),
    enterprise: null,
    is_enterprise_install: false,
    actions: input.actions.map((a) => ({
      type: a.selected_option !== undefined ? 'static_select' : 'button',
      ...a,
      action_ts: actionTs,
    })),
  };
  let responseUrl: string | undefined;
  if (input.message !== undefined) {
    const channelId =
      input.channelId ?? (typeof input.message.channel === 'string' ? input.message.channel : '');
    const ts = typeof input.message.ts === 'string' ? input.message.ts : '';
    const stored = standin.message(channelId, ts);
    const message =
      stored === undefined ? input.message : { ...storedMessageJson(standin, stored), ...input.message };
    // An action from a message carries a response_url; one from a view does not (SLACK.md 8.12).
    responseUrl = standin.newResponseUrl({ channelId, userId: input.userId, messageTs: ts });
    Object.assign(payload, {
      container: input.container ?? {
        type: 'message',
        message_ts: ts,
        channel_id: channelId,
        is_ephemeral: !stored,
      },
      channel: { id: channelId, name: channelName(opts, channelId) },
      message,
      response_url: responseUrl,
      state: { values: input.state ?? {} },
    });
  } else if (view !== undefined) {
    const values = input.state ?? (isObject(view.state) ? view.state.values : {});
    Object.assign(payload, {
      container: input.container ?? { type: 'view', view_id: viewId },
      view: { ...view, state: { values } },
      state: { values },
    });
  } else {
    Object.assign(payload, { container: input.container ?? {} });
  }
  return { payload, triggerId, ...(responseUrl !== undefined ? { responseUrl } : {}) };
}

function storedMessageJson(
  standin: SlackStandin,
  m: { ts: string; text?: string; blocks?: unknown[] },
): Json {
  const { identity } = standin;
  return {
    type: 'message',
    ts: m.ts,
    text: m.text ?? '',
    user: identity.botUserId,
    bot_id: identity.botId,
    app_id: identity.appId,
    team: identity.teamId,
    ...(m.blocks !== undefined ? { blocks: m.blocks } : {}),
  };
}

/** The full view object Slack would send: the stand-in's stored view with the given fields on top. */
function fullView(standin: SlackStandin, given: Json): Json {
  const stored = typeof given.id === 'string' ? standin.view(given.id)?.view : undefined;
  return { type: 'modal', blocks: [], private_metadata: '', callback_id: '', ...stored, ...given };
}

/** A form submission: what the user typed is in `view.state.values`. */
export interface ViewSubmissionInput {
  userId: string;
  view: {
    callback_id?: string;
    private_metadata?: string;
    state: { values: Json };
    id?: string;
    hash?: string;
  };
  /** Apply the ack to the stand-in's view stack (close, update, push, errors). Default true. */
  applyAck?: boolean;
}

/** Sends a `view_submission`; the ack is applied to the stand-in like Slack would. */
export async function sendViewSubmission(
  input: ViewSubmissionInput,
  opts: SlackRequestOptions,
): Promise<SlackHttpResponse> {
  const { standin } = opts;
  const { payload, triggerId, viewId } = viewSubmissionPayload(input, opts);
  const res = await sendInteractive(payload, opts);
  if (input.applyAck !== false && viewId !== undefined && res.status === 200 && standin.view(viewId)) {
    standin.applyViewSubmissionAck(viewId, res.body === '' ? undefined : res.json());
  }
  return { ...res, triggerId };
}

/** The `view_submission` payload of this form, its view filled in from the stand-in. */
export function viewSubmissionPayload(input: ViewSubmissionInput, opts: PayloadContext): BuiltPayload {
  const { standin } = opts;
  const view = fullView(standin, { ...input.view });
  const viewId = typeof view.id === 'string' ? view.id : undefined;
  const triggerId = standin.newTriggerId({ userId: input.userId, viewId });
  const payload: Json = {
    type: 'view_submission',
    team: team(opts),
    user: userOf(opts, input.userId),
    api_app_id: standin.identity.appId,
    token: VERIFICATION_TOKEN,
    trigger_id: triggerId,
    view,
    response_urls: [],
    enterprise: null,
    is_enterprise_install: false,
  };
  return { payload, triggerId, ...(viewId !== undefined ? { viewId } : {}) };
}
