/**
 * Pure Block Kit / view validation, the way Slack checks payloads (SLACK.md sections 3, 4, 6).
 * Returns a list of `{pointer, message}`; the stand-in turns it into `invalid_blocks` or
 * `invalid_arguments` answers. Plain module: also usable from unit tests of view builders.
 */
import {
  checkArray,
  checkConfirm,
  checkElement,
  checkString,
  checkText,
  ELEMENTS_FOR,
  Issues,
  isObj,
  type LimitViolation,
} from './block-kit-elements.js';

export type { LimitViolation } from './block-kit-elements.js';

/** Where blocks are shown: decides the block count limit (50 for messages, 100 otherwise). */
export type Surface = 'message' | 'modal' | 'home';

/** Max blocks per surface (SLACK.md 4.1). */
export const MAX_BLOCKS: Record<Surface, number> = { message: 50, modal: 100, home: 100 };
/** Message `text` beyond this is truncated by Slack (SLACK.md 4.13). */
export const MAX_MESSAGE_TEXT = 40_000;
/** Views larger than this (serialized) are rejected with `view_too_large` (SLACK.md 3.6). */
export const MAX_VIEW_BYTES = 250 * 1024;

const CONTEXT_ELEMENTS = ['image', 'plain_text', 'mrkdwn'];

/** Validates a `blocks` array; `ptr` is its JSON pointer (`/blocks` or `/view/blocks`). */
export function checkBlocks(blocks: unknown, surface: Surface, ptr = '/blocks'): LimitViolation[] {
  const issues = new Issues();
  collectBlocks(issues, blocks, surface, ptr);
  return issues.list;
}

function collectBlocks(issues: Issues, blocks: unknown, surface: Surface, ptr: string): void {
  const min = surface === 'modal' ? 1 : 0;
  const list = checkArray(issues, blocks, ptr, min, MAX_BLOCKS[surface]);
  const blockIds = new Set<string>();
  list.forEach((b, i) => {
    const bp = `${ptr}/${i}`;
    if (!isObj(b)) {
      issues.add(bp, 'must provide an object');
      return;
    }
    checkString(issues, b, 'block_id', bp, 255);
    if (typeof b.block_id === 'string') {
      if (blockIds.has(b.block_id)) issues.add(`${bp}/block_id`, `duplicate block_id: ${b.block_id}`);
      blockIds.add(b.block_id);
    }
    checkBlock(issues, b, bp);
  });
}

function checkBlock(issues: Issues, b: Record<string, unknown>, bp: string): void {
  const actionIds = new Set<string>();
  const element = (el: unknown, p: string, allowed: readonly string[]) => {
    const id = checkElement(issues, el, p, allowed);
    if (id === undefined) return;
    if (actionIds.has(id)) issues.add(`${p}/action_id`, `duplicate action_id: ${id}`);
    actionIds.add(id);
  };
  switch (b.type) {
    case 'section':
      if (b.text === undefined && b.fields === undefined) {
        issues.add(bp, 'must provide text or fields');
      }
      checkText(issues, b.text, `${bp}/text`, 3000);
      if (b.fields !== undefined) {
        checkArray(issues, b.fields, `${bp}/fields`, 1, 10).forEach((f, i) => {
          checkText(issues, f, `${bp}/fields/${i}`, 2000, { required: true });
        });
      }
      if (b.accessory !== undefined) element(b.accessory, `${bp}/accessory`, ELEMENTS_FOR.accessory);
      break;
    case 'header':
      checkText(issues, b.text, `${bp}/text`, 150, { plain: true, required: true });
      break;
    case 'divider':
      break;
    case 'image':
      if (b.slack_file === undefined) checkString(issues, b, 'image_url', bp, 3000, true);
      checkString(issues, b, 'alt_text', bp, 2000, true);
      checkText(issues, b.title, `${bp}/title`, 2000, { plain: true });
      break;
    case 'context':
      checkArray(issues, b.elements, `${bp}/elements`, 1, 10).forEach((el, i) => {
        const p = `${bp}/elements/${i}`;
        if (isObj(el) && (el.type === 'plain_text' || el.type === 'mrkdwn')) {
          // No documented length cap on context text; only emptiness is checked.
          checkText(issues, el, p, Number.MAX_SAFE_INTEGER);
        } else {
          checkElement(issues, el, p, CONTEXT_ELEMENTS);
        }
      });
      break;
    case 'actions':
      checkArray(issues, b.elements, `${bp}/elements`, 1, 25).forEach((el, i) => {
        element(el, `${bp}/elements/${i}`, ELEMENTS_FOR.actions);
      });
      break;
    case 'input':
      checkText(issues, b.label, `${bp}/label`, 2000, { plain: true, required: true });
      checkText(issues, b.hint, `${bp}/hint`, 2000, { plain: true });
      if (b.element === undefined) issues.add(`${bp}/element`, 'missing required field');
      else element(b.element, `${bp}/element`, ELEMENTS_FOR.input);
      break;
    case 'markdown':
      checkString(issues, b, 'text', bp, 12_000, true);
      break;
    case 'rich_text':
      checkArray(issues, b.elements, `${bp}/elements`, 1, Number.MAX_SAFE_INTEGER);
      break;
    case 'file':
    case 'video':
    case 'call':
      break;
    default:
      issues.add(`${bp}/type`, `unsupported block type: ${String(b.type)}`);
  }
  checkConfirm(issues, b.confirm, `${bp}/confirm`);
}

/** True when the blocks contain an input block (then a modal needs `submit`). */
export function hasInputBlock(blocks: unknown): boolean {
  return Array.isArray(blocks) && blocks.some((b) => isObj(b) && b.type === 'input');
}

/** Validates a view object (modal or home) sent to views.open/update/push/publish. */
export function checkView(view: unknown, ptr = '/view'): LimitViolation[] {
  const issues = new Issues();
  if (!isObj(view)) {
    issues.add(ptr, 'must provide an object');
    return issues.list;
  }
  const type = view.type;
  if (type !== 'modal' && type !== 'home') {
    issues.add(`${ptr}/type`, 'must be one of modal, home');
    return issues.list;
  }
  if (type === 'modal') {
    checkText(issues, view.title, `${ptr}/title`, 24, { plain: true, required: true });
    checkText(issues, view.submit, `${ptr}/submit`, 24, { plain: true });
    checkText(issues, view.close, `${ptr}/close`, 24, { plain: true });
    if (view.submit === undefined && hasInputBlock(view.blocks)) {
      issues.add(`${ptr}/submit`, 'must provide submit when the view has input blocks');
    }
  } else {
    checkText(issues, view.title, `${ptr}/title`, 24, { plain: true });
    for (const key of ['submit', 'close']) {
      if (view[key] !== undefined) issues.add(`${ptr}/${key}`, `home views may not have ${key}`);
    }
  }
  checkString(issues, view, 'private_metadata', ptr, 3000);
  checkString(issues, view, 'callback_id', ptr, 255);
  checkString(issues, view, 'external_id', ptr, 255);
  collectBlocks(issues, view.blocks, type, `${ptr}/blocks`);
  return issues.list;
}

/** Formats violations as Slack's `response_metadata.messages` lines. */
export function toSlackMessages(violations: LimitViolation[]): string[] {
  return violations.map((v) => `[ERROR] ${v.message} [json-pointer:${v.pointer}]`);
}
