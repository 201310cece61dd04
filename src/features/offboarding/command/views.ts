import type { KnownBlock } from '@slack/types';
import type { Locale } from '../../../config.js';
import { formatCalendarDate, type Translate } from '../../../i18n/index.js';
import type { OutgoingMessage } from '../../../slack/gateway.js';
import { escapeMrkdwn, truncate } from '../../../slack/mrkdwn.js';
import type { ListedMission } from '../../missions/index.js';
import { PICK_MISSION } from '../ids.js';
import type { EndSearch } from './rules.js';

/** Block Kit's limit on a static select's options (SLACK.md). */
export const MAX_PICKER_OPTIONS = 100;

const plain = (text: string) => ({ type: 'plain_text' as const, text: truncate(text, 75) });

/**
 * `/mission-end` with several missions to choose from: a static select of the first 100 (those
 * ending soonest); past that, the text says how many there are and how to narrow them by title.
 */
export function pickerMessage(
  tr: Translate,
  missions: readonly ListedMission[],
  locale: Locale,
): OutgoingMessage {
  const shown = missions.slice(0, MAX_PICKER_OPTIONS);
  const text =
    missions.length > shown.length
      ? `${tr('offboarding.pick.text')} ${tr('offboarding.pick.more', { shown: shown.length, count: missions.length })}`
      : tr('offboarding.pick.text');
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      block_id: 'offboarding.pick',
      text: { type: 'mrkdwn', text },
      accessory: {
        type: 'static_select',
        action_id: PICK_MISSION,
        placeholder: plain(tr('offboarding.pick.placeholder')),
        options: shown.map((m) => ({
          text: plain(`${m.title} — ${formatCalendarDate(m.endDate, locale)}`),
          value: String(m._id),
        })),
      },
    },
  ];
  return { text, blocks };
}

/** Why `/mission-end` found nothing to end, in words (the text the person typed quoted back). */
export function nothingToEndText(tr: Translate, result: Exclude<EndSearch, { kind: 'found' }>, text: string) {
  const quoted = escapeMrkdwn(truncate(text.trim(), 80));
  switch (result.kind) {
    case 'noneOpen':
      return tr(
        result.scope === 'workspace' ? 'offboarding.command.noneWorkspace' : 'offboarding.command.none',
      );
    case 'allOffboarding':
      return tr(
        result.scope === 'workspace'
          ? 'offboarding.command.allOffboardingWorkspace'
          : 'offboarding.command.allOffboarding',
      );
    case 'alreadyOffboarding':
      return tr('offboarding.command.alreadyOffboarding', {
        titles: result.titles.map((t) => `*${escapeMrkdwn(truncate(t, 80))}*`).join(', '),
        count: result.titles.length,
      });
    case 'notYours':
      return tr('offboarding.command.notYours', { text: quoted });
    case 'noMatch':
      return tr('offboarding.command.noMatch', { text: quoted });
    case 'closed':
      return tr('offboarding.command.closed', { title: escapeMrkdwn(truncate(result.title, 80)) });
  }
}
