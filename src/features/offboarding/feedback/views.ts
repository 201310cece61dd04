import type { InputBlock, ModalView } from '@slack/types';
import type { Translate } from '../../../i18n/index.js';
import { escapeMrkdwn, truncate } from '../../../slack/mrkdwn.js';
import type { Mission } from '../../missions/index.js';
import { FEEDBACK_MODAL, field } from '../ids.js';

const plain = (text: string) => ({ type: 'plain_text' as const, text: truncate(text, 75) });

/** A 1–n (or 0–10) select input. */
export function scaleInput(id: string, label: string, from: number, to: number): InputBlock {
  const options = [];
  for (let n = from; n <= to; n += 1) options.push({ text: plain(String(n)), value: String(n) });
  return {
    type: 'input',
    block_id: id,
    label: plain(label),
    element: { type: 'static_select', action_id: id, options },
  };
}

/** A yes / no radio input. */
export function yesNoInput(tr: Translate, id: string, label: string): InputBlock {
  return {
    type: 'input',
    block_id: id,
    label: plain(label),
    element: {
      type: 'radio_buttons',
      action_id: id,
      options: [
        { text: plain(tr('offboarding.yes')), value: 'yes' },
        { text: plain(tr('offboarding.no')), value: 'no' },
      ],
    },
  };
}

/** The freelancer's feedback modal. */
export function feedbackModal(tr: Translate, mission: Mission): ModalView {
  return {
    type: 'modal',
    callback_id: FEEDBACK_MODAL,
    title: plain(tr('offboarding.feedback.title').slice(0, 24)),
    submit: plain(tr('offboarding.modal.send').slice(0, 24)),
    close: plain(tr('offboarding.modal.cancel').slice(0, 24)),
    private_metadata: JSON.stringify({ v: 1, id: String(mission._id) }),
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: tr('offboarding.feedback.intro', { title: escapeMrkdwn(mission.title) }),
        },
      },
      scaleInput(field.overall, tr('offboarding.feedback.overall'), 1, 5),
      scaleInput(field.onboarding, tr('offboarding.feedback.onboarding'), 1, 5),
      scaleInput(field.communication, tr('offboarding.feedback.communication'), 1, 5),
      scaleInput(field.recognition, tr('offboarding.feedback.recognition'), 1, 5),
      {
        type: 'input',
        block_id: field.improve,
        optional: true,
        label: plain(tr('offboarding.feedback.improve')),
        element: { type: 'plain_text_input', action_id: field.improve, multiline: true, max_length: 2000 },
      },
      yesNoInput(tr, field.again, tr('offboarding.feedback.again')),
      scaleInput(field.recommend, tr('offboarding.feedback.recommend'), 0, 10),
    ],
  };
}
