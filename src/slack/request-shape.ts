import { z } from 'zod';

/**
 * The shape a signed request body must have before Bolt sees it.
 *
 * Bolt reads a few fields of every body before any listener runs (to tell its kind, its team, user
 * and conversation) and trusts their types: `payload=null` crashes the process, `event: "x"`,
 * `channel: null` or `actions: 5` answer 500, a body of no known kind is never acked (404 after
 * 3 s). These schemas hold exactly what those reads need, plus the ids our listeners cannot do
 * without; everything else passes through untouched (loose objects), so a field Slack adds never
 * turns a real request away.
 */
const record = z.record(z.string(), z.unknown());
const stringOrRecord = z.union([z.string(), record]);

// Bolt takes `event.user.id`, `event.channel.id` / `.creator`, `event.item.channel` and
// `event.subteam.created_by` wherever these are objects, so they may not be null or scalars.
const event = z
  .looseObject({
    type: z.string(),
    user: stringOrRecord.optional(),
    channel: stringOrRecord.optional(),
    item: record.optional(),
    subteam: record.optional(),
  })
  // Bolt builds complete()/fail() for a function_executed event before any listener, and throws
  // without its execution id.
  .refine((e) => e.type !== 'function_executed' || isId(e.function_execution_id), {
    message: 'function_executed without a function_execution_id',
    path: ['function_execution_id'],
  });

function isId(value: unknown): boolean {
  return typeof value === 'string' && value.length > 0;
}

/** Fields Bolt dereferences in any body that has them, whatever its kind. */
const boltFields = {
  event: event.optional(),
  actions: z.array(record).optional(),
  channel: record.optional(),
  team: record.nullable().optional(),
  enterprise: record.nullable().optional(),
  authorizations: z.array(record).optional(),
  response_urls: z.array(record).optional(),
  view: record.optional(),
  // Bolt's respond() posts to it.
  response_url: z.url().optional(),
  // Its execution id replaces the event's, and complete()/fail() are built from it (as above).
  function_data: z
    .looseObject({ execution_id: z.string().min(1) })
    .nullable()
    .optional(),
};

const user = z.looseObject({ id: z.string() });
const interactive = { ...boltFields, user };
const view = z.looseObject({ id: z.string().optional(), callback_id: z.string() });

const command = z.looseObject({
  ...boltFields,
  command: z.string().startsWith('/'),
  user_id: z.string(),
  // Slack sends it even when empty; listeners read it first thing.
  text: z.string(),
  // Slack always sends it with a command; Bolt gives listeners no respond() without it.
  response_url: z.url(),
  channel_id: z.string().optional(),
  team_id: z.string().optional(),
  trigger_id: z.string().optional(),
});

/** Interactive payloads and Events API bodies, by their `type`. */
const byType: Record<string, z.ZodType> = {
  event_callback: z.looseObject({ ...boltFields, event }),
  url_verification: z.looseObject({ challenge: z.string() }),
  block_actions: z.looseObject({ ...interactive, actions: z.array(record).min(1) }),
  interactive_message: z.looseObject({ ...interactive, actions: z.array(record).min(1) }),
  view_submission: z.looseObject({
    ...interactive,
    view: view.extend({ state: z.looseObject({ values: record }) }),
  }),
  view_closed: z.looseObject({ ...interactive, view }),
  block_suggestion: z.looseObject({ ...interactive, action_id: z.string(), block_id: z.string() }),
  shortcut: z.looseObject({ ...interactive, callback_id: z.string() }),
  message_action: z.looseObject({ ...interactive, callback_id: z.string(), channel: record }),
};

/** Why a parsed body is not a Slack request Passerelle can dispatch, or undefined when it is. */
export function requestShapeProblem(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return `the body is ${Array.isArray(body) ? 'an array' : typeof body === 'object' ? 'null' : `a ${typeof body}`}, not an object`;
  }
  const type = 'type' in body ? body.type : undefined;
  const schema = 'command' in body ? command : typeof type === 'string' ? byType[type] : undefined;
  if (schema === undefined) {
    return `unknown kind of request (type: ${typeof type === 'string' ? type.slice(0, 40) : typeof type})`;
  }
  const parsed = schema.safeParse(body);
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0];
  return `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`;
}
