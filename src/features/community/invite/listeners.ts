import type { App } from '@slack/bolt';
import { z } from 'zod';
import { mention, translator } from '../../../i18n/index.js';
import {
  type ActionArgs,
  answerClicker,
  type CommandArgs,
  type ViewArgs,
} from '../../../slack/listener-args.js';
import { translatedErrors, viewState } from '../../../slack/view-state.js';
import { attendeeLists } from '../attendees/service.js';
import { attendeesModal } from '../attendees/views.js';
import type { CommunityDeps as Deps } from '../deps.js';
import { ATTENDEES_PAGE, EVENT_COMMAND, EVENT_MENU, EVENT_MODAL, field, INVITE_MODAL } from '../ids.js';
import type { MessageCoalescer } from '../message/service.js';
import { findEvent } from '../repository.js';
import { mayCreateEvents, mayManage } from '../rules.js';
import { inviteesValue, menuValue, pageValue, parseEventForm, parseModalMetadata } from './input.js';
import {
  cancel,
  createEvent,
  editEvent,
  openEditModal,
  openEventModal,
  openInviteModal,
  queueInvites,
} from './service.js';

const multiUsers = z.record(
  z.string(),
  z.record(z.string(), z.object({ selected_users: z.array(z.string()).optional() })),
);

/** `/event-invite`, its form (create and edit), the animator's menu, invites by DM, the attendee list. */
export function registerInviteListeners(app: App, deps: Deps, coalescer: MessageCoalescer): void {
  app.command(EVENT_COMMAND, async ({ ack, command }: CommandArgs) => {
    const userId = command.user_id;
    if (command.text.trim().toLowerCase() === 'help') {
      const tr = translator(await deps.users.localeWithin(userId, deps.config.defaultLocale, 1_000));
      await ack({ response_type: 'ephemeral', text: tr('community.help') });
      return;
    }
    if (!mayCreateEvents(deps.config, userId)) {
      const tr = translator(await deps.users.localeWithin(userId, deps.config.defaultLocale, 1_000));
      const who = [...deps.config.animatorUserIds, ...deps.config.adminUserIds]
        .slice(0, 5)
        .map((u) => mention(tr, u));
      await ack({
        response_type: 'ephemeral',
        text:
          who.length > 0 ? tr('community.refused', { who: who.join(', ') }) : tr('community.refused.nobody'),
      });
      return;
    }
    await ack();
    await openEventModal(deps, command.trigger_id, userId);
  });

  app.view(EVENT_MODAL, async ({ ack, body, view }: ViewArgs) => {
    const userId = body.user.id;
    const tr = translator(await deps.users.localeWithin(userId, deps.config.defaultLocale, 1_000));
    const meta = parseModalMetadata(view.private_metadata);
    const state = viewState.safeParse(view.state.values);
    if (!state.success) {
      await ack({ response_action: 'errors', errors: { [field.title]: tr('community.error.invalid') } });
      return;
    }
    let values = state.data;
    if (meta.eventId) {
      // The channel is not editable: the message stays where it is.
      const event = await findEvent(deps.db, meta.eventId);
      if (event)
        values = {
          ...values,
          [field.channel]: { [field.channel]: { selected_conversation: event.channelId } },
        };
    }
    const parsed = parseEventForm(values, deps.clock.now());
    if (!parsed.ok) {
      await ack({ response_action: 'errors', errors: translatedErrors(parsed.errors, tr) });
      return;
    }
    if (!meta.eventId && !mayCreateEvents(deps.config, userId)) {
      await ack({ response_action: 'errors', errors: { [field.title]: tr('community.forbidden') } });
      return;
    }
    await ack();
    try {
      if (meta.eventId) {
        const done = await editEvent(deps, coalescer, meta.eventId, parsed.event, userId);
        if (done === 'forbidden') await deps.gateway.sendDm(userId, { text: tr('community.forbidden') });
      } else {
        await createEvent(deps, parsed.event, userId, view.id);
      }
    } catch (err) {
      deps.logger.error('event submission failed after the modal closed', err);
      await deps.gateway.sendDm(userId, { text: tr('error.unexpected') }).catch(() => {});
    }
  });

  app.action(
    { type: 'block_actions', action_id: EVENT_MENU },
    async ({ ack, body, action, respond }: ActionArgs) => {
      await ack();
      if (action.type !== 'overflow') return;
      const userId = body.user.id;
      const tr = translator(await deps.users.localeOf(userId, deps.config.defaultLocale));
      const choice = menuValue.safeParse(action.selected_option?.value);
      const event = choice.success ? await findEvent(deps.db, choice.data.eventId) : null;
      if (!choice.success || !event) {
        await answerClicker(deps.gateway, { body, respond }, { text: tr('error.notFound') });
        return;
      }
      if (!mayManage(deps.config, event, userId)) {
        await answerClicker(deps.gateway, { body, respond }, { text: tr('community.forbidden') });
        return;
      }
      switch (choice.data.command) {
        case 'list': {
          const locale = await deps.users.localeOf(userId, deps.config.defaultLocale);
          await deps.gateway.openModal(
            body.trigger_id,
            attendeesModal(locale, event, await attendeeLists(deps, event), 1),
          );
          return;
        }
        case 'edit':
          await openEditModal(deps, body.trigger_id, userId, event);
          return;
        case 'invite':
          await openInviteModal(deps, body.trigger_id, userId, event);
          return;
        case 'cancel': {
          const done = await cancel(deps, coalescer, event);
          await answerClicker(
            deps.gateway,
            { body, respond },
            { text: done ? tr('community.cancelDone', { title: event.title }) : tr('error.conflict') },
          );
          return;
        }
      }
    },
  );

  app.view(INVITE_MODAL, async ({ ack, body, view }: ViewArgs) => {
    const userId = body.user.id;
    const tr = translator(await deps.users.localeWithin(userId, deps.config.defaultLocale, 1_000));
    const meta = parseModalMetadata(view.private_metadata);
    const values = multiUsers.safeParse(view.state.values);
    const picked = inviteesValue.safeParse(
      values.success ? (values.data[field.invitees]?.[field.invitees]?.selected_users ?? []) : [],
    );
    const event = meta.eventId ? await findEvent(deps.db, meta.eventId) : null;
    if (!picked.success || !event || !mayManage(deps.config, event, userId)) {
      await ack({ response_action: 'errors', errors: { [field.invitees]: tr('community.forbidden') } });
      return;
    }
    await ack();
    await queueInvites(deps, event, userId, picked.data, view.id);
    await deps.gateway
      .sendDm(userId, { text: tr('community.invitesSent', { count: picked.data.length }) })
      .catch(() => {});
  });

  app.action(
    {
      type: 'block_actions',
      action_id: new RegExp(`^${ATTENDEES_PAGE.replace(/\./g, '\\.')}\\.(prev|next)$`),
    },
    async ({ ack, body, action }: ActionArgs) => {
      await ack();
      if (action.type !== 'button' || !body.view) return;
      const userId = body.user.id;
      const page = pageValue.safeParse(action.value);
      const event = page.success ? await findEvent(deps.db, page.data.eventId) : null;
      if (!page.success || !event || !mayManage(deps.config, event, userId)) return;
      const locale = await deps.users.localeOf(userId, deps.config.defaultLocale);
      await deps.gateway.updateView(
        body.view.id,
        attendeesModal(locale, event, await attendeeLists(deps, event), page.data.page),
      );
    },
  );
}
