/**
 * Block Kit element checks (text objects, options, confirm dialogs, interactive elements),
 * used by block-kit-limits.ts. Limits come from SLACK.md section 4; where sources disagree
 * the stricter one is enforced, so a payload that passes here passes on Slack.
 */

/** One schema problem, located by a JSON pointer into the request (e.g. `/blocks/0/text/text`). */
export interface LimitViolation {
  pointer: string;
  message: string;
}

type Obj = Record<string, unknown>;

/** Collects violations; the messages mimic Slack's `[ERROR] ... [json-pointer:...]` wording. */
export class Issues {
  readonly list: LimitViolation[] = [];

  /** Records one violation. */
  add(pointer: string, message: string): void {
    this.list.push({ pointer, message });
  }
}

/** True for a non-null, non-array object. */
export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Checks an optional string field's length (1..max when present). */
export function checkString(
  issues: Issues,
  o: Obj,
  key: string,
  ptr: string,
  max: number,
  required = false,
): void {
  const v = o[key];
  if (v === undefined) {
    if (required) issues.add(`${ptr}/${key}`, 'missing required field');
    return;
  }
  if (typeof v !== 'string') {
    issues.add(`${ptr}/${key}`, 'expected a string');
    return;
  }
  if (v.length > max) issues.add(`${ptr}/${key}`, `must be less than ${max + 1} characters`);
}

/**
 * Checks a text object. `plain` = only plain_text allowed; `min` defaults to 1 because
 * Slack rejects empty text ("must be more than 0 characters").
 */
export function checkText(
  issues: Issues,
  v: unknown,
  ptr: string,
  max: number,
  opts: { plain?: boolean; required?: boolean; min?: number } = {},
): void {
  if (v === undefined) {
    if (opts.required) issues.add(ptr, 'missing required field');
    return;
  }
  if (!isObj(v)) {
    issues.add(ptr, 'must provide an object');
    return;
  }
  if (v.type !== 'plain_text' && v.type !== 'mrkdwn') {
    issues.add(`${ptr}/type`, 'must be one of plain_text, mrkdwn');
    return;
  }
  if (opts.plain && v.type !== 'plain_text') issues.add(`${ptr}/type`, 'must be plain_text');
  if (typeof v.text !== 'string') {
    issues.add(`${ptr}/text`, 'missing required field');
    return;
  }
  const min = opts.min ?? 1;
  if (v.text.length < min) issues.add(`${ptr}/text`, `must be more than ${min - 1} characters`);
  if (v.text.length > max) issues.add(`${ptr}/text`, `must be less than ${max + 1} characters`);
}

/** Checks an array's length; returns the items (or [] when not an array). */
export function checkArray(issues: Issues, v: unknown, ptr: string, min: number, max: number): unknown[] {
  if (!Array.isArray(v)) {
    issues.add(ptr, 'must provide an array');
    return [];
  }
  if (v.length < min) issues.add(ptr, `must provide at least ${min} items`);
  if (v.length > max) issues.add(ptr, `no more than ${max} items allowed`);
  return v;
}

/** Checks an option object; mrkdwn text is allowed only in checkboxes / radio buttons. */
function checkOption(issues: Issues, o: unknown, ptr: string, allowMrkdwn: boolean, allowUrl: boolean): void {
  if (!isObj(o)) {
    issues.add(ptr, 'must provide an object');
    return;
  }
  checkText(issues, o.text, `${ptr}/text`, 75, { plain: !allowMrkdwn, required: true });
  checkString(issues, o, 'value', ptr, 75, true);
  checkText(issues, o.description, `${ptr}/description`, 75, { plain: !allowMrkdwn });
  if (allowUrl) checkString(issues, o, 'url', ptr, 3000);
  else if (o.url !== undefined) issues.add(`${ptr}/url`, 'url is only allowed in overflow menus');
}

function checkOptions(
  issues: Issues,
  v: unknown,
  ptr: string,
  min: number,
  max: number,
  mrkdwn: boolean,
  url = false,
) {
  checkArray(issues, v, ptr, min, max).forEach((o, i) => {
    checkOption(issues, o, `${ptr}/${i}`, mrkdwn, url);
  });
}

/** Checks a confirmation dialog object. */
export function checkConfirm(issues: Issues, v: unknown, ptr: string): void {
  if (v === undefined) return;
  if (!isObj(v)) {
    issues.add(ptr, 'must provide an object');
    return;
  }
  checkText(issues, v.title, `${ptr}/title`, 100, { plain: true });
  checkText(issues, v.text, `${ptr}/text`, 300, { required: true });
  checkText(issues, v.confirm, `${ptr}/confirm`, 30, { plain: true });
  checkText(issues, v.deny, `${ptr}/deny`, 30, { plain: true });
}

const SELECTS = [
  'static_select',
  'multi_static_select',
  'external_select',
  'multi_external_select',
  'users_select',
  'multi_users_select',
  'conversations_select',
  'multi_conversations_select',
  'channels_select',
  'multi_channels_select',
];
const INPUTS = [
  'plain_text_input',
  'email_text_input',
  'url_text_input',
  'number_input',
  'rich_text_input',
  'file_input',
];
const PICKERS = ['datepicker', 'timepicker', 'datetimepicker', 'checkboxes', 'radio_buttons'];

/** Element types each container accepts (Block Kit reference, per block type). */
export const ELEMENTS_FOR = {
  actions: ['button', 'overflow', 'workflow_button', 'rich_text_input', ...SELECTS, ...PICKERS],
  accessory: ['button', 'image', 'overflow', 'workflow_button', ...SELECTS, ...PICKERS],
  input: [...INPUTS, ...SELECTS, ...PICKERS],
} as const;

/** Checks one interactive/image element of the given allowed types; returns its action_id if any. */
export function checkElement(
  issues: Issues,
  el: unknown,
  ptr: string,
  allowed: readonly string[],
): string | undefined {
  if (!isObj(el)) {
    issues.add(ptr, 'must provide an object');
    return undefined;
  }
  const type = typeof el.type === 'string' ? el.type : '';
  if (!allowed.includes(type)) {
    issues.add(`${ptr}/type`, `must be one of ${allowed.join(', ')}`);
    return undefined;
  }
  if (type === 'image') {
    if (el.slack_file === undefined) checkString(issues, el, 'image_url', ptr, 3000, true);
    checkString(issues, el, 'alt_text', ptr, 2000, true);
    return undefined;
  }
  checkString(issues, el, 'action_id', ptr, 255);
  checkConfirm(issues, el.confirm, `${ptr}/confirm`);
  checkText(issues, el.placeholder, `${ptr}/placeholder`, 150, { plain: true });
  switch (type) {
    case 'button':
      checkText(issues, el.text, `${ptr}/text`, 75, { plain: true, required: true });
      checkString(issues, el, 'value', ptr, 2000);
      checkString(issues, el, 'url', ptr, 3000);
      checkString(issues, el, 'accessibility_label', ptr, 75);
      if (el.style !== undefined && el.style !== 'primary' && el.style !== 'danger') {
        issues.add(`${ptr}/style`, 'must be one of primary, danger');
      }
      break;
    case 'overflow':
      checkOptions(issues, el.options, `${ptr}/options`, 1, 5, false, true);
      break;
    case 'checkboxes':
    case 'radio_buttons':
      checkOptions(issues, el.options, `${ptr}/options`, 1, 10, true);
      break;
    case 'static_select':
    case 'multi_static_select':
      checkStaticSelect(issues, el, ptr);
      break;
    case 'plain_text_input':
      for (const k of ['min_length', 'max_length']) {
        const n = el[k];
        if (typeof n === 'number' && (n < 0 || n > 3000))
          issues.add(`${ptr}/${k}`, 'must be between 0 and 3000');
      }
      break;
  }
  return typeof el.action_id === 'string' ? el.action_id : undefined;
}

function checkStaticSelect(issues: Issues, el: Obj, ptr: string): void {
  if (el.options === undefined && el.option_groups === undefined) {
    issues.add(`${ptr}/options`, 'must provide options or option_groups');
    return;
  }
  if (el.options !== undefined) checkOptions(issues, el.options, `${ptr}/options`, 1, 100, false);
  if (el.option_groups === undefined) return;
  checkArray(issues, el.option_groups, `${ptr}/option_groups`, 1, 100).forEach((g, i) => {
    const gp = `${ptr}/option_groups/${i}`;
    if (!isObj(g)) {
      issues.add(gp, 'must provide an object');
      return;
    }
    checkText(issues, g.label, `${gp}/label`, 75, { plain: true, required: true });
    checkOptions(issues, g.options, `${gp}/options`, 1, 100, false);
  });
}
