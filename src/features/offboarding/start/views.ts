import type { KnownBlock, ModalView } from '@slack/types';
import type { Locale } from '../../../config.js';
import { formatCalendarDate, type Translate } from '../../../i18n/index.js';
import { button, buttonRow } from '../../../slack/blocks.js';
import type { OutgoingMessage } from '../../../slack/gateway.js';
import { escapeMrkdwn, truncate } from '../../../slack/mrkdwn.js';
import type { Mission } from '../../missions/index.js';
import { CHANGE_END, END_DATE_MODAL, field, START } from '../ids.js';
import type { ModalMetadata } from '../input.js';
import { finishedLine } from '../messages/views.js';
import type { Offboarding } from '../model.js';
import { canStartOffboarding } from '../rules.js';

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

/**
 * The proposal as it stands now: its buttons while it is still the mission's next step (open, same
 * end date), else the proposal's text and what happened ("Offboarding started by …", a new end
 * date, "Mission cancelled on …"). `final` once nothing about it can change again.
 */
export function proposalNow(
  tr: Translate,
  mission: Mission,
  reader: { locale: Locale; zone: string },
  proposedEnd: string,
  off: Pick<Offboarding, 'startedBy'> | null,
): { message: OutgoingMessage; final: boolean } {
  if (canStartOffboarding(mission.status) && mission.endDate === proposedEnd)
    return { message: proposalMessage(tr, mission, reader.locale), final: false };
  const text = tr('offboarding.proposal.text', {
    title: escapeMrkdwn(mission.title),
    freelancer: mission.freelancerId,
    end: formatCalendarDate(proposedEnd, reader.locale),
  });
  const line = off
    ? tr('offboarding.proposal.done', { user: off.startedBy })
    : canStartOffboarding(mission.status)
      ? tr('offboarding.proposal.endChanged', {
          title: escapeMrkdwn(mission.title),
          end: formatCalendarDate(mission.endDate, reader.locale),
        })
      : (finishedLine(tr, mission, reader) ?? '');
  const blocks: KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: line || '—' }] },
  ];
  return { message: { text, blocks }, final: true };
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
