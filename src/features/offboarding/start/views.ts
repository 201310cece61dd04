import type { ModalView } from '@slack/types';
import type { Locale } from '../../../config.js';
import { formatCalendarDate, type Translate } from '../../../i18n/index.js';
import { button, buttonRow } from '../../../slack/blocks.js';
import type { OutgoingMessage } from '../../../slack/gateway.js';
import { escapeMrkdwn, truncate } from '../../../slack/mrkdwn.js';
import type { Mission } from '../../missions/index.js';
import { CHANGE_END, END_DATE_MODAL, field, START } from '../ids.js';
import type { ModalMetadata } from '../input.js';

const plain = (text: string) => ({ type: 'plain_text' as const, text: truncate(text, 75) });

/** The proposal to the manager, N days before the end: start offboarding, or change the end date. */
export function proposalMessage(tr: Translate, mission: Mission, locale: Locale): OutgoingMessage {
  const text = tr('offboarding.proposal.text', {
    title: escapeMrkdwn(mission.title),
    freelancer: mission.freelancerId,
    end: formatCalendarDate(mission.endDate, locale),
  });
  return {
    text,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text } },
      buttonRow(
        'offboarding.proposal',
        button(tr('offboarding.proposal.start'), START, String(mission._id), 'primary'),
        button(tr('offboarding.proposal.changeEnd'), CHANGE_END, String(mission._id)),
      ),
    ],
  };
}

/** The small "change the end date" modal. */
export function endDateModal(tr: Translate, mission: Mission, meta: ModalMetadata): ModalView {
  return {
    type: 'modal',
    callback_id: END_DATE_MODAL,
    title: plain(tr('offboarding.endDate.title').slice(0, 24)),
    submit: plain(tr('offboarding.modal.save').slice(0, 24)),
    close: plain(tr('offboarding.modal.cancel').slice(0, 24)),
    private_metadata: JSON.stringify(meta),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${escapeMrkdwn(mission.title)}*` } },
      {
        type: 'input',
        block_id: field.endDate,
        label: plain(tr('offboarding.endDate.label')),
        element: { type: 'datepicker', action_id: field.endDate, initial_date: mission.endDate },
      },
    ],
  };
}
