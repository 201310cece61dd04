import { translator } from '../../../i18n/index.js';
import { button } from '../../../slack/blocks.js';
import { escapeMrkdwn, truncate } from '../../../slack/mrkdwn.js';
import type { Reader } from '../../../slack/reader.js';
import type { ListedMission } from '../../missions/index.js';
import type { DigestEntry } from '../../reminders/index.js';
import { CONFIRM_ITEM, digestRowBlockId, OPEN_EVALUATION, OPEN_FEEDBACK } from '../ids.js';
import type { HandoverItemDoc, Offboarding } from '../model.js';

type Listed = Pick<ListedMission, 'title' | 'status'> | undefined;
type ReaderOf = Pick<Reader, 'locale'>;

// Handover items first (template order), then the form.
const FORM_ORDER = 100;

/** An open handover item in a digest, with the checklist's own "Confirm" button. */
export function handoverEntry(item: HandoverItemDoc, mission: Listed, reader: ReaderOf): DigestEntry {
  const tr = translator(reader.locale);
  const id = String(item._id);
  const label = escapeMrkdwn(truncate(item.label[reader.locale], 300));
  return entry(mission, item.missionId, item.index, tr('offboarding.digest.item', { label }), {
    blockId: digestRowBlockId(id),
    done: !item.open,
    button: button(tr('offboarding.item.confirm'), CONFIRM_ITEM, id, 'primary'),
  });
}

/** The feedback the freelancer still owes, with the form's button. */
export function feedbackEntry(off: Offboarding, mission: Listed, reader: ReaderOf): DigestEntry {
  const tr = translator(reader.locale);
  return entry(mission, off.missionId, FORM_ORDER, tr('offboarding.digest.feedback'), {
    blockId: digestRowBlockId(`feedback.${off.missionId}`),
    done: off.feedbackState !== 'pending',
    button: button(tr('offboarding.feedback.open'), OPEN_FEEDBACK, off.missionId, 'primary'),
  });
}

/** The evaluation the manager still owes, with the form's button. */
export function evaluationEntry(off: Offboarding, mission: Listed, reader: ReaderOf): DigestEntry {
  const tr = translator(reader.locale);
  return entry(mission, off.missionId, FORM_ORDER, tr('offboarding.digest.evaluation'), {
    blockId: digestRowBlockId(`evaluation.${off.missionId}`),
    done: off.evaluationGiven,
    button: button(tr('offboarding.evaluation.open'), OPEN_EVALUATION, off.missionId, 'primary'),
  });
}

function entry(
  mission: Listed,
  missionId: string,
  order: number,
  text: string,
  row: Pick<DigestEntry, 'blockId' | 'done' | 'button'>,
): DigestEntry {
  // Once the offboarding is over (closed or cancelled), nothing is left to click.
  const live = mission?.status === 'offboarding';
  return {
    missionId,
    missionTitle: mission?.title ?? '',
    order,
    text,
    blockId: row.blockId,
    done: row.done,
    ...(live && row.button ? { button: row.button } : {}),
  };
}
