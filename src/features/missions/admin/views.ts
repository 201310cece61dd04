import type { ModalView, Overflow } from '@slack/types';
import type { Translate } from '../../../i18n/index.js';
import { escapeMrkdwn } from '../../../slack/mrkdwn.js';
import { ADMIN_MENU, type AdminAction, CANCEL_MODAL, DATES_MODAL, field, REASSIGN_MODAL } from '../ids.js';
import type { Mission } from '../model.js';

const plain = (text: string) => ({ type: 'plain_text' as const, text });

function adminModal(callbackId: string, title: string, submit: string, m: Mission, tr: Translate): ModalView {
  return {
    type: 'modal',
    callback_id: callbackId,
    title: plain(title.slice(0, 24)),
    submit: plain(submit.slice(0, 24)),
    close: plain(tr('missions.modal.cancel')),
    private_metadata: JSON.stringify({ v: 1, missionId: String(m._id) }),
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `*${escapeMrkdwn(m.title)}*` } }],
  };
}

/** Admin modal: new start and end dates. */
export function datesModal(m: Mission, tr: Translate): ModalView {
  const view = adminModal(DATES_MODAL, tr('missions.admin.datesTitle'), tr('missions.admin.save'), m, tr);
  view.blocks.push(
    {
      type: 'input',
      block_id: field.start,
      label: plain(tr('missions.field.start')),
      element: { type: 'datepicker', action_id: field.start, initial_date: m.startDate },
    },
    {
      type: 'input',
      block_id: field.end,
      label: plain(tr('missions.field.end')),
      element: { type: 'datepicker', action_id: field.end, initial_date: m.endDate },
    },
  );
  return view;
}

/** Admin modal: the new manager. */
export function reassignModal(m: Mission, tr: Translate): ModalView {
  const view = adminModal(
    REASSIGN_MODAL,
    tr('missions.admin.reassignTitle'),
    tr('missions.admin.save'),
    m,
    tr,
  );
  view.blocks.push({
    type: 'input',
    block_id: field.manager,
    label: plain(tr('missions.admin.newManager')),
    element: { type: 'users_select', action_id: field.manager, initial_user: m.managerId },
  });
  return view;
}

/** Admin modal: confirm the cancellation. */
export function cancelModal(m: Mission, tr: Translate): ModalView {
  const view = adminModal(
    CANCEL_MODAL,
    tr('missions.admin.cancelConfirm.title'),
    tr('missions.admin.cancelConfirm.yes'),
    m,
    tr,
  );
  view.close = plain(tr('missions.admin.cancelConfirm.no'));
  view.blocks.push({
    type: 'section',
    text: { type: 'mrkdwn', text: tr('missions.admin.cancelConfirm.text') },
  });
  return view;
}

/** A modal that only explains why the correction cannot be made. */
export function noticeModal(tr: Translate, text: string): ModalView {
  return {
    type: 'modal',
    title: plain(tr('missions.admin.reassignTitle').slice(0, 24)),
    close: plain(tr('missions.admin.cancelConfirm.no').slice(0, 24)),
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }],
  };
}

/** The admin overflow menu of a mission (change dates, reassign, cancel with a confirmation). */
export function adminMenu(missionId: string, tr: Translate): Overflow {
  const option = (action: AdminAction, label: string) => ({
    text: { type: 'plain_text' as const, text: label },
    value: `${action}:${missionId}`,
  });
  return {
    type: 'overflow',
    action_id: ADMIN_MENU,
    options: [
      option('dates', tr('missions.admin.menu.dates')),
      option('reassign', tr('missions.admin.menu.reassign')),
      option('cancel', tr('missions.admin.menu.cancel')),
    ],
  };
}
