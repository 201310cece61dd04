// What Slack sends back from a modal: `view.state.values`, parsed with zod, and one input's value.
import { z } from 'zod';
import type { MessageKey, Translate } from '../i18n/index.js';

/** The raw values of a view's inputs, as Slack sends them in `view.state.values`. */
const stateValue = z.object({
  value: z.string().nullish(),
  selected_user: z.string().nullish(),
  selected_conversation: z.string().nullish(),
  selected_channel: z.string().nullish(),
  selected_date: z.string().nullish(),
  selected_time: z.string().nullish(),
  selected_option: z.object({ value: z.string() }).nullish(),
});
export const viewState = z.record(z.string(), z.record(z.string(), stateValue));
export type ViewState = z.infer<typeof viewState>;

/** The value of input `blockId` (its action_id is the same string), whatever the element type. */
export function inputValue(state: ViewState, blockId: string): string | undefined {
  const v = state[blockId]?.[blockId];
  const raw =
    v?.value ??
    v?.selected_user ??
    v?.selected_conversation ??
    v?.selected_channel ??
    v?.selected_date ??
    v?.selected_time ??
    v?.selected_option?.value;
  const trimmed = raw?.trim();
  return trimmed ? trimmed : undefined;
}

/** Errors to show under a modal's inputs: block_id → i18n key. */
export type FieldErrors = Record<string, MessageKey>;

/** Field errors in the reader's language, as `ack({ response_action: 'errors', errors })` takes them. */
export function translatedErrors(errors: FieldErrors, tr: Translate): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([blockId, key]) => [blockId, tr(key)]));
}
