import type { Logger } from '@slack/bolt';
import { type RetryOptions, WebClient, type WebClientOptions } from '@slack/web-api';

// The SDK's own `retryPolicies.fiveRetriesInFiveMinutes` (its export is a getter that Node's ESM
// loader cannot import by name, so the same two numbers are written here).
const FIVE_RETRIES_IN_FIVE_MINUTES: RetryOptions = { retries: 5, factor: 3.86 };

import type { Config } from '../config.js';

/** Options shared by Bolt's client and ours: the API URL (a stand-in in tests) and the logger. */
export function webClientOptions(config: Config, logger: Logger): WebClientOptions {
  return {
    logger,
    ...(config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {}),
  };
}

/**
 * The Web API client the gateway and jobs use; retries and 429 pauses are the SDK's own. Retries give
 * up after about five minutes (not the SDK's default thirty), well inside the leases of scheduled work,
 * so a long Slack outage hands a send back to the queue instead of outliving its claim.
 */
export function createWebClient(
  config: Config,
  logger: Logger,
  retryConfig: RetryOptions = FIVE_RETRIES_IN_FIVE_MINUTES,
): WebClient {
  return new WebClient(config.slack.botToken, { ...webClientOptions(config, logger), retryConfig });
}
