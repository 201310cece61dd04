/**
 * views.* methods of the stand-in (SLACK.md 3): trigger_id checks (single use, 3 s), modal
 * stacks (≤3 views), hash conflicts, Home publishing, and what a view_submission ack does.
 */
import { checkView, MAX_VIEW_BYTES, toSlackMessages } from './block-kit-limits.js';
import type { MethodHandler, StandinState } from './slack-standin-state.js';
import { type ApiResult, fail, isObject, type Json, type StandinView, str } from './slack-standin-types.js';

const TRIGGER_TTL_MS = 3000;
const TRIGGER_SHAPE = /^\d+\.\d+\.[0-9a-f]+$/;
const MAX_STACK = 3;

function invalidArguments(messages: string[]): ApiResult {
  return fail('invalid_arguments', { response_metadata: { messages } });
}

/** Checks the `view` arg: present, an object, ≤250 kB, valid schema, of the expected type. */
function viewArg(view: unknown, type?: 'modal' | 'home'): { view: Json } | { error: ApiResult } {
  if (view === undefined) return { error: invalidArguments(['[ERROR] missing required field: view']) };
  if (!isObject(view))
    return { error: invalidArguments(['[ERROR] must provide an object [json-pointer:/view]']) };
  if (Buffer.byteLength(JSON.stringify(view)) > MAX_VIEW_BYTES) return { error: fail('view_too_large') };
  const violations = checkView(view);
  if (violations.length > 0) return { error: invalidArguments(toSlackMessages(violations)) };
  if (type !== undefined && view.type !== type) {
    return { error: invalidArguments([`[ERROR] must be ${type} [json-pointer:/view/type]`]) };
  }
  return { view };
}

/** Validates a trigger (format, known, unused, fresh) without consuming it. */
function checkTrigger(state: StandinState, args: Json): ApiResult | undefined {
  const id = str(args, 'trigger_id') ?? str(args, 'interactivity_pointer');
  if (id === undefined) return invalidArguments(['[ERROR] missing required field: trigger_id']);
  const t = state.triggers.get(id);
  if (!TRIGGER_SHAPE.test(id) || t === undefined) return fail('invalid_trigger_id');
  if (t.used) return fail('exchanged_trigger_id');
  if (state.now() - t.issuedAt > TRIGGER_TTL_MS) return fail('expired_trigger_id');
  return undefined;
}

/** Keeps input values whose block_id/action_id survive an update (SLACK.md 8.13). */
function keptValues(old: Json | undefined, blocks: unknown): Json {
  const values: Json = {};
  const oldValues = isObject(old?.state) && isObject(old.state.values) ? old.state.values : {};
  if (!Array.isArray(blocks)) return values;
  for (const b of blocks) {
    if (!isObject(b) || typeof b.block_id !== 'string' || !isObject(b.element)) continue;
    const prev = oldValues[b.block_id];
    const actionId = b.element.action_id;
    if (isObject(prev) && typeof actionId === 'string' && prev[actionId] !== undefined) {
      values[b.block_id] = { [actionId]: prev[actionId] };
    }
  }
  return values;
}

/** Stores a view the way Slack returns it (ids, hash, defaults filled in). */
function storeView(
  state: StandinState,
  input: Json,
  place: { id?: string; userId: string | undefined; rootViewId?: string; previousViewId: string | null },
  previous?: StandinView,
): StandinView {
  const id = place.id ?? state.nextId('V');
  const hash = state.nextHash();
  const externalId = str(input, 'external_id') ?? previous?.externalId;
  const { identity } = state;
  const view: Json = {
    id,
    team_id: identity.teamId,
    app_id: identity.appId,
    app_installed_team_id: identity.teamId,
    bot_id: identity.botId,
    callback_id: '',
    private_metadata: '',
    external_id: externalId ?? '',
    clear_on_close: false,
    notify_on_close: false,
    close: null,
    submit: null,
    ...input,
    state: { values: keptValues(previous?.view, input.blocks) },
    hash,
    root_view_id: place.rootViewId ?? id,
    previous_view_id: place.previousViewId,
  };
  const stored: StandinView = {
    id,
    userId: place.userId,
    hash,
    externalId,
    rootViewId: place.rootViewId ?? id,
    previousViewId: place.previousViewId,
    view,
    closed: false,
  };
  state.views.set(id, stored);
  return stored;
}

function consumeTrigger(state: StandinState, args: Json) {
  const t = state.triggers.get(str(args, 'trigger_id') ?? str(args, 'interactivity_pointer') ?? '');
  if (t !== undefined) t.used = true;
  return t;
}

function duplicateExternalId(state: StandinState, view: Json): boolean {
  const ext = str(view, 'external_id');
  return ext !== undefined && state.findView(undefined, ext) !== undefined;
}

/** The views.* methods, by Slack method name. */
export const viewMethods: Record<string, MethodHandler> = {
  'views.open': ({ state, args }) => {
    const arg = viewArg(args.view, 'modal');
    if ('error' in arg) return arg.error;
    const { view } = arg;
    const err = checkTrigger(state, args);
    if (err !== undefined) return err;
    if (duplicateExternalId(state, view)) return fail('duplicate_external_id');
    const t = consumeTrigger(state, args);
    const stored = storeView(state, view, { userId: t?.userId, previousViewId: null });
    return { ok: true, view: stored.view };
  },

  'views.push': ({ state, args }) => {
    const arg = viewArg(args.view, 'modal');
    if ('error' in arg) return arg.error;
    const { view } = arg;
    const err = checkTrigger(state, args);
    if (err !== undefined) return err;
    const t = state.triggers.get(str(args, 'trigger_id') ?? str(args, 'interactivity_pointer') ?? '');
    // The trigger must come from an interaction inside an open modal (SLACK.md 3.3).
    const from = t?.viewId !== undefined ? state.views.get(t.viewId) : undefined;
    if (from === undefined || from.closed || from.view.type !== 'modal') return fail('not_found');
    const stack = state.stackOf(from.rootViewId);
    if (stack.length >= MAX_STACK) return fail('push_limit_reached');
    consumeTrigger(state, args);
    const top = stack[stack.length - 1] ?? from;
    const placed = { userId: from.userId, rootViewId: from.rootViewId, previousViewId: top.id };
    return { ok: true, view: storeView(state, view, placed).view };
  },

  'views.update': ({ state, args }) => {
    const viewId = str(args, 'view_id');
    const externalId = str(args, 'external_id');
    if (viewId === undefined && externalId === undefined) {
      return invalidArguments(['[ERROR] must provide view_id or external_id']);
    }
    const arg = viewArg(args.view);
    if ('error' in arg) return arg.error;
    const { view } = arg;
    const current = state.findView(viewId, externalId);
    if (current === undefined || current.closed) return fail('not_found');
    const hash = str(args, 'hash');
    if (hash !== undefined && hash !== current.hash) return fail('hash_conflict');
    if (view.type !== current.view.type) return invalidArguments(['[ERROR] cannot change view type']);
    const place = {
      id: current.id,
      userId: current.userId,
      rootViewId: current.rootViewId,
      previousViewId: current.previousViewId,
    };
    return { ok: true, view: storeView(state, view, place, current).view };
  },

  'views.publish': ({ state, args }) => {
    const userId = str(args, 'user_id');
    if (userId === undefined) return invalidArguments(['[ERROR] missing required field: user_id']);
    const arg = viewArg(args.view, 'home');
    if ('error' in arg) return arg.error;
    const { view } = arg;
    if (!state.users.has(userId)) return fail('user_not_found');
    const currentId = state.homes.get(userId);
    const current = currentId !== undefined ? state.views.get(currentId) : undefined;
    const hash = str(args, 'hash');
    if (hash !== undefined && current !== undefined && hash !== current.hash) return fail('hash_conflict');
    const place = { id: currentId, userId, previousViewId: null };
    const stored = storeView(state, view, place, current);
    state.homes.set(userId, stored.id);
    return { ok: true, view: stored.view };
  },
};

/** Closes a modal: the view itself, or with `wholeStack` every view of its stack. */
export function closeView(state: StandinState, viewId: string, wholeStack = false): void {
  const v = state.views.get(viewId);
  if (v === undefined) return;
  const targets = wholeStack ? state.stackOf(v.rootViewId) : [v];
  for (const t of targets) t.closed = true;
}

/**
 * Applies a view_submission ack the way Slack does (SLACK.md 3.7–3.8) and returns the problems
 * Slack would refuse it for (empty when fine): errors keyed by non-input block ids, invalid views…
 */
export function applySubmissionAck(state: StandinState, viewId: string, ack: unknown): string[] {
  const v = state.views.get(viewId);
  if (v === undefined || v.closed) return [`view ${viewId} is not open`];
  if (ack === undefined || ack === '' || (isObject(ack) && Object.keys(ack).length === 0)) {
    closeView(state, viewId);
    return [];
  }
  if (!isObject(ack)) return ['ack body must be a JSON object'];
  switch (ack.response_action) {
    case 'clear':
      closeView(state, viewId, true);
      return [];
    case 'errors': {
      if (!isObject(ack.errors)) return ['response_action errors needs an errors object'];
      const inputIds = new Set(
        (Array.isArray(v.view.blocks) ? v.view.blocks : [])
          .filter((b): b is Json => isObject(b) && b.type === 'input' && typeof b.block_id === 'string')
          .map((b) => b.block_id),
      );
      return Object.entries(ack.errors).flatMap(([k, msg]) => [
        ...(inputIds.has(k) ? [] : [`errors key ${k} is not the block_id of an input block`]),
        ...(typeof msg === 'string' ? [] : [`errors.${k} must be a string`]),
      ]);
    }
    case 'update':
    case 'push': {
      const arg = viewArg(ack.view, 'modal');
      if ('error' in arg) return [JSON.stringify(arg.error)];
      const { view } = arg;
      if (ack.response_action === 'update') {
        const place = {
          id: v.id,
          userId: v.userId,
          rootViewId: v.rootViewId,
          previousViewId: v.previousViewId,
        };
        storeView(state, view, place, v);
        return [];
      }
      if (state.stackOf(v.rootViewId).length >= MAX_STACK) return ['push_limit_reached'];
      storeView(state, view, { userId: v.userId, rootViewId: v.rootViewId, previousViewId: v.id });
      return [];
    }
    default:
      return [`unknown response_action ${String(ack.response_action)}`];
  }
}
