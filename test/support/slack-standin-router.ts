/**
 * HTTP side of the Slack stand-in: parses requests the way Slack receives them from WebClient
 * (form-urlencoded with JSON-encoded fields, or JSON; Bearer token), checks auth, applies
 * injected faults, dispatches to the method modules and records every call.
 * Routes: POST /api/<method>, POST /response/<id> (response_url), POST /upload/<fileId>.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { chatMethods, parseResponseBody, postToResponseUrl, tryJson } from './slack-standin-chat.js';
import { directoryMethods } from './slack-standin-directory.js';
import type { Faults } from './slack-standin-faults.js';
import { fileMethods, receiveUpload } from './slack-standin-files.js';
import type { MethodHandler, StandinState } from './slack-standin-state.js';
import {
  type ApiResult,
  isObject,
  type Json,
  type RecordedCall,
  type RecordedResponse,
} from './slack-standin-types.js';
import { viewMethods } from './slack-standin-views.js';

/** Form fields Slack receives JSON-encoded (WebClient stringifies objects/arrays). */
const JSON_FIELDS = ['blocks', 'attachments', 'view', 'files', 'metadata', 'user_auth_blocks'];

const METHODS: Record<string, MethodHandler> = {
  ...directoryMethods,
  ...chatMethods,
  ...viewMethods,
  ...fileMethods,
};

/** What the router needs from the stand-in. */
export interface RouterDeps {
  state: StandinState;
  faults: Faults;
  calls: RecordedCall[];
  responses: RecordedResponse[];
  now: () => number;
  baseUrl: () => string;
  /** `apps.connections.open`, answered with the app-level token of the Authorization header. */
  connectionsOpen: (headerToken: string | undefined) => ApiResult;
  /** The Slack error for this token (`not_authed`, `invalid_auth`, `token_revoked`), or undefined when valid. */
  authError: (token: string | undefined) => string | undefined;
}

/** Builds the node:http request listener of the stand-in. */
export function createRouter(deps: RouterDeps): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(Buffer.from(chunk));
    const raw = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', deps.baseUrl());
    const [, kind, id] = url.pathname.split('/');
    if (kind === 'api' && id !== undefined) return handleApi(deps, id, req, raw, url, res);
    if (kind === 'response' && id !== undefined) return handleResponseUrl(deps, id, raw, res);
    if (kind === 'upload' && id !== undefined) return handleUpload(deps, id, req, raw, res);
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  };
}

function handleApi(
  deps: RouterDeps,
  method: string,
  req: IncomingMessage,
  raw: Buffer,
  url: URL,
  res: ServerResponse,
) {
  const args = parseArgs(req.headers['content-type'] ?? '', raw.toString('utf8'), url);
  const header = req.headers.authorization;
  const bodyToken = typeof args.token === 'string' ? args.token : undefined;
  const token = header?.startsWith('Bearer ') ? header.slice(7) : bodyToken;
  // Tokens are not part of what tests assert on; keep them out of the recorded args.
  delete args.token;
  const call: RecordedCall = { method, args, at: deps.now(), token };
  deps.calls.push(call);
  const send = (status: number, body: ApiResult | string, headers: Record<string, string> = {}) => {
    call.status = status;
    call.ok = typeof body !== 'string' && body.ok;
    if (typeof body !== 'string' && !body.ok) call.error = body.error;
    const type = typeof body === 'string' ? 'text/plain' : 'application/json; charset=utf-8';
    res.writeHead(status, { 'content-type': type, ...headers });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  };
  if (method === 'apps.connections.open') {
    // An app-level token, and only from the header: Slack refuses it as a POST param (SLACK.md 2.12).
    return send(200, deps.connectionsOpen(header?.startsWith('Bearer ') ? header.slice(7) : undefined));
  }
  const authError = deps.authError(token);
  if (authError !== undefined) return send(200, { ok: false, error: authError });
  const fault = deps.faults.check(method, args);
  if (fault?.kind === 'ratelimited') {
    const retryAfter = String(fault.retryAfterSeconds);
    return send(429, { ok: false, error: 'ratelimited' }, { 'retry-after': retryAfter });
  }
  if (fault?.kind === 'http') return send(fault.status, fault.body);
  if (fault?.kind === 'platform') return send(200, { ok: false, error: fault.error, ...fault.extra });
  const handler = METHODS[method];
  if (handler === undefined) return send(200, { ok: false, error: 'unknown_method' });
  send(200, handler({ state: deps.state, args, baseUrl: deps.baseUrl() }));
}

function handleResponseUrl(deps: RouterDeps, id: string, raw: Buffer, res: ServerResponse): void {
  const body = parseResponseBody(raw.toString('utf8'));
  const fault = deps.faults.check('response_url');
  const answer =
    fault?.kind === 'http'
      ? { status: fault.status, body: { ok: false, error: fault.body } }
      : postToResponseUrl(deps.state, id, body);
  const error = answer.body.ok === false ? String(answer.body.error) : undefined;
  deps.responses.push({ id, body, at: deps.now(), status: answer.status, ...(error ? { error } : {}) });
  res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
}

async function handleUpload(
  deps: RouterDeps,
  id: string,
  req: IncomingMessage,
  raw: Buffer,
  res: ServerResponse,
) {
  let content = raw;
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('multipart/form-data')) {
    // WebClient sends the bytes as a multipart file field; let the fetch Request parse it.
    const request = new Request(deps.baseUrl(), {
      method: 'POST',
      headers: { 'content-type': type },
      body: raw,
    });
    const form = await request.formData();
    const part = [...form.values()].find((v) => typeof v !== 'string');
    content =
      part === undefined || typeof part === 'string'
        ? Buffer.alloc(0)
        : Buffer.from(await part.arrayBuffer());
  }
  const answer = receiveUpload(deps.state, id, content);
  res.writeHead(answer.status, { 'content-type': 'text/plain' }).end(answer.body);
}

/** Parses Web API args: form fields (JSON fields decoded) or a JSON body, plus query params. */
export function parseArgs(contentType: string, raw: string, url: URL): Json {
  const args: Json = Object.fromEntries(url.searchParams);
  if (contentType.includes('application/json')) {
    const parsed = tryJson(raw);
    return isObject(parsed) ? { ...args, ...parsed } : args;
  }
  for (const [k, v] of new URLSearchParams(raw)) args[k] = v;
  for (const key of JSON_FIELDS) {
    const v = args[key];
    if (typeof v !== 'string') continue;
    // Undecodable JSON stays a string; the methods answer it like Slack (invalid_blocks_format…).
    const parsed = tryJson(v);
    if (parsed !== undefined) args[key] = parsed;
  }
  return args;
}
