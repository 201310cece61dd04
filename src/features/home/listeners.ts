import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs } from '@slack/bolt';
import { translator } from '../../i18n/index.js';
import type { CommandArgs } from '../../slack/listener-args.js';
import { readerOf } from '../../slack/reader.js';
import type { HomeDeps } from './deps.js';
import { gatherMissionList, publishHomeOf } from './service.js';
import { missionListMessage } from './views.js';

type HomeOpenedArgs = SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs;

/**
 * `app_home_opened` → publish the reader's Home. Bolt acks events before listeners run, so the
 * queries here never race Slack's 3 seconds. The Messages tab opens the same event: ignored.
 */
export function registerHomeListeners(app: App, deps: HomeDeps): void {
  app.event('app_home_opened', async ({ event }: HomeOpenedArgs) => {
    if (event.tab !== 'home') return;
    await publishHomeOf(deps, event.user);
  });
}

/** Time allowed to read the profile (locale, zone) before falling back to workspace defaults. */
const READER_WAIT_MS = 1_000;
/** Past this, ack empty and send the list through response_url, so the ack beats Slack's 3 s. */
const ACK_BUDGET_MS = 2_000;

/**
 * `/missions`: the caller's missions, as an ephemeral answer. Usually it rides in the ack (one
 * round trip, like `/passerelle help`); on a slow database the ack goes first, empty, and the list
 * follows through `respond` — never a late ack that Slack would show as a failure.
 */
export function registerMissionList(app: App, deps: HomeDeps): void {
  app.command('/missions', async ({ ack, command, respond }: CommandArgs) => {
    const reader = readerOf(deps, command.user_id, READER_WAIT_MS);
    const outcome = reader
      .then(async (r) => missionListMessage(translator(r.locale), await gatherMissionList(deps, r)))
      .then(
        (message) => ({ message }),
        (error: unknown) => ({ error }),
      );
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), ACK_BUDGET_MS);
    });
    const first = await Promise.race([outcome, late]).finally(() => clearTimeout(timer));
    if (first === undefined) await ack();
    const result = first ?? (await outcome);
    const answer =
      'message' in result ? result.message : { text: translator((await reader).locale)('error.unexpected') };
    if (first === undefined) await respond({ response_type: 'ephemeral', ...answer });
    else await ack({ response_type: 'ephemeral', ...answer });
    // The user has their apology; Bolt's error handler logs the cause with its context.
    if ('error' in result) throw result.error;
  });
}
