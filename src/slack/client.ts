import type { Logger } from '@slack/bolt';
// Default import: `retryPolicies` is a getter on the CommonJS exports, which Node's ESM loader cannot
// import by name.
import webApi, { type RetryOptions, WebClient, type WebClientOptions } from '@slack/web-api';
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
 * up after about five minutes (not the SDK's default thirty), inside the 15-minute leases of
 * check-in claims and jobs, so a long Slack outage hands a send back to the queue instead of
 * outliving its claim (and being sent again by whoever takes the claim over).
 */
export function createWebClient(
  config: Config,
  logger: Logger,
  retryConfig: RetryOptions = webApi.retryPolicies.fiveRetriesInFiveMinutes,
): WebClient {
  return new WebClient(config.slack.botToken, { ...webClientOptions(config, logger), retryConfig });
}
