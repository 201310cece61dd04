import type { KnownBlock } from '@slack/types';
import type { Translate } from '../../i18n/index.js';
import type { CommandHelp } from './ids.js';

/** The help message: intro, then one line per command; with `unknown`, a first line saying it is unknown. */
export function helpMessage(
  tr: Translate,
  commands: readonly CommandHelp[],
  unknown?: string,
): { text: string; blocks: KnownBlock[] } {
  const lines = commands.map(
    (c) => `• \`${c.command}${c.usage ? ` ${c.usage}` : ''}\` — ${tr(c.description)}`,
  );
  const blocks: KnownBlock[] = [];
  if (unknown !== undefined) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: tr('help.unknownSubcommand', { sub: unknown }) },
    });
  }
  blocks.push(
    { type: 'header', text: { type: 'plain_text', text: tr('help.title') } },
    { type: 'section', text: { type: 'mrkdwn', text: tr('help.intro') } },
    {
      type: 'section',
      text: { type: 'mrkdwn', text: `*${tr('help.commandsHeader')}*\n${lines.join('\n')}` },
    },
    { type: 'section', text: { type: 'mrkdwn', text: tr('help.preferences') } },
    { type: 'section', text: { type: 'mrkdwn', text: tr('help.privacy') } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: tr('help.footer', { command: '/passerelle' }) }] },
  );
  const text = unknown !== undefined ? tr('help.unknownSubcommand', { sub: unknown }) : tr('help.title');
  return { text, blocks };
}
