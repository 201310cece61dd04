/**
 * What the demo does in Slack, one person at a time, through the sandbox (the same signed requests
 * the page sends): type a command, fill in and submit the modal it opens, click a message's button,
 * move the clock. Waits poll what the stand-in shows, never a fixed time.
 */
import type { Json, StandinMessage, StandinView } from '../test/support/slack-standin-types.js';
import type { Sandbox } from './sandbox.js';

const WAIT_MS = 10_000;
const POLL_MS = 20;

/** Polls `probe` until it returns something (or throws after 10 s, saying what was awaited). */
export async function waitFor<T>(what: string, probe: () => T | undefined): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const found = probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`demo: gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Answers by block id: text for text inputs, a value / user / channel id / date for the others. */
export type FormAnswers = Record<string, string | null>;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `state.values` of a modal filled in: the answers given, the initial values for the rest. */
export function formValues(view: Json, answers: FormAnswers): Json {
  const values: Json = {};
  for (const block of Array.isArray(view.blocks) ? view.blocks : []) {
    if (!isObj(block) || block.type !== 'input' || !isObj(block.element)) continue;
    const el = block.element;
    const blockId = String(block.block_id);
    const given = Object.hasOwn(answers, blockId) ? answers[blockId] : undefined;
    const type = String(el.type);
    const options = (Array.isArray(el.options) ? el.options : []).filter(isObj);
    const option = (v: string | null | undefined) =>
      v === undefined ? (el.initial_option ?? null) : (options.find((o) => o.value === v) ?? null);
    const pick = (v: string | null | undefined, initial: unknown) =>
      v === undefined ? (initial ?? null) : v;
    let value: Json;
    switch (type) {
      case 'static_select':
      case 'radio_buttons':
        value = { type, selected_option: option(given) };
        break;
      case 'checkboxes':
        value = {
          type,
          selected_options:
            given === undefined ? (el.initial_options ?? []) : options.filter((o) => o.value === given),
        };
        break;
      case 'users_select':
        value = { type, selected_user: pick(given, el.initial_user) };
        break;
      case 'conversations_select':
        value = { type, selected_conversation: pick(given, el.initial_conversation) };
        break;
      case 'channels_select':
        value = { type, selected_channel: pick(given, el.initial_channel) };
        break;
      case 'datepicker':
        value = { type, selected_date: pick(given, el.initial_date) };
        break;
      case 'timepicker':
        value = { type, selected_time: pick(given, el.initial_time) };
        break;
      default:
        value = { type, value: pick(given, el.initial_value) };
    }
    values[blockId] = { [String(el.action_id)]: value };
  }
  return values;
}

/** Which button: see `Player.findButton`. */
export interface ButtonQuery {
  text?: string;
  primary?: boolean;
  in?: string;
  ephemeral?: boolean;
  /** Look from the oldest message on (a checklist, not a later reminder with the same button). */
  oldest?: boolean;
}

/** A button as the person sees it: the message, its block, the button. */
export interface FoundButton {
  message: Pick<StandinMessage, 'channel' | 'ts' | 'edits' | 'blocks'>;
  block: Obj;
  button: Obj;
}

/** One person's hands on the sandbox. */
export class Player {
  constructor(
    private readonly s: Sandbox,
    readonly userId: string,
  ) {}

  /** The person's DM with the app, as it stands. */
  dm(): StandinMessage[] {
    return this.s.standin.messagesTo(this.userId);
  }

  /** The modal on top of the person's screen. */
  modal(): StandinView | undefined {
    return this.s.standin.openModals(this.userId).at(-1);
  }

  /** Types a slash command (in the DM with the app unless a channel is given). */
  async command(line: string, channel = this.s.standin.state.dmFor(this.userId)): Promise<void> {
    await this.s.command(this.userId, channel, line);
  }

  /** Waits for a modal on top other than `previous` (the one a click or a command opens). */
  modalOtherThan(previous: string | undefined): Promise<StandinView> {
    return waitFor(`a modal for ${this.userId}`, () => {
      const top = this.modal();
      return top && top.id !== previous ? top : undefined;
    });
  }

  /** Waits for a modal other than `previous`, fills it in and submits it; returns the ack's field errors. */
  async submitModal(answers: FormAnswers, previous?: string): Promise<Record<string, string> | undefined> {
    const view = await this.modalOtherThan(previous);
    await this.s.submit(this.userId, view.id, formValues(view.view, answers));
    return this.s.viewErrors.get(view.id)?.errors;
  }

  /** Types a command that opens a modal, and submits it filled in; throws on field errors. */
  async commandForm(line: string, answers: FormAnswers): Promise<void> {
    const before = this.modal()?.id;
    await this.command(line);
    const errors = await this.submitModal(answers, before);
    if (errors) throw new Error(`demo: ${line} refused: ${JSON.stringify(errors)}`);
  }

  /**
   * The latest message's first button of `actionId` in the DM (or in the channel `in`): with
   * `primary`, only a primary one ("Mark as done", not "Reopen"); with `text`, only in a message
   * whose blocks contain it; with `ephemeral`, among the messages only this person sees; with
   * `oldest`, in the earliest message that has one.
   */
  findButton(actionId: string, opts: ButtonQuery = {}): FoundButton | undefined {
    const { text, primary } = opts;
    const messages: FoundButton['message'][] = opts.ephemeral
      ? this.s.standin
          .ephemeralsTo(this.userId)
          .map((e) => ({ channel: e.channel, ts: e.messageTs, edits: 0, blocks: e.blocks }))
      : opts.in
        ? this.s.standin.messagesTo(opts.in)
        : this.dm();
    for (const message of opts.oldest ? messages : [...messages].reverse()) {
      if (text && !JSON.stringify(message.blocks ?? []).includes(text)) continue;
      for (const block of (message.blocks ?? []).filter(isObj)) {
        const elements = [block.accessory, ...(Array.isArray(block.elements) ? block.elements : [])];
        const button = elements.find(
          (e) =>
            isObj(e) &&
            e.type === 'button' &&
            e.action_id === actionId &&
            (!primary || e.style === 'primary'),
        );
        if (isObj(button)) return { message, block, button };
      }
    }
    return undefined;
  }

  /** Waits for `findButton` to find the button (the app answers after its ack), or throws naming it. */
  button(actionId: string, opts: ButtonQuery = {}): Promise<FoundButton> {
    return waitFor(`a ${actionId} button for ${this.userId} ${JSON.stringify(opts)}`, () =>
      this.findButton(actionId, opts),
    );
  }

  /** Clicks a button that opens a modal, and submits the modal filled in; throws on field errors. */
  async clickForm(found: FoundButton, answers: FormAnswers): Promise<void> {
    const before = this.modal()?.id;
    await this.click(found);
    const errors = await this.submitModal(answers, before);
    if (errors)
      throw new Error(`demo: ${String(found.button.action_id)} form refused: ${JSON.stringify(errors)}`);
  }

  /** Runs `act` (a click, a form) and waits until the app has redrawn the message `found` was in. */
  async andRedrawn(found: FoundButton, act: () => Promise<void>): Promise<void> {
    const { channel, ts, edits } = found.message;
    const clicked = JSON.stringify([found.block.block_id, found.button.action_id, found.button.value]);
    await act();
    // Messages are rewritten from the stored state by a job after each change, so an update of an
    // earlier change may land first: wait until the message no longer offers the button clicked in
    // the same block (a ticked item's block id says its new state).
    await waitFor(`the update of the message ${ts}`, () => {
      const m = this.s.standin.message(channel, ts);
      if (!m || m.edits <= edits) return undefined;
      const offered = (m.blocks ?? [])
        .filter(isObj)
        .some((block) =>
          [block.accessory, ...(Array.isArray(block.elements) ? block.elements : [])].some(
            (e) => isObj(e) && JSON.stringify([block.block_id, e.action_id, e.value]) === clicked,
          ),
        );
      return offered ? undefined : m;
    });
  }

  /** Clicks a button of a message (in the DM or a channel). */
  async click(found: FoundButton): Promise<void> {
    const { message, block, button } = found;
    const ephemeral = this.s.standin.message(message.channel, message.ts) === undefined;
    await this.s.action(
      this.userId,
      { kind: 'message', channel: message.channel, ts: message.ts, ...(ephemeral ? { ephemeral } : {}) },
      {
        type: 'button',
        action_id: String(button.action_id),
        block_id: String(block.block_id ?? ''),
        ...(typeof button.value === 'string' ? { value: button.value } : {}),
      },
      {},
    );
  }

  /** Opens the Home tab (app_home_opened) and waits for the app to publish it. */
  async openHome(): Promise<void> {
    const published = () =>
      this.s.standin.callsTo('views.publish').filter((c) => c.args.user_id === this.userId && c.ok).length;
    const before = published();
    await this.s.opened(this.userId, 'home');
    await waitFor(`the Home of ${this.userId}`, () => (published() > before ? true : undefined));
  }

  /** Runs `act` (a click) and waits for the ephemeral answer only this person sees. */
  async andAnswered(act: () => Promise<void>): Promise<void> {
    const count = () => this.s.standin.ephemeralsTo(this.userId).length;
    const before = count();
    await act();
    await waitFor(`an answer to ${this.userId}`, () => (count() > before ? true : undefined));
  }
}

/** Hourly passes plan what comes next (check-ins): with nothing planned yet, the clock moves this far. */
const IDLE_STEP_MS = 6 * 60 * 60_000;

/** Moves the clock to the next planned moment, or six hours on when nothing is planned yet. */
export async function step(s: Sandbox): Promise<void> {
  const moved = await s.advanceToNext();
  if (!moved) await s.advance(new Date(s.clock.now().getTime() + IDLE_STEP_MS));
}

/** Steps the clock until `done` holds (at most `maxSteps` moves). */
export async function advanceUntil(
  s: Sandbox,
  what: string,
  done: () => boolean | Promise<boolean>,
  maxSteps = 40,
): Promise<void> {
  for (let i = 0; i < maxSteps && !(await done()); i++) await step(s);
  if (!(await done())) throw new Error(`demo: the clock never reached ${what}`);
}
