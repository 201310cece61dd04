import { formatDate, translator } from '../../../i18n/index.js';
import { button } from '../../../slack/blocks.js';
import { escapeMrkdwn, truncate } from '../../../slack/mrkdwn.js';
import type { Reader } from '../../../slack/reader.js';
import type { ListedMission } from '../../missions/index.js';
import type { DigestEntry } from '../../reminders/index.js';
import { itemBlockId, TOGGLE_ITEM } from '../ids.js';
import type { OnboardingItem } from '../model.js';

// Labels come from editable templates: keep each line far below the 3000-char section limit.
const MAX_LABEL = 300;

/**
 * An overdue item in a reminder digest, with the checklist's own toggle button: its block_id says
 * "open" as the reader saw it, so a click on a stale digest never reopens a ticked item.
 */
export function digestEntry(
  item: OnboardingItem,
  mission: Pick<ListedMission, 'title' | 'status'> | undefined,
  reader: Pick<Reader, 'locale' | 'zone'>,
): DigestEntry {
  const tr = translator(reader.locale);
  const label = escapeMrkdwn(truncate(item.label[reader.locale], MAX_LABEL));
  const text = item.dueAt
    ? tr('onboarding.digest.item', { label, date: formatDate(item.dueAt, reader.locale, reader.zone) })
    : `*${label}*`;
  const id = item._id.toString();
  return {
    missionId: item.missionId.toString(),
    missionTitle: mission?.title ?? '',
    order: item.index,
    text,
    blockId: itemBlockId(id, item.done),
    done: item.done,
    ...(mission?.status === 'onboarding'
      ? { button: button(tr('onboarding.reminder.button'), TOGGLE_ITEM, id, 'primary') }
      : {}),
  };
}
