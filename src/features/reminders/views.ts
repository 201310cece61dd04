import type { KnownBlock, SectionBlock } from '@slack/types';
import { type Translate, translator } from '../../i18n/index.js';
import type { OutgoingMessage } from '../../slack/gateway.js';
import { escapeMrkdwn, truncate } from '../../slack/mrkdwn.js';
import type { Reader } from '../../slack/reader.js';
import { byMission, fitGroups, MAX_BLOCKS } from './rules.js';
import type { DigestEntry } from './source.js';

// Entries' lines come from editable templates: keep each row far below the 3000-char section limit.
const MAX_LINE = 600;
const MAX_TITLE = 200;

/**
 * A person's reminder digest: what is still to do, mission by mission, each item with its button;
 * past Block Kit's limits, the first items and "and N more on your Home". Done items (ticked since)
 * show ticked, without a button.
 */
export function digestMessage(
  entries: readonly DigestEntry[],
  reader: Pick<Reader, 'locale'>,
): OutgoingMessage {
  const tr = translator(reader.locale);
  const open = entries.filter((e) => !e.done).length;
  const text = open > 0 ? tr('reminders.digest.text', { count: open }) : tr('reminders.digest.allDone');
  const intro: KnownBlock = { type: 'section', text: { type: 'mrkdwn', text } };
  // Room for the intro, the "more" line and the footer.
  const { blocks, left } = fitGroups(byMission(entries), MAX_BLOCKS - 3, missionTitle, row);
  const more: KnownBlock[] =
    left > 0
      ? [
          {
            type: 'context',
            elements: [{ type: 'mrkdwn', text: tr('reminders.digest.more', { count: left }) }],
          },
        ]
      : [];
  return { text, blocks: [intro, ...blocks, ...more, footer(tr)].slice(0, MAX_BLOCKS) };
}

function missionTitle(group: DigestEntry[]): KnownBlock {
  const title = escapeMrkdwn(truncate(group[0]?.missionTitle ?? '', MAX_TITLE));
  return { type: 'section', text: { type: 'mrkdwn', text: `*${title}*` } };
}

function row(entry: DigestEntry): KnownBlock {
  const line = truncate(entry.text, MAX_LINE);
  const block: SectionBlock = {
    type: 'section',
    block_id: entry.blockId,
    text: { type: 'mrkdwn', text: `${entry.done ? '✅' : '⬜'} ${line}` },
  };
  if (!entry.done && entry.button) block.accessory = entry.button;
  return block;
}

function footer(tr: Translate): KnownBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: tr('reminders.digest.footer') }] };
}
