import type { App } from '@slack/bolt';
import { z } from 'zod';
import { t } from '../../../i18n/index.js';
import { type ActionArgs, answerClicker } from '../../../slack/listener-args.js';
import type { CommunityDeps as Deps } from '../deps.js';
import { RSVP_ACTION_PATTERN } from '../ids.js';
import { eventIdValue } from '../invite/input.js';
import type { MessageCoalescer } from '../message/service.js';
import { inviteMessage } from '../message/views.js';
import type { AnswerStatus } from '../model.js';
import { countsOf, findEvent } from '../repository.js';
import { type AnswerOutcome, answerEvent } from './service.js';
import { answerConfirmation } from './views.js';

/** The RSVP buttons, in the channel message and in DM copies alike. */
export function registerAnswerListeners(app: App, deps: Deps, coalescer: MessageCoalescer): void {
  app.action(
    { type: 'block_actions', action_id: RSVP_ACTION_PATTERN },
    async ({ ack, body, action, respond }: ActionArgs) => {
      await ack();
      if (action.type !== 'button') return;
      const status = RSVP_ACTION_PATTERN.exec(action.action_id)?.[1] as AnswerStatus | undefined;
      const eventId = eventIdValue.safeParse(action.value);
      const userId = body.user.id;
      const locale = await deps.users.localeOf(userId, deps.config.defaultLocale);
      let outcome: AnswerOutcome;
      try {
        outcome =
          status && eventId.success
            ? await answerEvent(deps, coalescer, {
                eventId: eventId.data,
                userId,
                status,
                clickedAt: clickTime(action.action_ts, deps.clock.now()),
              })
            : { kind: 'notFound' };
      } catch (err) {
        deps.logger.error('rsvp failed', { error: String(err) });
        await answerClicker(deps.gateway, { body, respond }, { text: t(locale, 'error.unexpected') }).catch(
          () => {},
        );
        return;
      }
      if (outcome.kind === 'stale') return;
      await answerClicker(deps.gateway, { body, respond }, answerConfirmation(outcome, locale));
      // A copy sent by DM (a guest outside the channel) is refreshed for its reader right away.
      if (outcome.kind === 'notFound' || !body.response_url) return;
      const ref = outcome.event.message;
      const fromCopy = body.container?.message_ts !== ref?.ts;
      if (!fromCopy) return;
      const event = await findEvent(deps.db, outcome.event._id.toString());
      if (!event) return;
      const counts = await countsOf(deps.db, event);
      await respond({ replace_original: true, ...inviteMessage(event, counts, locale, deps.clock.now()) });
    },
  );
}

/** Slack's `action_ts` (seconds, with decimals) as a number; the app's clock when it is missing or odd. */
function clickTime(actionTs: string | undefined, now: Date): number {
  const parsed = z.coerce.number().positive().safeParse(actionTs);
  return parsed.success ? parsed.data : now.getTime() / 1000;
}
