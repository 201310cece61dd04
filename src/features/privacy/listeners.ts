import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs } from '@slack/bolt';
import { translator } from '../../i18n/index.js';
import type { ViewArgs } from '../../slack/listener-args.js';
import type { PrivacyDeps } from './deps.js';
import { ERASE_MODAL } from './ids.js';
import { parseEraseMetadata } from './input.js';
import { mayErase, requestErasure, stopWorkspace } from './service.js';
import { noticeModal } from './views.js';

type EventArgs<E extends 'app_uninstalled' | 'tokens_revoked'> = SlackEventMiddlewareArgs<E> &
  AllMiddlewareArgs;

/** The erasure confirmation, and Slack telling that the app left the workspace. */
export function registerPrivacyListeners(app: App, deps: PrivacyDeps): void {
  app.view(ERASE_MODAL, async ({ ack, body, view }: ViewArgs) => {
    const callerId = body.user.id;
    const tr = translator(await deps.users.localeWithin(callerId, deps.config.defaultLocale, 1_000));
    const meta = parseEraseMetadata(view.private_metadata);
    const self = meta?.subject === callerId;
    // Checked again here: the metadata comes back from the client, and whoever submits may not be who opened.
    if (!meta || !mayErase(deps, callerId, meta.subject)) {
      await ack({ response_action: 'update', view: noticeModal(tr, self, tr('privacy.modal.refused')) });
      return;
    }
    const done = self
      ? tr('privacy.modal.done.self')
      : tr('privacy.modal.done.other', { user: meta.subject });
    await ack({ response_action: 'update', view: noticeModal(tr, self, done) });
    await requestErasure(
      deps,
      { userId: meta.subject, by: self ? 'self' : 'admin', requestedBy: self ? null : callerId },
      view.id,
    );
  });

  // Bolt acks events with 200 before these run: Slack is never answered an error for them.
  app.event('app_uninstalled', async (_args: EventArgs<'app_uninstalled'>) => {
    await stopWorkspace(deps, 'app_uninstalled');
  });
  app.event('tokens_revoked', async ({ event }: EventArgs<'tokens_revoked'>) => {
    // Only the bot token matters: user tokens (none used) being revoked changes nothing.
    const bot = (event as { tokens?: { bot?: unknown } }).tokens?.bot;
    if (Array.isArray(bot) && bot.length > 0) await stopWorkspace(deps, 'tokens_revoked');
  });
}
