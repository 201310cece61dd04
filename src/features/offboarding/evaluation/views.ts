import type { KnownBlock, ModalView } from '@slack/types';
import type { Translate } from '../../../i18n/index.js';
import { escapeMrkdwn, truncate } from '../../../slack/mrkdwn.js';
import type { Mission } from '../../missions/index.js';
import { scaleInput, yesNoInput } from '../feedback/views.js';
import { EVALUATION_MODAL, field } from '../ids.js';

const plain = (text: string) => ({ type: 'plain_text' as const, text: truncate(text, 75) });

/**
 * The manager's evaluation: rating, skills shown (the mission's as checkboxes, more as text), the
 * recommendation and whether to share it, the private note (said to be visible to managers and
 * admins, and disclosed to the freelancer on a data-access request), would rehire, renewed.
 */
export function evaluationModal(tr: Translate, mission: Mission): ModalView {
  const skills = mission.skills.slice(0, 10);
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: tr('offboarding.evaluation.intro', {
          title: escapeMrkdwn(mission.title),
          freelancer: mission.freelancerId,
        }),
      },
    },
    scaleInput(field.rating, tr('offboarding.evaluation.rating'), 1, 5),
  ];
  if (skills.length > 0) {
    blocks.push({
      type: 'input',
      block_id: field.skills,
      optional: true,
      label: plain(tr('offboarding.evaluation.skills')),
      element: {
        type: 'checkboxes',
        action_id: field.skills,
        options: skills.map((s) => ({ text: plain(s), value: s.slice(0, 40) })),
      },
    });
  }
  blocks.push(
    {
      type: 'input',
      block_id: field.moreSkills,
      optional: true,
      label: plain(tr('offboarding.evaluation.moreSkills')),
      element: { type: 'plain_text_input', action_id: field.moreSkills, max_length: 300 },
    },
    {
      type: 'input',
      block_id: field.recommendation,
      optional: true,
      label: plain(tr('offboarding.evaluation.recommendation')),
      element: {
        type: 'plain_text_input',
        action_id: field.recommendation,
        multiline: true,
        max_length: 2000,
      },
    },
    {
      type: 'input',
      block_id: field.share,
      optional: true,
      label: plain(tr('offboarding.evaluation.shareLabel')),
      element: {
        type: 'checkboxes',
        action_id: field.share,
        options: [{ text: plain(tr('offboarding.evaluation.share')), value: 'share' }],
      },
    },
    {
      type: 'input',
      block_id: field.privateNote,
      optional: true,
      label: plain(tr('offboarding.evaluation.privateNote')),
      hint: plain(tr('offboarding.evaluation.privateHint')),
      element: { type: 'plain_text_input', action_id: field.privateNote, multiline: true, max_length: 2000 },
    },
    { type: 'context', elements: [{ type: 'mrkdwn', text: tr('offboarding.evaluation.privacy') }] },
    yesNoInput(tr, field.rehire, tr('offboarding.evaluation.rehire')),
    yesNoInput(tr, field.renewed, tr('offboarding.evaluation.renewed')),
  );
  return {
    type: 'modal',
    callback_id: EVALUATION_MODAL,
    title: plain(tr('offboarding.evaluation.title').slice(0, 24)),
    submit: plain(tr('offboarding.modal.send').slice(0, 24)),
    close: plain(tr('offboarding.modal.cancel').slice(0, 24)),
    private_metadata: JSON.stringify({ v: 1, id: String(mission._id) }),
    blocks,
  };
}
