/**
 * Block Kit → HTML for the sandbox page (pure: data in, a string out, every text escaped).
 *
 * Interactive elements carry what the page's script needs to send the interaction Slack would:
 * `data-type`, `data-action-id`, `data-block-id` (and `data-stateful` for the ones whose value goes
 * in `state.values`), `data-dispatch` for inputs that send block_actions (`dispatch_action`).
 */
import { type Words, wordsFor } from '../i18n.js';
import { emojiOf, replaceShortcodes } from './emoji.js';
import { escapeHtml, linkHtml, mrkdwnToHtml, type Viewer } from './mrkdwn-html.js';

export type { Viewer } from './mrkdwn-html.js';
export { escapeHtml, formatSlackDate, mrkdwnToHtml } from './mrkdwn-html.js';

/** A person or conversation offered by the users / conversations selects. */
export interface Choice {
  id: string;
  name: string;
}

/** What rendering needs beyond the blocks: the viewer, the directory, and a modal's field errors. */
export interface RenderContext extends Viewer {
  users: readonly Choice[];
  conversations: readonly Choice[];
  /** `response_action: errors` of the last submission, by input block id. */
  errors?: Readonly<Record<string, string>>;
  /** The words the client draws itself ("(optional)", "Select…"), in the viewer's language (default English). */
  words?: Words;
  /** Makes element ids unique on the page (a view's id); labels point at their inputs with them. */
  idPrefix?: string;
}

const wordsOf = (ctx: RenderContext) => ctx.words ?? wordsFor(ctx.locale);

/** The id of a block's element, stable from one render to the next (the page compares the HTML). */
function elementId(ctx: RenderContext, blockId: string, actionId: string): string {
  return `bk-${ctx.idPrefix ?? ''}-${blockId}-${actionId}`.replace(/[^A-Za-z0-9_-]/g, '_');
}

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** A text object (plain_text or mrkdwn) as HTML. */
export function textHtml(t: unknown, ctx: RenderContext): string {
  if (typeof t === 'string') return escapeHtml(t);
  if (!isObj(t)) return '';
  const text = str(t.text);
  if (t.type === 'mrkdwn') return mrkdwnToHtml(text, ctx);
  // plain_text shows shortcodes as emoji unless `emoji: false`, as Slack does.
  const html = escapeHtml(text).replace(/\n/g, '<br>');
  return t.emoji === false ? html : replaceShortcodes(html);
}

/** The plain words of a text object (for option labels sent back in payloads). */
function plainOf(t: unknown): string {
  return isObj(t) ? str(t.text) : '';
}

function attrs(map: Record<string, string | number | boolean | undefined>): string {
  return Object.entries(map)
    .filter(([, v]) => v !== undefined && v !== false)
    .map(([k, v]) => (v === true ? ` ${k}` : ` ${k}="${escapeHtml(String(v))}"`))
    .join('');
}

/** The attributes every interactive element carries. */
function elementAttrs(el: Obj, blockId: string, extra: Record<string, string | boolean | undefined> = {}) {
  return attrs({
    class: `bk-el bk-${str(el.type).replace(/_/g, '-')}`,
    'data-type': str(el.type),
    'data-action-id': str(el.action_id),
    'data-block-id': blockId,
    ...extra,
  });
}

const STATEFUL = new Set([
  'static_select',
  'multi_static_select',
  'users_select',
  'multi_users_select',
  'conversations_select',
  'multi_conversations_select',
  'channels_select',
  'multi_channels_select',
  'external_select',
  'datepicker',
  'timepicker',
  'datetimepicker',
  'checkboxes',
  'radio_buttons',
  'plain_text_input',
  'number_input',
  'email_text_input',
  'url_text_input',
]);

interface Placement {
  blockId: string;
  /** The element's id (an input block's label points at it). */
  id?: string;
  /** The element's name for assistive technology when no label is tied to it. */
  name?: string;
  /** In an input block: sends block_actions only with dispatch_action. */
  inInput: boolean;
  dispatch: boolean;
}

function optionHtml(o: unknown, selected: Set<string>): string {
  if (!isObj(o)) return '';
  const value = str(o.value);
  return `<option${attrs({ value, selected: selected.has(value), 'data-text': plainOf(o.text) })}>${replaceShortcodes(escapeHtml(plainOf(o.text)))}</option>`;
}

function selectedValues(el: Obj): Set<string> {
  const values = new Set<string>();
  if (isObj(el.initial_option)) values.add(str(el.initial_option.value));
  for (const o of arr(el.initial_options)) if (isObj(o)) values.add(str(o.value));
  return values;
}

function placeholder(el: Obj, fallback: string): string {
  return plainOf(el.placeholder) || fallback;
}

/** `id` for an element under a label, `aria-label` for one standing alone (a select in a message). */
function nameAttrs(el: Obj, p: Placement, ctx: RenderContext) {
  return {
    id: p.id,
    'aria-label': p.id ? undefined : p.name || placeholder(el, wordsOf(ctx).w('select')),
  };
}

function choicesSelect(
  el: Obj,
  p: Placement,
  choices: readonly Choice[],
  initial: unknown,
  multiple: boolean,
  ctx: RenderContext,
): string {
  const chosen = new Set((Array.isArray(initial) ? initial : [initial]).filter((v) => typeof v === 'string'));
  const empty = multiple
    ? ''
    : `<option value="">${escapeHtml(placeholder(el, wordsOf(ctx).w('select')))}</option>`;
  const options = choices
    .map((c) => `<option${attrs({ value: c.id, selected: chosen.has(c.id) })}>${escapeHtml(c.name)}</option>`)
    .join('');
  return `<select${elementAttrs(el, p.blockId, stateAttrs(el, p, { multiple, ...nameAttrs(el, p, ctx) }))}>${empty}${options}</select>`;
}

function stateAttrs(el: Obj, p: Placement, extra: Record<string, string | boolean | undefined> = {}) {
  const sends = !p.inInput || p.dispatch;
  const triggers = isObj(el.dispatch_action_config) ? arr(el.dispatch_action_config.trigger_actions_on) : [];
  return {
    'data-stateful': true,
    'data-dispatch': sends,
    'data-dispatch-on': triggers.includes('on_character_entered') ? 'input' : 'enter',
    ...extra,
  };
}

/** One interactive or image element. */
export function elementHtml(el: unknown, ctx: RenderContext, p: Placement): string {
  if (!isObj(el)) return '';
  const type = str(el.type);
  const id = p.blockId;
  switch (type) {
    case 'button': {
      const style = el.style === 'primary' || el.style === 'danger' ? ` bk-${el.style}` : '';
      const confirm = isObj(el.confirm) ? plainOf(el.confirm.text) || plainOf(el.confirm.title) : undefined;
      const a = elementAttrs(el, id, {
        'data-value': typeof el.value === 'string' ? el.value : undefined,
        'data-url': typeof el.url === 'string' ? el.url : undefined,
        'data-text': plainOf(el.text),
        'data-confirm': confirm,
        type: 'button',
      }).replace('class="bk-el bk-button"', `class="bk-el bk-button${style}"`);
      return `<button${a}>${textHtml(el.text, ctx)}</button>`;
    }
    case 'overflow':
      return `<select${elementAttrs(el, id, { title: wordsOf(ctx).w('moreActions'), 'aria-label': wordsOf(ctx).w('moreActions') })}><option value="">⋯</option>${arr(
        el.options,
      )
        .map((o) => optionHtml(o, new Set()))
        .join('')}</select>`;
    case 'static_select':
    case 'multi_static_select': {
      const multiple = type === 'multi_static_select';
      const chosen = selectedValues(el);
      const groups = arr(el.option_groups);
      const body =
        groups.length > 0
          ? groups
              .filter(isObj)
              .map(
                (g) =>
                  `<optgroup label="${escapeHtml(plainOf(g.label))}">${arr(g.options)
                    .map((o) => optionHtml(o, chosen))
                    .join('')}</optgroup>`,
              )
              .join('')
          : arr(el.options)
              .map((o) => optionHtml(o, chosen))
              .join('');
      const empty = multiple
        ? ''
        : `<option value="">${escapeHtml(placeholder(el, wordsOf(ctx).w('select')))}</option>`;
      return `<select${elementAttrs(el, id, stateAttrs(el, p, { multiple, ...nameAttrs(el, p, ctx) }))}>${empty}${body}</select>`;
    }
    case 'users_select':
      return choicesSelect(el, p, ctx.users, el.initial_user, false, ctx);
    case 'multi_users_select':
      return choicesSelect(el, p, ctx.users, el.initial_users, true, ctx);
    case 'conversations_select':
      return choicesSelect(el, p, ctx.conversations, el.initial_conversation, false, ctx);
    case 'multi_conversations_select':
      return choicesSelect(el, p, ctx.conversations, el.initial_conversations, true, ctx);
    case 'channels_select':
      return choicesSelect(el, p, ctx.conversations, el.initial_channel, false, ctx);
    case 'multi_channels_select':
      return choicesSelect(el, p, ctx.conversations, el.initial_channels, true, ctx);
    case 'external_select':
      return `<select${elementAttrs(el, id, { ...stateAttrs(el, p), ...nameAttrs(el, p, ctx), disabled: true })}><option value="">${escapeHtml(
        placeholder(el, wordsOf(ctx).w('externalOptions')),
      )}</option></select>`;
    case 'datepicker':
      return `<input${elementAttrs(el, id, stateAttrs(el, p, { type: 'date', value: str(el.initial_date) || undefined, ...nameAttrs(el, p, ctx) }))}>`;
    case 'timepicker':
      return `<input${elementAttrs(el, id, stateAttrs(el, p, { type: 'time', value: str(el.initial_time) || undefined, ...nameAttrs(el, p, ctx) }))}>`;
    case 'datetimepicker': {
      const initial =
        typeof el.initial_date_time === 'number'
          ? new Date(el.initial_date_time * 1000).toISOString().slice(0, 16)
          : undefined;
      return `<input${elementAttrs(el, id, stateAttrs(el, p, { type: 'datetime-local', value: initial, ...nameAttrs(el, p, ctx) }))}>`;
    }
    case 'checkboxes':
    case 'radio_buttons': {
      const kind = type === 'checkboxes' ? 'checkbox' : 'radio';
      const chosen = selectedValues(el);
      const name = `${id}/${str(el.action_id)}`;
      const items = arr(el.options)
        .filter(isObj)
        .map((o) => {
          const value = str(o.value);
          const description = o.description ? `<small>${textHtml(o.description, ctx)}</small>` : '';
          return `<label class="bk-choice"><input${attrs({ type: kind, name, value, checked: chosen.has(value), 'data-text': plainOf(o.text) })}> <span>${textHtml(o.text, ctx)}</span>${description}</label>`;
        })
        .join('');
      const group = {
        role: kind === 'radio' ? 'radiogroup' : 'group',
        'aria-labelledby': p.id ? `${p.id}-label` : undefined,
        'aria-label': p.id ? undefined : p.name,
      };
      return `<div${elementAttrs(el, id, stateAttrs(el, p, group))}>${items}</div>`;
    }
    case 'plain_text_input': {
      const common = stateAttrs(el, p, {
        placeholder: plainOf(el.placeholder) || undefined,
        maxlength: typeof el.max_length === 'number' ? String(el.max_length) : undefined,
        minlength: typeof el.min_length === 'number' ? String(el.min_length) : undefined,
        ...nameAttrs(el, p, ctx),
      });
      if (el.multiline === true) {
        return `<textarea${elementAttrs(el, id, { ...common, rows: '3' })}>${escapeHtml(str(el.initial_value))}</textarea>`;
      }
      return `<input${elementAttrs(el, id, { ...common, type: 'text', value: str(el.initial_value) || undefined })}>`;
    }
    case 'number_input':
    case 'email_text_input':
    case 'url_text_input': {
      const inputType = type === 'number_input' ? 'number' : type === 'email_text_input' ? 'email' : 'url';
      return `<input${elementAttrs(el, id, stateAttrs(el, p, { type: inputType, value: str(el.initial_value) || undefined, ...nameAttrs(el, p, ctx) }))}>`;
    }
    case 'image':
      return imageHtml(el, 'bk-thumb');
    default:
      return `<span class="bk-unknown">[${escapeHtml(type || 'element')}]</span>`;
  }
}

function imageHtml(el: Obj, cls: string): string {
  const url = str(el.image_url);
  const alt = str(el.alt_text);
  if (!/^https?:/i.test(url)) return `<span class="${cls} bk-image-missing">${escapeHtml(alt)}</span>`;
  return `<img class="${cls}" src="${escapeHtml(url)}" alt="${escapeHtml(alt)}" loading="lazy">`;
}

/** A rich_text block's inline element. */
function richInline(e: unknown, ctx: RenderContext): string {
  if (!isObj(e)) return '';
  const style = isObj(e.style) ? e.style : {};
  const wrap = (html: string) => {
    let out = html;
    if (style.code) out = `<code class="mk-code">${out}</code>`;
    if (style.bold) out = `<b>${out}</b>`;
    if (style.italic) out = `<i>${out}</i>`;
    if (style.strike) out = `<s>${out}</s>`;
    return out;
  };
  switch (e.type) {
    case 'text':
      return wrap(escapeHtml(str(e.text)).replace(/\n/g, '<br>'));
    case 'link':
      return wrap(linkHtml(str(e.url), str(e.text) || str(e.url)));
    case 'user':
      return `<span class="mk-mention">@${escapeHtml(ctx.userName(str(e.user_id)) ?? str(e.user_id))}</span>`;
    case 'channel':
      return `<span class="mk-mention mk-channel">#${escapeHtml(ctx.channelName(str(e.channel_id)) ?? str(e.channel_id))}</span>`;
    case 'emoji':
      return typeof e.unicode === 'string'
        ? escapeHtml(String.fromCodePoint(...e.unicode.split('-').map((h) => Number.parseInt(h, 16))))
        : escapeHtml(emojiOf(str(e.name)) ?? `:${str(e.name)}:`);
    case 'broadcast':
      return `<span class="mk-mention mk-special">@${escapeHtml(str(e.range))}</span>`;
    case 'date':
      return mrkdwnToHtml(`<!date^${Number(e.timestamp)}^${str(e.format)}|${str(e.fallback)}>`, ctx);
    default:
      return '';
  }
}

function richElement(e: unknown, ctx: RenderContext): string {
  if (!isObj(e)) return '';
  const inline = () =>
    arr(e.elements)
      .map((x) => richInline(x, ctx))
      .join('');
  switch (e.type) {
    case 'rich_text_section':
      return `<div class="rt-section">${inline()}</div>`;
    case 'rich_text_preformatted':
      return `<pre class="mk-pre">${inline()}</pre>`;
    case 'rich_text_quote':
      return `<blockquote class="mk-quote">${inline()}</blockquote>`;
    case 'rich_text_list': {
      const tag = e.style === 'ordered' ? 'ol' : 'ul';
      const items = arr(e.elements)
        .map(
          (x) =>
            `<li>${
              isObj(x)
                ? arr(x.elements)
                    .map((y) => richInline(y, ctx))
                    .join('')
                : ''
            }</li>`,
        )
        .join('');
      return `<${tag} class="rt-list" style="margin-left:${Number(e.indent ?? 0) * 1.2}em">${items}</${tag}>`;
    }
    default:
      return '';
  }
}

/** One block. */
export function blockHtml(block: unknown, ctx: RenderContext): string {
  if (!isObj(block)) return '';
  const blockId = str(block.block_id);
  const at = attrs({ 'data-block-id': blockId || undefined });
  const placed: Placement = { blockId, inInput: false, dispatch: false };
  switch (block.type) {
    case 'section': {
      const text = block.text ? `<div class="bk-text">${textHtml(block.text, ctx)}</div>` : '';
      const fields = arr(block.fields);
      const grid =
        fields.length > 0
          ? `<div class="bk-fields">${fields.map((f) => `<div>${textHtml(f, ctx)}</div>`).join('')}</div>`
          : '';
      const accessory = block.accessory
        ? `<div class="bk-accessory">${elementHtml(block.accessory, ctx, placed)}</div>`
        : '';
      return `<div class="bk-block bk-section"${at}><div class="bk-main">${text}${grid}</div>${accessory}</div>`;
    }
    case 'header':
      return `<h3 class="bk-block bk-header"${at}>${textHtml(block.text, ctx)}</h3>`;
    case 'divider':
      return `<hr class="bk-block bk-divider"${at}>`;
    case 'context':
      return `<div class="bk-block bk-context"${at}>${arr(block.elements)
        .map((e) =>
          isObj(e) && e.type === 'image'
            ? imageHtml(e, 'bk-context-img')
            : `<span>${textHtml(e, ctx)}</span>`,
        )
        .join('')}</div>`;
    case 'actions':
      return `<div class="bk-block bk-actions"${at}>${arr(block.elements)
        .map((e) => elementHtml(e, ctx, placed))
        .join('')}</div>`;
    case 'image': {
      const title = block.title ? `<figcaption>${textHtml(block.title, ctx)}</figcaption>` : '';
      return `<figure class="bk-block bk-image"${at}>${title}${imageHtml(block, 'bk-picture')}</figure>`;
    }
    case 'input': {
      const element = isObj(block.element) ? block.element : {};
      const elementKind = str(element.type);
      const grouped = elementKind === 'checkboxes' || elementKind === 'radio_buttons';
      const forId = elementId(ctx, blockId, str(element.action_id));
      const inInput: Placement = {
        blockId,
        id: forId,
        inInput: true,
        dispatch: block.dispatch_action === true,
      };
      const optional =
        block.optional === true
          ? ` <span class="bk-optional">${escapeHtml(wordsOf(ctx).w('optional'))}</span>`
          : '';
      const hint = block.hint ? `<div class="bk-hint">${textHtml(block.hint, ctx)}</div>` : '';
      const error = ctx.errors?.[blockId];
      const errorHtml = error ? `<div class="bk-error" role="alert">${escapeHtml(error)}</div>` : '';
      const cls = `bk-block bk-input${error ? ' bk-has-error' : ''}`;
      // A group of choices is named by its label's id; any other element is the label's `for`.
      const label = grouped
        ? `<span class="bk-label" id="${forId}-label">${textHtml(block.label, ctx)}${optional}</span>`
        : `<label class="bk-label" for="${forId}">${textHtml(block.label, ctx)}${optional}</label>`;
      return `<div class="${cls}"${at}>${label}${elementHtml(element, ctx, inInput)}${hint}${errorHtml}</div>`;
    }
    case 'rich_text':
      return `<div class="bk-block bk-rich-text"${at}>${arr(block.elements)
        .map((e) => richElement(e, ctx))
        .join('')}</div>`;
    default:
      return `<div class="bk-block bk-unknown"${at}>[${escapeHtml(str(block.type) || 'block')}]</div>`;
  }
}

/** A list of blocks; without blocks, the message's fallback text as mrkdwn. */
export function blocksHtml(blocks: unknown, ctx: RenderContext, fallbackText?: string): string {
  const list = arr(blocks);
  if (list.length === 0)
    return fallbackText ? `<div class="bk-text">${mrkdwnToHtml(fallbackText, ctx)}</div>` : '';
  return list.map((b) => blockHtml(b, ctx)).join('');
}

/** Whether an element's value goes in `state.values` (exported for the page's tests). */
export function isStateful(type: string): boolean {
  return STATEFUL.has(type);
}

/** A modal or Home view: title, blocks, and the submit / close buttons of a modal. */
export function viewHtml(view: unknown, ctx: RenderContext): string {
  if (!isObj(view)) return '';
  const blocks = blocksHtml(view.blocks, ctx);
  if (view.type !== 'modal') return `<div class="bk-view bk-home">${blocks}</div>`;
  const title = `<h2 class="bk-modal-title" id="bk-modal-title">${textHtml(view.title, ctx)}</h2>`;
  const close = `<button type="button" class="bk-modal-close" data-modal="close">${escapeHtml(plainOf(view.close) || wordsOf(ctx).w('cancel'))}</button>`;
  const submit = view.submit
    ? `<button type="button" class="bk-modal-submit bk-primary" data-modal="submit">${escapeHtml(plainOf(view.submit))}</button>`
    : '';
  return `<div class="bk-view bk-modal">${title}<div class="bk-modal-body">${blocks}</div><div class="bk-modal-footer">${close}${submit}</div></div>`;
}
