import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../deps.js';
import { publishHomeOf } from './service-publish.js';

type HomeOpenedArgs = SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs;

/**
 * `app_home_opened` → publish the reader's Home. Bolt acks events before listeners run, so the
 * queries here never race Slack's 3 seconds. The Messages tab opens the same event: ignored.
 */
export function registerHomeListeners(app: App, deps: Deps): void {
  app.event('app_home_opened', async ({ event }: HomeOpenedArgs) => {
    if (event.tab !== 'home') return;
    await publishHomeOf(deps, event.user);
  });
}
