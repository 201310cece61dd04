import type { Logger } from '@slack/bolt';
import { WebClient, type WebClientOptions } from '@slack/web-api';
import type { Config } from '../config.js';

/** Options shared by Bolt's client and ours: the API URL (a stand-in in tests) and the logger. */
export function webClientOptions(config: Config, logger: Logger): WebClientOptions {
  return {
    logger,
    ...(config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {}),
  };
}

/** The Web API client the gateway and jobs use; retries and 429 pauses are the SDK's own. */
export function createWebClient(config: Config, logger: Logger): WebClient {
  return new WebClient(config.slack.botToken, webClientOptions(config, logger));
}
