/**
 * Random and malformed Slack requests for the fuzz test, from a seeded generator so a failure can
 * be replayed (same seed, same requests). Each case starts from what Slack really sends (the
 * payload builders of slack-request*.ts) and is then, often, broken: fields removed, replaced by
 * values of another type, huge, or odd keys added. Plain module (no vitest).
 */

import { mutate, type Prng, randomString, randomValue } from './fuzz-random.js';
import {
  blockActionPayload,
  commandFields,
  eventBody,
  FORM,
  type PayloadContext,
  team,
  userOf,
  viewSubmissionPayload,
} from './slack-request.js';
import type { Json } from './slack-standin-types.js';

/** One request to send, and what the test may expect of its answer. */
export interface FuzzCase {
  kind: string;
  body: string;
  contentType: string;
  signature: 'valid' | 'bad' | 'stale';
  /** A well-formed interaction or event that nothing handles: to be acked (200) within a second. */
  unknown: boolean;
}

const KNOWN_COMMANDS = ['/passerelle', '/mission-start', '/missions', '/checkin'];
const KNOWN_ACTIONS = ['onboarding.toggle', 'checkin_open', 'missions.admin.menu'];
const KNOWN_VIEWS = [
  'missions.start',
  'checkin_submit',
  'missions.admin.dates',
  'missions.admin.reassign',
  'missions.admin.cancel',
];
const KNOWN_EVENTS = ['app_home_opened', 'user_change'];
const form = (payload: unknown) => new URLSearchParams({ payload: JSON.stringify(payload) }).toString();

/** The next random request. `users` are people the stand-in knows (the rest are strangers). */
export function fuzzCase(rng: Prng, ctx: PayloadContext, users: readonly string[]): FuzzCase {
  const userId = rng.chance(0.7) ? rng.pick(users) : `U${rng.int(1e9)}`;
  const signature = rng.chance(0.04) ? 'bad' : rng.chance(0.02) ? 'stale' : 'valid';
  const broken = rng.chance(0.5);
  const base = { signature, unknown: false } as const;
  const roll = rng.next();
  if (roll < 0.2) {
    const known = rng.chance(0.7);
    const command = known ? rng.pick(KNOWN_COMMANDS) : rng.pick(['/fuzz', '/', '', randomString(rng)]);
    const { fields } = commandFields({ command, text: randomString(rng), userId }, ctx);
    if (!broken) {
      const unknown = !KNOWN_COMMANDS.includes(command) && command.startsWith('/');
      return {
        ...base,
        kind: `command ${known ? command : 'unknown'}`,
        body: new URLSearchParams(fields).toString(),
        contentType: FORM,
        unknown,
      };
    }
    const params = new URLSearchParams(
      Object.entries(mutate(rng, fields)).map(([k, v]): [string, string] => [
        k,
        typeof v === 'string' ? v : JSON.stringify(v),
      ]),
    );
    if (rng.chance(0.3))
      params.append(rng.pick(['command', 'text', 'user_id', 'event', 'payload']), randomString(rng));
    return { ...base, kind: 'command broken', body: params.toString(), contentType: FORM };
  }
  if (roll < 0.65) {
    const { payload, kind, handled } = interaction(rng, ctx, userId);
    const body = broken ? mutate(rng, payload) : payload;
    return {
      ...base,
      kind: `${kind}${broken ? ' broken' : ''}`,
      body: form(body),
      contentType: FORM,
      unknown: !broken && !handled,
    };
  }
  if (roll < 0.85) {
    const type = rng.chance(0.6)
      ? rng.pick(KNOWN_EVENTS)
      : rng.pick(['reaction_added', 'message', 'fuzz_event', 'function_executed']);
    const event: Json = {
      type,
      user: type === 'user_change' ? { id: userId, tz: randomString(rng) } : userId,
      tab: 'home',
      channel: `D${rng.int(1e6)}`,
      ...(type === 'function_executed' ? { function_execution_id: `Fx${rng.int(1e6)}`, inputs: {} } : {}),
    };
    const body = eventBody(event, ctx);
    const unknown = !broken && !KNOWN_EVENTS.includes(type);
    return {
      ...base,
      kind: `event ${type}${broken ? ' broken' : ''}`,
      body: JSON.stringify(broken ? mutate(rng, body) : body),
      contentType: 'application/json',
      unknown,
    };
  }
  return { ...base, ...malformed(rng) };
}

function interaction(
  rng: Prng,
  ctx: PayloadContext,
  userId: string,
): { payload: Json; kind: string; handled: boolean } {
  const common = {
    team: team(ctx),
    user: userOf(ctx, userId),
    api_app_id: ctx.standin.identity.appId,
    token: 'x',
  };
  switch (rng.int(6)) {
    case 0:
    case 1: {
      const known = rng.chance(0.5);
      const url = !known && rng.chance(0.3);
      const actionId = known ? rng.pick(KNOWN_ACTIONS) : `fuzz.${rng.int(1000)}`;
      const action = {
        action_id: actionId,
        block_id: 'b',
        value: randomString(rng),
        ...(url ? { url: 'https://example.com' } : {}),
      };
      const where = rng.chance(0.5)
        ? { message: { ts: `${1700000000 + rng.int(1e6)}.000100`, channel: 'D0FUZZ' }, channelId: 'D0FUZZ' }
        : { view: { id: `V${rng.int(1e6)}` } };
      const { payload } = blockActionPayload({ userId, actions: [action], ...where }, ctx);
      return {
        payload,
        kind: `block_actions ${url ? 'url button' : known ? actionId : 'unknown'}`,
        handled: known,
      };
    }
    case 2: {
      const known = rng.chance(0.6);
      const callbackId = known ? rng.pick(KNOWN_VIEWS) : `fuzz.view.${rng.int(1000)}`;
      const values = {
        [rng.pick(['title', 'score', 'start', 'b'])]: {
          a: { type: 'plain_text_input', value: randomString(rng) },
        },
      };
      const { payload } = viewSubmissionPayload(
        {
          userId,
          view: {
            id: `V${rng.int(1e6)}`,
            callback_id: callbackId,
            private_metadata: randomString(rng),
            state: { values },
          },
        },
        ctx,
      );
      return { payload, kind: `view_submission ${known ? callbackId : 'unknown'}`, handled: known };
    }
    case 3:
      return {
        payload: {
          ...common,
          type: 'view_closed',
          view: { id: 'V1', callback_id: rng.pick(KNOWN_VIEWS), type: 'modal' },
          is_cleared: false,
        },
        kind: 'view_closed',
        handled: false,
      };
    case 4:
      return {
        payload: {
          ...common,
          type: 'block_suggestion',
          action_id: `fuzz.select.${rng.int(100)}`,
          block_id: 'b',
          value: randomString(rng),
        },
        kind: 'block_suggestion',
        handled: false,
      };
    default: {
      const type = rng.pick(['shortcut', 'message_action']);
      const extra =
        type === 'message_action'
          ? { channel: { id: 'C0FUZZ', name: 'general' }, message: { ts: '1.2', text: 'x' } }
          : {};
      return {
        payload: { ...common, ...extra, type, callback_id: `fuzz.shortcut.${rng.int(100)}`, trigger_id: 't' },
        kind: type,
        handled: false,
      };
    }
  }
}

function malformed(rng: Prng): Omit<FuzzCase, 'signature' | 'unknown'> {
  const type = rng.pick([
    FORM,
    'application/json',
    'text/plain',
    'application/json; charset=utf-8',
    'multipart/form-data; boundary=x',
    '',
  ]);
  switch (rng.int(8)) {
    case 0:
      return {
        kind: 'url_verification',
        body: JSON.stringify({
          type: 'url_verification',
          token: 'x',
          challenge: rng.chance(0.7) ? randomString(rng) : randomValue(rng),
        }),
        contentType: 'application/json',
      };
    case 1:
      return {
        kind: 'ssl_check',
        body: `ssl_check=1&token=x&${rng.chance(0.5) ? `payload=${encodeURIComponent(randomString(rng))}` : ''}`,
        contentType: FORM,
      };
    case 2:
      return {
        kind: 'app_rate_limited',
        body: JSON.stringify({
          type: 'app_rate_limited',
          team_id: 'T0STANDIN',
          minute_rate_limited: 1518467820,
        }),
        contentType: 'application/json',
      };
    case 3:
      return {
        kind: 'payload not JSON',
        body: `payload=${encodeURIComponent(randomString(rng))}`,
        contentType: FORM,
      };
    case 4:
      return { kind: 'payload any JSON', body: form(randomValue(rng)), contentType: FORM };
    case 5:
      return {
        kind: 'JSON body of any kind',
        body: JSON.stringify(randomValue(rng)) ?? 'null',
        contentType: type,
      };
    case 6:
      return { kind: 'garbage', body: randomString(rng), contentType: type };
    default:
      return { kind: 'empty body', body: '', contentType: type };
  }
}
