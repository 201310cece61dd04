import type { KnownBlock } from '@slack/types';
import type { Locale } from '../../../config.js';
import type { Translate } from '../../../i18n/index.js';
import { button } from '../../../slack/blocks.js';
import { escapeMrkdwn, truncate } from '../../../slack/mrkdwn.js';
import { CONFIRM_ITEM, OPEN_EVALUATION, OPEN_FEEDBACK } from '../ids.js';
import type { OffboardingTodo } from './service.js';

/** At most this many to-dos on the Home (plus a header, a divider and a "more" line: ≤ 8 blocks). */
export const MAX_TODOS = 5;

/** The Home's offboarding section: one row per to-do with its button; nothing when there is none. */
export function offboardingTodoBlocks(
  tr: Translate,
  todos: readonly OffboardingTodo[],
  locale: Locale,
): KnownBlock[] {
  if (todos.length === 0) return [];
  const blocks: KnownBlock[] = [
    { type: 'divider' },
    { type: 'header', text: { type: 'plain_text', text: tr('offboarding.home.header') } },
  ];
  for (const todo of todos.slice(0, MAX_TODOS)) {
    const title = escapeMrkdwn(todo.title);
    const [text, accessory] =
      todo.kind === 'feedback'
        ? [
            tr('offboarding.home.feedback', { title }),
            button(tr('offboarding.feedback.open'), OPEN_FEEDBACK, todo.missionId),
          ]
        : todo.kind === 'evaluation'
          ? [
              tr('offboarding.home.evaluation', { title }),
              button(tr('offboarding.evaluation.open'), OPEN_EVALUATION, todo.missionId),
            ]
          : [
              tr('offboarding.home.item', { title, label: escapeMrkdwn(todo.label?.[locale] ?? '') }),
              button(tr('offboarding.item.confirm'), CONFIRM_ITEM, todo.itemId ?? ''),
            ];
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: truncate(text, 2900) }, accessory });
  }
  if (todos.length > MAX_TODOS)
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: tr('offboarding.home.more', { count: todos.length - MAX_TODOS }) }],
    });
  return blocks;
}
