/**
 * The app's own logger (pino behind Bolt's interface) writing into an array instead of stdout, for
 * tests that check what is logged and at which level.
 */
import type { Logger } from '@slack/bolt';
import { createLogger } from '../../src/logger.js';

/** One parsed log line: pino's numeric level (20 debug, 30 info, 40 warn, 50 error) and message. */
export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

/** A debug-level logger and the lines it wrote so far. */
export function capturedLogger(): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const logger = createLogger('debug', {
    write(line: string) {
      lines.push(JSON.parse(line) as LogLine);
    },
  });
  return { logger, lines };
}
