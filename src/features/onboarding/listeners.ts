import type { App, BlockAction } from '@slack/bolt';
import type { Deps } from '../../deps.js';
import { type MessageKey, t } from '../../i18n/index.js';
import type { ActionArgs } from '../../slack/listener-args.js';
import { shownStateOf, TOGGLE_ITEM } from './ids.js';
import { type ToggleOutcome, toggleItem } from './toggle.js';

/** Registers the item toggle: ack at once, then flip, refresh both messages, maybe complete. */
export function registerOnboardingListeners(app: App, deps: Deps): void {
  app.action(
    { type: 'block_actions', action_id: TOGGLE_ITEM },
    async ({ ack, body, action, respond }: ActionArgs) => {
      await ack();
      if (action.type !== 'button') return;
      const itemId = action.value ?? '';
      const userId = body.user.id;
      let outcome: ToggleOutcome;
      try {
        outcome = await toggleItem(deps, { itemId, userId, shown: shownStateOf(action.block_id, itemId) });
      } catch (err) {
        deps.logger.error('onboarding toggle failed', { itemId, error: String(err) });
        outcome = { kind: 'refused', reason: 'error.unexpected' };
      }
      if (outcome.kind !== 'refused') return;
      await tell(deps, body, respond, outcome.reason);
    },
  );
}

/** An ephemeral answer to the clicker: through response_url from a message, else in the channel if any. */
async function tell(
  deps: Deps,
  body: BlockAction,
  respond: ActionArgs['respond'],
  key: MessageKey,
): Promise<void> {
  const userId = body.user.id;
  const text = t(await deps.users.localeOf(userId, deps.config.defaultLocale), key);
  // Bolt only gives a working respond() when the payload has a response_url (messages, not Home/modals).
  if (body.response_url) {
    await respond({ response_type: 'ephemeral', replace_original: false, text });
  } else if (body.channel?.id) {
    await deps.gateway.sendEphemeral(body.channel.id, userId, { text });
  }
}
