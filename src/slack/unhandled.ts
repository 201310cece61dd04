import type { AnyMiddlewareArgs, Logger } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import type { Locale } from '../config.js';
import { translator } from '../i18n/index.js';

/** How a request that nothing acked was dispatched: did a listener take it, and did one fail. */
export interface Unacked {
  claimed: boolean;
  failed: boolean;
}

/**
 * The last resort for requests that no listener acked (see ListenerRouter): an unknown action id,
 * a URL button (Slack sends its click too), a `view_closed`, a `block_suggestion` or shortcut for
 * nothing, a listener that failed before its ack. Without it Bolt answers 404 after 3 s and the user
 * sees an error on the button or form.
 */
export interface LastResort {
  /** Acks the request; called once every listener has finished. */
  ack(args: AnyMiddlewareArgs, how: Unacked): Promise<void>;
  /** Notes an event that no listener took (Bolt acks events itself). */
  unclaimedEvent(args: AnyMiddlewareArgs): void;
}

/** The last resort of the app: logs at debug (a warning only when a listener of ours did not ack). */
export function lastResort(logger: Logger, localeOf: (userId: string) => Promise<Locale>): LastResort {
  return {
    async ack(args, { claimed, failed }) {
      const body: unknown = args.body;
      const what = describe(body);
      if (claimed && !failed) logger.warn(`a listener finished without ack(): acked for it (${what})`);
      else logger.debug(`acked ${failed ? 'after a listener failed' : 'what no listener handles'} (${what})`);
      if (!('ack' in args) || !args.ack) return;
      const type = field(body, 'type');
      let response: unknown;
      if (type === 'view_submission') {
        const locale = await localeOf(String(field(field(body, 'user'), 'id') ?? ''));
        response = { response_action: 'update', view: formUnavailableView(locale, failed) };
      } else if (type === 'block_suggestion' || field(body, 'name') !== undefined) {
        response = { options: [] };
      }
      // Bolt types each kind's ack apart; here the kind is only known at run time.
      await Reflect.apply(args.ack, undefined, response === undefined ? [] : [response]);
    },
    unclaimedEvent(args) {
      logger.debug(`no listener for this event (${describe(args.body)})`);
    },
  };
}

/**
 * What replaces a submitted form nothing can take (a modal of an older version, a renamed
 * callback): an empty ack would close it as if it had been saved, and an error must sit on one of
 * its inputs, none of which is wrong. This says plainly that nothing was saved and lets the user
 * close it.
 */
export function formUnavailableView(locale: Locale, failed: boolean): ModalView {
  const tr = translator(locale);
  return {
    type: 'modal',
    callback_id: 'passerelle.form_unavailable',
    title: { type: 'plain_text', text: tr('form.unavailable.title') },
    close: { type: 'plain_text', text: tr('form.unavailable.close') },
    blocks: [
      {
        type: 'section',
        text: { type: 'mrkdwn', text: tr(failed ? 'error.unexpected' : 'form.unavailable.text') },
      },
    ],
  };
}

/** Ids only (never typed text): the kind of request and what it names. */
function describe(body: unknown): string {
  const action = field(body, 'actions');
  const first = Array.isArray(action) ? action[0] : undefined;
  const parts = {
    type: field(body, 'type') ?? (field(body, 'command') === undefined ? undefined : 'command'),
    command: field(body, 'command'),
    event: field(field(body, 'event'), 'type'),
    action_id: field(first, 'action_id') ?? field(body, 'action_id'),
    url_button: field(first, 'url') === undefined ? undefined : true,
    callback_id: field(body, 'callback_id') ?? field(field(body, 'view'), 'callback_id'),
  };
  return Object.entries(parts)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${String(v).slice(0, 80)}`)
    .join(' ');
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && key in value
    ? (value as Record<string, unknown>)[key]
    : undefined;
}
