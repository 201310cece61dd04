import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type BufferedIncomingMessage,
  defaultBodyLimit,
  HTTPModuleFunctions,
  type HTTPReceiver,
  type Logger,
} from '@slack/bolt';
import { requestShapeProblem } from './request-shape.js';

const { buildNoBodyResponse, isRawBodyError } = HTTPModuleFunctions;

/** What the guard needs: the receiver's endpoint and signing secret, and where to log refusals. */
export interface GuardOptions {
  endpoint: string;
  signingSecret: string;
  logger: Logger;
}

/**
 * Puts a check of every signed request body in front of Bolt's HTTPReceiver: a body Bolt would
 * crash on, answer 500 to, or never ack (see request-shape.ts) is answered 400 at once and logged;
 * the rest goes on to Bolt as it came. The guard verifies the signature with Bolt's own function
 * first and answers 401 as Bolt does, so an unsigned request learns nothing of the check (the
 * receiver is built with Bolt's own verification off: one HMAC per request). Bolt reuses the body
 * buffered here (it only reads a request's stream when it has no `rawBody` yet).
 */
export function guardReceiver(receiver: HTTPReceiver, options: GuardOptions): void {
  const bolt = receiver.requestListener;
  receiver.requestListener = (req, res) => {
    let path: string;
    try {
      path = new URL(req.url ?? '/', 'http://localhost').pathname;
    } catch {
      // Bolt parses the URL the same way, outside its error handling: it would answer 500.
      buildNoBodyResponse(res, 400);
      return;
    }
    if (req.method !== 'POST' || path !== options.endpoint) {
      bolt(req, res);
      return;
    }
    screen(req, res, options)
      .then((screened) => {
        if (screened) bolt(screened, res);
      })
      .catch((err: unknown) => {
        options.logger.error('request guard failed', err);
        if (!res.headersSent) buildNoBodyResponse(res, 500);
      });
  };
}

/** The request to hand to Bolt, or undefined when it has been answered here. */
async function screen(
  req: IncomingMessage,
  res: ServerResponse,
  { signingSecret, logger }: GuardOptions,
): Promise<IncomingMessage | undefined> {
  let buffered: BufferedIncomingMessage;
  try {
    buffered = await HTTPModuleFunctions.parseAndVerifyHTTPRequest(
      { signingSecret, bodyLimit: defaultBodyLimit },
      req,
    );
  } catch (err) {
    if (isRawBodyError(err)) {
      buildNoBodyResponse(res, err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 400);
      return undefined;
    }
    // A bad, stale or missing signature: 401 with no body, as Bolt answers it.
    logger.info(`refused a Slack request: ${err instanceof Error ? err.message : String(err)}`);
    buildNoBodyResponse(res, 401);
    return undefined;
  }
  let body: unknown;
  try {
    body = HTTPModuleFunctions.parseHTTPRequestBody(buffered);
  } catch {
    return refuse(res, logger, 'the body is not valid JSON');
  }
  if (isObject(body) && body.ssl_check === '1') return buffered;
  if (isObject(body) && body.type === 'app_rate_limited') {
    // Slack tells us it is dropping our events; Bolt has no kind for this body and would never ack.
    logger.warn('Slack is rate-limiting the events sent to this app', {
      minuteRateLimited: body.minute_rate_limited,
    });
    buildNoBodyResponse(res, 200);
    return undefined;
  }
  const problem = requestShapeProblem(body);
  return problem === undefined ? buffered : refuse(res, logger, problem);
}

function refuse(res: ServerResponse, logger: Logger, problem: string): undefined {
  logger.warn(`refused a signed Slack request: ${problem}`);
  buildNoBodyResponse(res, 400);
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
