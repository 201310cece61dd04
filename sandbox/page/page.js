// The sandbox page: polls what the chosen person sees (/api/screen) and sends what they do in
// Slack (/api/command, /api/action, /api/submit…). The HTML of messages and views comes rendered
// from the server (sandbox/render/); this file only places it and reads the inputs back.

const $ = (id) => document.getElementById(id);
const page = {
  as: localStorage.getItem('sandbox.as') || '',
  /** 'home', 'dm', or a channel id. */
  pane: localStorage.getItem('sandbox.pane') || 'home',
  screen: null,
  shown: { pane: '', modal: '', modalView: '', lang: '' },
  busy: 0,
  /** Where the focus goes back when the modal closes (what opened it). */
  returnFocus: null,
};

async function api(kind, body) {
  page.busy += 1;
  document.body.dataset.busy = 'true';
  try {
    const res = await fetch(`/api/${kind}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ as: page.as, ...body }),
    });
    const answer = await res.json().catch(() => ({}));
    if (!res.ok) $('clock-notes').textContent = answer.error || `HTTP ${res.status}`;
    else if (answer.summary) $('clock-notes').textContent = answer.summary;
    return answer;
  } finally {
    page.busy -= 1;
    if (page.busy === 0) document.body.dataset.busy = 'false';
    await refresh();
  }
}

let refreshing = null;
function refresh() {
  if (!refreshing) {
    refreshing = load().finally(() => {
      refreshing = null;
    });
  }
  return refreshing;
}

async function load() {
  const since = page.screen && page.screen.viewer === page.as ? `${page.as}:${page.screen.version}` : '';
  const res = await fetch(`/api/screen?as=${encodeURIComponent(page.as)}&since=${encodeURIComponent(since)}`);
  if (res.status === 204 || !res.ok) return;
  page.screen = await res.json();
  draw();
}

function dmId() {
  return `D${page.as.slice(1)}`;
}

function currentConversation() {
  const s = page.screen;
  if (!s) return undefined;
  const id = page.pane === 'dm' || page.pane === 'home' ? dmId() : page.pane;
  return s.conversations.find((c) => c.id === id) || s.conversations[0];
}

/** The page's own words, in the viewer's language (elements marked data-word, -placeholder, -title…). */
function applyWords(words) {
  if (page.shown.lang === words.lang) return;
  page.shown.lang = words.lang;
  document.documentElement.lang = words.lang;
  document.title = words.title;
  for (const el of document.querySelectorAll('[data-word]')) el.textContent = words[el.dataset.word];
  for (const el of document.querySelectorAll('[data-word-placeholder]'))
    el.placeholder = words[el.dataset.wordPlaceholder];
  for (const el of document.querySelectorAll('[data-word-title]')) el.title = words[el.dataset.wordTitle];
  for (const el of document.querySelectorAll('[data-word-aria-label]'))
    el.setAttribute('aria-label', words[el.dataset.wordAriaLabel]);
}

function draw() {
  const s = page.screen;
  const words = s.chrome;
  applyWords(words);
  const progress = $('progress');
  progress.hidden = !s.progress;
  progress.textContent = s.progress || '';
  const person = $('person');
  const labels = s.people.map((p) => p.label).join('|');
  if (person.dataset.labels !== labels) {
    person.textContent = '';
    for (const p of s.people) person.add(new Option(p.label, p.id));
    person.dataset.labels = labels;
  }
  person.value = page.as;
  $('now').textContent = `${s.now.text} (${s.now.zone})`;
  const to = $('clock-to');
  if (document.activeElement !== to && !to.dataset.edited) to.value = s.now.local;

  const nav = $('sidebar');
  const items = [
    { key: 'home', label: words.home, count: '' },
    ...s.conversations.map((c) => ({
      key: c.kind === 'dm' ? 'dm' : c.id,
      label: c.kind === 'dm' ? words.dm : c.name,
      count: c.messages.length ? String(c.messages.length) : '',
    })),
  ];
  const navHtml = items
    .map(
      (i) =>
        `<button type="button" data-pane="${i.key}"${i.key === page.pane ? ' aria-current="page"' : ''}>${escapeText(i.label)}<span class="count">${i.count}</span></button>`,
    )
    .join('');
  if (nav.innerHTML !== navHtml) nav.innerHTML = navHtml;

  let title;
  let html;
  if (page.pane === 'home') {
    title = words.home;
    const home = s.home
      ? `<div data-surface="view" data-view-id="${s.home.viewId}">${s.home.html}</div>`
      : `<p class="empty">${escapeText(words.homeNotPublished)}</p>`;
    html = `${s.guide}${home}`;
  } else {
    const c = currentConversation();
    title = c ? c.name : '';
    html = c?.messages.length
      ? c.messages.map((m) => m.html).join('')
      : `<p class="empty">${escapeText(words.noMessages)}</p>`;
  }
  $('pane-title').textContent = title;
  const pane = $('pane');
  const key = `${page.as}|${page.pane}|${html}`;
  if (page.shown.pane !== key) {
    const atBottom = pane.scrollTop + pane.clientHeight >= pane.scrollHeight - 40;
    const guideOpen = pane.querySelector('details.guide')?.open;
    pane.innerHTML = html;
    const guide = pane.querySelector('details.guide');
    if (guide && guideOpen === false) guide.open = false;
    page.shown.pane = key;
    if (atBottom || page.pane !== 'home') pane.scrollTop = pane.scrollHeight;
  }

  const backdrop = $('modal-backdrop');
  const modal = $('modal');
  if (!s.modal) {
    const wasOpen = !backdrop.hidden;
    backdrop.hidden = true;
    modal.innerHTML = '';
    page.shown.modal = '';
    page.shown.modalView = '';
    if (wasOpen) restoreFocus();
  } else if (page.shown.modal !== s.modal.html) {
    // An update of the same view keeps what the person typed where block and action ids survive.
    const same = page.shown.modalView === s.modal.viewId;
    const kept = same ? captureInputs(modal) : undefined;
    const focused = same && modal.contains(document.activeElement) ? document.activeElement.id : '';
    if (backdrop.hidden) rememberFocus();
    modal.innerHTML = s.modal.html;
    modal.dataset.viewId = s.modal.viewId;
    if (kept) restoreInputs(modal, kept);
    page.shown.modal = s.modal.html;
    page.shown.modalView = s.modal.viewId;
    backdrop.hidden = false;
    const again = focused ? document.getElementById(focused) : null;
    (again || firstFocusable(modal.querySelector('.bk-modal-body')) || firstFocusable(modal))?.focus();
  }
}

const FOCUSABLE = 'input:not([disabled]), select:not([disabled]), textarea, button:not([disabled]), a[href]';

function firstFocusable(root) {
  return root ? root.querySelector(FOCUSABLE) : null;
}

/** Keeps what had the focus before a modal opened (a button is found again by its ids after a redraw). */
function rememberFocus() {
  const el = document.activeElement;
  if (!el || el === document.body || $('modal').contains(el)) return;
  page.returnFocus = {
    el,
    id: el.id,
    key: el.dataset?.actionId ? `${el.dataset.blockId}/${el.dataset.actionId}` : '',
  };
}

function restoreFocus() {
  const r = page.returnFocus;
  page.returnFocus = null;
  let target = r && document.contains(r.el) ? r.el : null;
  if (!target && r?.id) target = document.getElementById(r.id);
  if (!target && r?.key) {
    const [block, action] = r.key.split('/');
    target = [...$('pane').querySelectorAll('[data-action-id]')]
      .reverse()
      .find((e) => e.dataset.blockId === block && e.dataset.actionId === action);
  }
  (target || $('command-line')).focus();
}

function escapeText(t) {
  const d = document.createElement('div');
  d.textContent = t;
  return d.innerHTML;
}

function keyOf(el) {
  return `${el.dataset.blockId}/${el.dataset.actionId}`;
}

function captureInputs(root) {
  const kept = new Map();
  for (const el of root.querySelectorAll('.bk-el[data-stateful]')) {
    if (el.tagName === 'SELECT')
      kept.set(
        keyOf(el),
        [...el.selectedOptions].map((o) => o.value),
      );
    else if (el.tagName === 'DIV')
      kept.set(
        keyOf(el),
        [...el.querySelectorAll('input:checked')].map((i) => i.value),
      );
    else kept.set(keyOf(el), el.value);
  }
  return kept;
}

function restoreInputs(root, kept) {
  for (const el of root.querySelectorAll('.bk-el[data-stateful]')) {
    if (!kept.has(keyOf(el))) continue;
    const v = kept.get(keyOf(el));
    if (el.tagName === 'SELECT') for (const o of el.options) o.selected = v.includes(o.value);
    else if (el.tagName === 'DIV')
      for (const i of el.querySelectorAll('input')) i.checked = v.includes(i.value);
    else el.value = v;
  }
}

const option = (o) =>
  o?.value
    ? { text: { type: 'plain_text', text: o.dataset.text || o.textContent, emoji: true }, value: o.value }
    : null;

/** The value of one element as Slack puts it in `state.values` and in an action. */
function slackValue(el) {
  const type = el.dataset.type;
  const selected = el.tagName === 'SELECT' ? [...el.selectedOptions].filter((o) => o.value) : [];
  const checked = el.tagName === 'DIV' ? [...el.querySelectorAll('input:checked')] : [];
  switch (type) {
    case 'static_select':
    case 'external_select':
      return { type, selected_option: option(selected[0]) };
    case 'multi_static_select':
      return { type, selected_options: selected.map(option) };
    case 'users_select':
      return { type, selected_user: el.value || null };
    case 'multi_users_select':
      return { type, selected_users: selected.map((o) => o.value) };
    case 'conversations_select':
      return { type, selected_conversation: el.value || null };
    case 'multi_conversations_select':
      return { type, selected_conversations: selected.map((o) => o.value) };
    case 'channels_select':
      return { type, selected_channel: el.value || null };
    case 'multi_channels_select':
      return { type, selected_channels: selected.map((o) => o.value) };
    case 'datepicker':
      return { type, selected_date: el.value || null };
    case 'timepicker':
      return { type, selected_time: el.value || null };
    case 'datetimepicker':
      return { type, selected_date_time: el.value ? Math.floor(new Date(el.value).getTime() / 1000) : null };
    case 'checkboxes':
      return { type, selected_options: checked.map(option) };
    case 'radio_buttons':
      return { type, selected_option: option(checked[0]) };
    default:
      return { type, value: el.value === '' ? null : el.value };
  }
}

/** `state.values` of a surface (a message, the modal, the Home). */
function valuesOf(root) {
  const values = {};
  for (const el of root.querySelectorAll('.bk-el[data-stateful]')) {
    const block = el.dataset.blockId;
    values[block] = values[block] || {};
    values[block][el.dataset.actionId] = slackValue(el);
  }
  return values;
}

function surfaceOf(el) {
  const root = el.closest('[data-surface]');
  if (!root) return undefined;
  if (root.dataset.surface === 'message') {
    return {
      root,
      surface: {
        kind: 'message',
        channel: root.dataset.channel,
        ts: root.dataset.ts,
        ...(root.dataset.ephemeral ? { ephemeral: true } : {}),
      },
    };
  }
  return { root, surface: { kind: 'view', viewId: root.dataset.viewId } };
}

function sendAction(el, action) {
  const where = surfaceOf(el);
  if (!where) return;
  const base = { action_id: el.dataset.actionId, block_id: el.dataset.blockId };
  return api('action', {
    surface: where.surface,
    action: { ...base, ...action },
    values: valuesOf(where.root),
  });
}

document.addEventListener('click', (ev) => {
  const target = ev.target instanceof Element ? ev.target : null;
  if (!target) return;
  const paneButton = target.closest('#sidebar button[data-pane]');
  if (paneButton) {
    page.pane = paneButton.dataset.pane;
    localStorage.setItem('sandbox.pane', page.pane);
    if (page.pane === 'home') void api('opened', { tab: 'home' });
    draw();
    return;
  }
  const modalButton = target.closest('[data-modal]');
  if (modalButton) {
    const modal = $('modal');
    const viewId = modal.dataset.viewId;
    if (modalButton.dataset.modal === 'submit') void api('submit', { viewId, values: valuesOf(modal) });
    else void api('close', { viewId });
    return;
  }
  const button = target.closest('button.bk-button');
  if (button) {
    if (button.dataset.confirm && !window.confirm(button.dataset.confirm)) return;
    if (button.dataset.url) window.open(button.dataset.url, '_blank', 'noopener');
    void sendAction(button, {
      type: 'button',
      text: { type: 'plain_text', text: button.dataset.text || '', emoji: true },
      ...(button.dataset.value !== undefined ? { value: button.dataset.value } : {}),
    });
  }
});

document.addEventListener('change', (ev) => {
  const target = ev.target instanceof Element ? ev.target : null;
  if (!target) return;
  if (target.id === 'person') {
    page.as = target.value;
    localStorage.setItem('sandbox.as', page.as);
    page.screen = null;
    if (page.pane === 'home') void api('opened', { tab: 'home' });
    else void refresh();
    return;
  }
  const el = target.closest('.bk-el');
  if (!el) return;
  if (el.dataset.type === 'overflow') {
    const chosen = option(el.selectedOptions[0]);
    el.value = '';
    if (chosen) void sendAction(el, { type: 'overflow', selected_option: chosen });
    return;
  }
  const textual = ['plain_text_input', 'number_input', 'email_text_input', 'url_text_input'];
  if (el.dataset.dispatch === 'true' && !textual.includes(el.dataset.type))
    void sendAction(el, slackValue(el));
});

/** The modal's keys: Escape closes it, Tab stays inside it, Enter in a one-line field submits it. */
function modalKeys(ev) {
  const modal = $('modal');
  const viewId = modal.dataset.viewId;
  if (ev.key === 'Escape') {
    ev.preventDefault();
    void api('close', { viewId });
    return true;
  }
  if (ev.key === 'Tab') {
    const all = [...modal.querySelectorAll(FOCUSABLE)].filter((e) => e.offsetParent !== null);
    if (all.length === 0) return false;
    const first = all[0];
    const last = all[all.length - 1];
    if (!modal.contains(document.activeElement)) {
      ev.preventDefault();
      first.focus();
    } else if (ev.shiftKey && document.activeElement === first) {
      ev.preventDefault();
      last.focus();
    } else if (!ev.shiftKey && document.activeElement === last) {
      ev.preventDefault();
      first.focus();
    }
    return true;
  }
  const t = ev.target;
  const oneLine =
    t instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(t.type);
  if (ev.key === 'Enter' && oneLine && modal.contains(t) && t.dataset.dispatch !== 'true') {
    ev.preventDefault();
    if (modal.querySelector('[data-modal="submit"]')) void api('submit', { viewId, values: valuesOf(modal) });
    return true;
  }
  return false;
}

document.addEventListener('keydown', (ev) => {
  if (!$('modal-backdrop').hidden && modalKeys(ev)) return;
  const el = ev.target instanceof Element ? ev.target.closest('.bk-el[data-dispatch="true"]') : null;
  if (!el || ev.key !== 'Enter' || (el.tagName === 'TEXTAREA' && !ev.ctrlKey)) return;
  ev.preventDefault();
  void sendAction(el, slackValue(el));
});

document.addEventListener('input', (ev) => {
  const el =
    ev.target instanceof Element
      ? ev.target.closest('.bk-el[data-dispatch-on="input"][data-dispatch="true"]')
      : null;
  if (el && el.dataset.type === 'plain_text_input') void sendAction(el, slackValue(el));
});

$('command').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const input = $('command-line');
  const line = input.value;
  input.value = '';
  if (page.pane === 'home') {
    page.pane = 'dm';
    draw();
  }
  const c = currentConversation();
  input.focus();
  void api('command', { channel: c ? c.id : dmId(), line });
});

$('clock-to').addEventListener('input', (ev) => {
  ev.target.dataset.edited = 'true';
});

$('clock').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const to = $('clock-to');
  $('clock-notes').textContent = page.screen?.chrome.running || '…';
  await api('clock', { to: to.value });
  delete to.dataset.edited;
});

$('clock-next').addEventListener('click', async () => {
  $('clock-notes').textContent = page.screen?.chrome.running || '…';
  const answer = await api('clock', { next: true });
  if (!answer.ok) $('clock-notes').textContent = answer.error || '';
});

async function start() {
  const s = await (await fetch('/api/screen?as=UNOBODY')).json();
  if (!s.people.some((p) => p.id === page.as)) page.as = s.people[0].id;
  await refresh();
  if (page.pane === 'home') await api('opened', { tab: 'home' });
  setInterval(() => void refresh(), 400);
}

void start();
