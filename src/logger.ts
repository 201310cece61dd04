import { type Logger, LogLevel } from '@slack/bolt';
import pino, { type DestinationStream } from 'pino';

/**
 * Paths pino blanks out wherever they appear in a logged object: tokens and secrets must never reach
 * the logs, and neither may free-text feedback (check-in notes, evaluations).
 */
const redactPaths = [
  'token',
  '*.token',
  'botToken',
  '*.botToken',
  'appToken',
  'signingSecret',
  '*.signingSecret',
  'headers.authorization',
  '*.headers.authorization',
  'note',
  '*.note',
  'feedback',
  '*.feedback',
];

/** Creates the structured logger (pino) behind Bolt's Logger interface, so one logger serves app and Bolt. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const base = pino(
    {
      level,
      redact: { paths: redactPaths, censor: '[redacted]' },
      base: { app: 'passerelle' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination ?? pino.destination({ fd: 1, sync: false }),
  );
  return wrap(base);
}

/**
 * The Web API client logs, at debug, each request body and result as text: messages, modals and
 * Homes with what people wrote (check-in notes, private notes, evaluations, feedback). Kept: that
 * a call happened; dropped: what it carried.
 */
const PAYLOAD_LINE = /^(http request body|http request result):/;

function withoutPayload(text: string): string {
  const m = PAYLOAD_LINE.exec(text);
  return m ? `${m[1]}: [redacted]` : text;
}

function wrap(p: pino.Logger): Logger {
  const write =
    (method: 'debug' | 'info' | 'warn' | 'error') =>
    (...msg: unknown[]): void => {
      // Bolt logs every request at debug: skip the formatting when the level is off.
      if (!p.isLevelEnabled(method)) return;
      const [first, ...rest] = msg;
      // Bolt calls logger.x('text', obj…); pino wants (obj, 'text'): keep objects structured.
      if (typeof first === 'object' && first !== null && !(first instanceof Error)) {
        p[method](first, rest.map(String).join(' '));
      } else if (first instanceof Error) {
        p[method]({ err: first }, rest.map(String).join(' ') || first.message);
      } else {
        const objects = rest.filter((r) => typeof r === 'object' && r !== null);
        const texts = rest.filter((r) => typeof r !== 'object' || r === null).map(String);
        const text = withoutPayload([String(first), ...texts].join(' '));
        if (objects.length === 1 && objects[0] instanceof Error) p[method]({ err: objects[0] }, text);
        else if (objects.length > 0) p[method](Object.assign({}, ...objects), text);
        else p[method](text);
      }
    };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    // Bolt's receivers call setLevel(INFO) with their own default: LOG_LEVEL alone decides.
    setLevel: () => {},
    getLevel: () => (p.level as LogLevel) ?? LogLevel.INFO,
    // Bolt names its loggers after the app; every line already carries `app: passerelle`.
    setName: () => {},
  };
}

/** A logger that drops everything, for tests that do not look at logs. */
export function silentLogger(): Logger {
  return createLogger('silent');
}
