import type { Button, KnownBlock, ModalView } from '@slack/types';
import type { Locale } from '../../../config.js';
import { formatDate, type Translate, translator } from '../../../i18n/index.js';
import { button, buttonRow } from '../../../slack/blocks.js';
import type { OutgoingMessage } from '../../../slack/gateway.js';
import { escapeMrkdwn, truncate } from '../../../slack/mrkdwn.js';
import type { Mission } from '../../missions/index.js';
import {
  CONFIRM_ITEM,
  field,
  LINKS_MODAL,
  OPEN_EVALUATION,
  OPEN_FEEDBACK,
  WAIVE_ITEM,
  WAIVE_MODAL,
} from '../ids.js';
import type { ModalMetadata } from '../input.js';
import { type FormsState, finishedLine, formLine, isFinished } from '../messages/views.js';
import type { HandoverItemDoc, ItemOwner } from '../model.js';

const plain = (text: string) => ({ type: 'plain_text' as const, text: truncate(text, 75) });
const context = (text: string): KnownBlock => ({ type: 'context', elements: [{ type: 'mrkdwn', text }] });

/** One item's state line: open, or who confirmed / waived it when (with links and reason). */
export function itemLine(tr: Translate, item: HandoverItemDoc, locale: Locale, zone: string): string {
  const label = escapeMrkdwn(item.label[locale]);
  const owner = tr(`offboarding.owner.${item.owner}`, { user: item.ownerId });
  if (item.state === 'open') return `⬜ *${label}* — ${owner}`;
  const when = item.at ? formatDate(item.at, locale, zone) : '';
  const state =
    item.state === 'confirmed'
      ? tr('offboarding.item.confirmedBy', { user: item.by ?? '', date: when })
      : tr('offboarding.item.waivedBy', {
          user: item.by ?? '',
          date: when,
          reason: escapeMrkdwn(item.reason ?? ''),
        });
  const links = item.links.length > 0 ? `\n${item.links.map((l) => `<${l}>`).join(' · ')}` : '';
  return `${item.state === 'confirmed' ? '✅' : '➖'} *${label}* — ${owner}\n${state}${links}`;
}

/**
 * One side's handover checklist: every item with its state; while the offboarding runs, the
 * reader's own open items get "confirm", the manager's side gets "waive" on every open item, and
 * the side's form button until that form is in ("Feedback given on …" then). Once the mission is
 * closed or cancelled, no button is left and a line says so.
 */
export function handoverMessage(
  mission: Mission,
  items: readonly HandoverItemDoc[],
  side: ItemOwner,
  reader: { userId: string; locale: Locale; zone: string },
  off: FormsState | null,
): OutgoingMessage {
  // Buttons only while the offboarding runs, and only in the copy of who holds that side now (a
  // manager replaced meanwhile keeps a read-only copy).
  const holder = side === 'freelancer' ? mission.freelancerId : mission.managerId;
  const finished = isFinished(mission) || reader.userId !== holder;
  const tr = translator(reader.locale);
  const title = escapeMrkdwn(mission.title);
  const open = items.filter((i) => i.state === 'open').length;
  const blocks: KnownBlock[] = [
    { type: 'header', text: plain(tr('offboarding.handover.header', { title: mission.title })) },
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `${tr(side === 'freelancer' ? 'offboarding.handover.introFreelancer' : 'offboarding.handover.introManager', { title, freelancer: mission.freelancerId })}\n${tr('offboarding.handover.progress', { done: items.length - open, total: items.length })}`,
      },
    },
    { type: 'divider' },
  ];
  for (const item of items.slice(0, 20)) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: truncate(itemLine(tr, item, reader.locale, reader.zone), 2900) },
    });
    const buttons: Button[] = [];
    if (finished) continue;
    if (item.state === 'open' && item.ownerId === reader.userId)
      buttons.push(button(tr('offboarding.item.confirm'), CONFIRM_ITEM, String(item._id), 'primary'));
    if (item.state === 'open' && side === 'manager')
      buttons.push(button(tr('offboarding.item.waive'), WAIVE_ITEM, String(item._id)));
    if (buttons.length > 0) blocks.push(buttonRow(`offboarding.item.${String(item._id)}`, ...buttons));
  }
  blocks.push({ type: 'divider' });
  const done = formLine(tr, side, off, reader);
  if (done) blocks.push(context(done));
  else if (!finished)
    blocks.push(
      buttonRow(
        'offboarding.form',
        side === 'freelancer'
          ? button(tr('offboarding.feedback.open'), OPEN_FEEDBACK, String(mission._id), 'primary')
          : button(tr('offboarding.evaluation.open'), OPEN_EVALUATION, String(mission._id), 'primary'),
      ),
    );
  const end = finishedLine(tr, mission, reader);
  if (end) blocks.push(context(end));
  return {
    text: tr('offboarding.handover.fallback', {
      title: mission.title,
      done: items.length - open,
      total: items.length,
    }),
    blocks,
  };
}

/** The deliverables modal: links to what was handed over (https). */
export function linksModal(
  tr: Translate,
  item: HandoverItemDoc,
  locale: Locale,
  meta: ModalMetadata,
): ModalView {
  return {
    type: 'modal',
    callback_id: LINKS_MODAL,
    title: plain(tr('offboarding.links.title').slice(0, 24)),
    submit: plain(tr('offboarding.modal.save').slice(0, 24)),
    close: plain(tr('offboarding.modal.cancel').slice(0, 24)),
    private_metadata: JSON.stringify(meta),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${escapeMrkdwn(item.label[locale])}*` } },
      {
        type: 'input',
        block_id: field.links,
        label: plain(tr('offboarding.links.label')),
        hint: plain(tr('offboarding.links.hint')),
        element: { type: 'plain_text_input', action_id: field.links, multiline: true, max_length: 3000 },
      },
    ],
  };
}

/** The waiver modal: the manager's reason. */
export function waiveModal(
  tr: Translate,
  item: HandoverItemDoc,
  locale: Locale,
  meta: ModalMetadata,
): ModalView {
  return {
    type: 'modal',
    callback_id: WAIVE_MODAL,
    title: plain(tr('offboarding.waive.title').slice(0, 24)),
    submit: plain(tr('offboarding.waive.submit').slice(0, 24)),
    close: plain(tr('offboarding.modal.cancel').slice(0, 24)),
    private_metadata: JSON.stringify(meta),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${escapeMrkdwn(item.label[locale])}*` } },
      {
        type: 'input',
        block_id: field.reason,
        label: plain(tr('offboarding.waive.reason')),
        element: { type: 'plain_text_input', action_id: field.reason, multiline: true, max_length: 500 },
      },
    ],
  };
}
