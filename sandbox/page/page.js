// The sandbox page: polls what the chosen person sees (/api/screen) and sends what they do in
// Slack (/api/command, /api/action, /api/submit…). The HTML of messages and views comes rendered
// from the server (sandbox/render/); this file only places it and reads the inputs back.

const $ = (id) => document.getElementById(id);
const page = {
  as: localStorage.getItem('sandbox.as') || '',
  /** 'home', 'dm', or a channel id. */
  pane: localStorage.getItem('sandbox.pane') || 'dm',
  screen: null,
  shown: { pane: '', modal: '', modalView: '' },
  busy: 0,
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

function draw() {
  const s = page.screen;
  const person = $('person');
  if (person.options.length === 0) {
    for (const p of s.people) person.add(new Option(p.label, p.id));
  }
  person.value = page.as;
  $('now').textContent = `${s.now.text} (${s.now.zone})`;
  const to = $('clock-to');
  if (document.activeElement !== to && !to.dataset.edited) to.value = s.now.local;

  const nav = $('sidebar');
  const items = [
    { key: 'home', label: 'Home', count: '' },
    ...s.conversations.map((c) => ({
      key: c.kind === 'dm' ? 'dm' : c.id,
      label: c.kind === 'dm' ? 'Passerelle (DM)' : c.name,
      count: c.messages.length ? String(c.messages.length) : '',
    })),
  ];
  const navHtml = items
    .map(
      (i) =>
        `<button type="button" data-pane="${i.key}" aria-current="${i.key === page.pane}">${escapeText(i.label)}<span class="count">${i.count}</span></button>`,
    )
    .join('');
  if (nav.innerHTML !== navHtml) nav.innerHTML = navHtml;

  let title;
  let html;
  if (page.pane === 'home') {
    title = 'Home';
    html = s.home
      ? `<div data-surface="view" data-view-id="${s.home.viewId}">${s.home.html}</div>`
      : '<p class="empty">The Home tab has not been published yet.</p>';
  } else {
    const c = currentConversation();
    title = c ? c.name : '';
    html = c?.messages.length
      ? c.messages.map((m) => m.html).join('')
      : '<p class="empty">No messages yet.</p>';
  }
  $('pane-title').textContent = title;
  const pane = $('pane');
  const key = `${page.as}|${page.pane}|${html}`;
  if (page.shown.pane !== key) {
    const atBottom = pane.scrollTop + pane.clientHeight >= pane.scrollHeight - 40;
    pane.innerHTML = html;
    page.shown.pane = key;
    if (atBottom || page.pane !== 'home') pane.scrollTop = pane.scrollHeight;
  }

  const backdrop = $('modal-backdrop');
  const modal = $('modal');
  if (!s.modal) {
    backdrop.hidden = true;
    modal.innerHTML = '';
    page.shown.modal = '';
    page.shown.modalView = '';
  } else if (page.shown.modal !== s.modal.html) {
    // An update of the same view keeps what the person typed where block and action ids survive.
    const kept = page.shown.modalView === s.modal.viewId ? captureInputs(modal) : undefined;
    modal.innerHTML = s.modal.html;
    modal.dataset.viewId = s.modal.viewId;
    if (kept) restoreInputs(modal, kept);
    page.shown.modal = s.modal.html;
    page.shown.modalView = s.modal.viewId;
    backdrop.hidden = false;
  }
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

document.addEventListener('keydown', (ev) => {
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
  void api('command', { channel: c ? c.id : dmId(), line });
});

$('clock-to').addEventListener('input', (ev) => {
  ev.target.dataset.edited = 'true';
});

$('clock').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const to = $('clock-to');
  $('clock-notes').textContent = 'running the scheduler…';
  const answer = await api('clock', { to: to.value });
  delete to.dataset.edited;
  if (answer.ok)
    $('clock-notes').textContent = answer.notes.length ? answer.notes.join(' · ') : 'nothing was due';
});

$('clock-next').addEventListener('click', async () => {
  $('clock-notes').textContent = 'running the scheduler…';
  const answer = await api('clock', { next: true });
  if (answer.ok)
    $('clock-notes').textContent = answer.notes.length ? answer.notes.join(' · ') : 'nothing was due';
  else $('clock-notes').textContent = answer.error || '';
});

async function start() {
  const s = await (await fetch('/api/screen?as=UNOBODY')).json();
  if (!s.people.some((p) => p.id === page.as)) page.as = s.people[0].id;
  await refresh();
  if (page.pane === 'home') await api('opened', { tab: 'home' });
  setInterval(() => void refresh(), 400);
}

void start();
