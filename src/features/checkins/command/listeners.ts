import type { App } from '@slack/bolt';
import { localDate } from '../../../calendar/sending-hours.js';
import { translator } from '../../../i18n/index.js';
import type { OutgoingMessage } from '../../../slack/gateway.js';
import type { CommandArgs } from '../../../slack/listener-args.js';
import { readerOf } from '../../../slack/reader.js';
import { LOOKUP_MS, showModal } from '../answers/listeners.js';
import { openCurrentCheckin } from '../answers/service.js';
import type { CheckinsDeps } from '../deps.js';
import { pauseCheckins, resumeCheckins } from '../pause/service.js';
import { pauseMessage, resumeMessage } from '../pause/views.js';
import { parseCheckinCommand } from './input.js';
import { badDateMessage, checkinHelp } from './views.js';

/** `/checkin`: open the current check-in, pause, resume, help. */
export function registerCheckinCommand(app: App, deps: CheckinsDeps): void {
  app.command('/checkin', async ({ ack, command, respond }: CommandArgs) => {
    const cmd = parseCheckinCommand(command.text);
    const userId = command.user_id;
    if (cmd.kind === 'help' || cmd.kind === 'unknown' || cmd.kind === 'badDate') {
      const tr = translator(await deps.users.localeWithin(userId, deps.config.defaultLocale, LOOKUP_MS));
      const msg =
        cmd.kind === 'badDate'
          ? badDateMessage(tr, cmd.raw)
          : checkinHelp(tr, cmd.kind === 'unknown' ? cmd.word : undefined);
      await ack({ response_type: 'ephemeral', ...msg });
      return;
    }
    // The trigger_id lives 3 s: ack now, then read only what the modal needs.
    await ack();
    const reader = await readerOf(deps, userId, LOOKUP_MS);
    let answer: OutgoingMessage | null;
    try {
      if (cmd.kind === 'open') {
        answer = await showModal(
          deps,
          command.trigger_id,
          reader,
          await openCurrentCheckin(deps, userId, reader.locale),
        );
      } else if (cmd.kind === 'pause') {
        const today = localDate(deps.clock.now(), reader.zone).toISODate() ?? '';
        answer = pauseMessage(
          translator(reader.locale),
          reader.locale,
          await pauseCheckins(deps, userId, cmd.until, today),
        );
      } else {
        answer = resumeMessage(translator(reader.locale), await resumeCheckins(deps, userId));
      }
    } catch (err) {
      deps.logger.error('/checkin failed', { userId, sub: cmd.kind, error: String(err) });
      answer = { text: translator(reader.locale)('error.unexpected') };
    }
    if (answer) await respond({ response_type: 'ephemeral', ...answer });
  });
}
