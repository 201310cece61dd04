import type { App, BlockAction } from '@slack/bolt';
import { AppError } from '../../../errors.js';
import type { Translate } from '../../../i18n/index.js';
import { textMessage } from '../../../slack/gateway.js';
import type { ActionArgs, ViewArgs } from '../../../slack/listener-args.js';
import { translatedErrors } from '../../../slack/view-state.js';
import type { OffboardingDeps } from '../deps.js';
import { CONFIRM_ITEM, isDigestRow, LINKS_MODAL, WAIVE_ITEM, WAIVE_MODAL } from '../ids.js';
import {
  type ModalMetadata,
  type Parsed,
  parseLinks,
  parseMetadata,
  parseReason,
  type RawState,
  rawState,
} from '../input.js';
import { answering, clickedId, clickerTr } from '../start/listeners.js';
import { itemToConfirm, itemToWaive, type MessageToRedraw, settle } from './service.js';
import { linksModal, waiveModal } from './views.js';

/**
 * The message a click came from (a DM checklist), to redraw it; none from the Home, nor from a
 * reminder digest (which redraws itself on `mission.changed`).
 */
function messageOf(body: BlockAction): MessageToRedraw | undefined {
  if (isDigestRow(body.actions[0]?.block_id)) return undefined;
  const channel = body.channel?.id;
  const ts = body.message?.ts;
  return channel && ts ? { channel, ts } : undefined;
}

function redrawOf(meta: ModalMetadata): MessageToRedraw | undefined {
  return meta.channel && meta.ts ? { channel: meta.channel, ts: meta.ts } : undefined;
}

/** Confirming and waiving handover items: buttons in the checklist DMs and the Home, and their modals. */
export function registerHandoverListeners(app: App, deps: OffboardingDeps): void {
  app.action<BlockAction>(CONFIRM_ITEM, async (args: ActionArgs) => {
    await args.ack();
    await answering(deps, args, async (tr) => {
      const id = clickedId(args.body);
      if (!id) return 'offboarding.error.notFound';
      const { item } = await itemToConfirm(deps, args.body.user.id, id);
      const at = messageOf(args.body);
      if (item.takesLinks) {
        const locale = await deps.users.localeWithin(args.body.user.id, deps.config.defaultLocale, 1_000);
        await deps.gateway.openModal(args.body.trigger_id, linksModal(tr, item, locale, { v: 1, id, ...at }));
        return undefined;
      }
      await settle(deps, args.body.user.id, id, { state: 'confirmed' }, at);
      return at ? undefined : 'offboarding.item.confirmedNotice';
    });
  });

  app.action<BlockAction>(WAIVE_ITEM, async (args: ActionArgs) => {
    await args.ack();
    await answering(deps, args, async (tr) => {
      const id = clickedId(args.body);
      if (!id) return 'offboarding.error.notFound';
      const { item } = await itemToWaive(deps, args.body.user.id, id);
      const locale = await deps.users.localeWithin(args.body.user.id, deps.config.defaultLocale, 1_000);
      await deps.gateway.openModal(
        args.body.trigger_id,
        waiveModal(tr, item, locale, { v: 1, id, ...messageOf(args.body) }),
      );
      return undefined;
    });
  });

  /** A modal of one item: parse, check who submits inside the ack, then settle after it. */
  const itemModal =
    <T>(
      parse: (s: RawState) => Parsed<T>,
      check: (userId: string, itemId: string) => Promise<unknown>,
      apply: (userId: string, meta: ModalMetadata, value: T) => Promise<unknown>,
      blockId: string,
    ) =>
    async ({ ack, body, view }: ViewArgs) => {
      const userId = body.user.id;
      const tr: Translate = await clickerTr(deps, userId);
      const meta = parseMetadata(view.private_metadata);
      const state = rawState.safeParse(view.state.values);
      if (!meta || !state.success)
        return void (await ack({
          response_action: 'errors',
          errors: { [blockId]: tr('offboarding.error.field') },
        }));
      const parsed = parse(state.data);
      if (!parsed.ok)
        return void (await ack({ response_action: 'errors', errors: translatedErrors(parsed.errors, tr) }));
      try {
        await check(userId, meta.id);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        return void (await ack({ response_action: 'errors', errors: { [blockId]: tr(err.messageKey) } }));
      }
      await ack();
      try {
        await apply(userId, meta, parsed.value);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        await deps.gateway.sendDm(userId, textMessage(tr(err.messageKey)));
      }
    };

  app.view(
    LINKS_MODAL,
    itemModal(
      parseLinks,
      (userId, id) => itemToConfirm(deps, userId, id),
      (userId, meta, links) => settle(deps, userId, meta.id, { state: 'confirmed', links }, redrawOf(meta)),
      'links',
    ),
  );
  app.view(
    WAIVE_MODAL,
    itemModal(
      parseReason,
      (userId, id) => itemToWaive(deps, userId, id),
      (userId, meta, reason) => settle(deps, userId, meta.id, { state: 'waived', reason }, redrawOf(meta)),
      'reason',
    ),
  );
}
