import type { ModalView } from '@slack/types';
import type { Translate } from '../../i18n/index.js';
import { ERASE_MODAL } from './ids.js';
import type { EraseMetadata } from './input.js';

const plain = (text: string) => ({ type: 'plain_text' as const, text: text.slice(0, 24) });
const section = (text: string) => ({ type: 'section' as const, text: { type: 'mrkdwn' as const, text } });

/** The confirmation before an erasure: what goes, what stays (for oneself, or an admin for someone). */
export function eraseModal(tr: Translate, subject: string, self: boolean): ModalView {
  const metadata: EraseMetadata = { v: 1, subject };
  return {
    type: 'modal',
    callback_id: ERASE_MODAL,
    private_metadata: JSON.stringify(metadata),
    title: plain(tr(self ? 'privacy.modal.title.self' : 'privacy.modal.title.other')),
    submit: plain(tr('privacy.modal.submit')),
    close: plain(tr('privacy.modal.close')),
    blocks: [
      section(self ? tr('privacy.modal.intro.self') : tr('privacy.modal.intro.other', { user: subject })),
      section(tr('privacy.modal.removed')),
      section(tr('privacy.modal.kept')),
    ],
  };
}

/** The modal once submitted (erasure under way) or refused. */
export function noticeModal(tr: Translate, self: boolean, text: string): ModalView {
  return {
    type: 'modal',
    title: plain(tr(self ? 'privacy.modal.title.self' : 'privacy.modal.title.other')),
    close: plain(tr('privacy.modal.close')),
    blocks: [section(text)],
  };
}
