import type { App } from '@slack/bolt';
import { translator } from '../../../i18n/index.js';
import type { ActionArgs, ViewArgs } from '../../../slack/listener-args.js';
import { answerClicker } from '../../../slack/listener-args.js';
import { readerOf } from '../../../slack/reader.js';
import { translatedErrors, viewState } from '../../../slack/view-state.js';
import type { TalentDeps } from '../deps.js';
import { AVAILABLE_FROM, EDIT_PROFILE, NOT_NOW, PROFILE_MODAL } from '../ids.js';
import { availabilityDate, optOutState, parseProfileForm } from '../input.js';
import { openEditProfile, saveProfile, storeAvailability } from './service.js';

/** The freelancer's own profile (Home button, modal) and availability answers. */
export function registerProfileListeners(app: App, deps: TalentDeps): void {
  app.action(EDIT_PROFILE, async ({ ack, body }: ActionArgs) => {
    await ack();
    await openEditProfile(deps, body.user.id, body.trigger_id);
  });

  app.view(PROFILE_MODAL, async ({ ack, body, view }: ViewArgs) => {
    const userId = body.user.id;
    const tr = translator((await readerOf(deps, userId, 1_000)).locale);
    const state = viewState.safeParse(view.state.values);
    const optOut = optOutState.safeParse(view.state.values);
    if (!state.success || !optOut.success) {
      await ack({ response_action: 'errors', errors: { talent_skills: tr('talent.error.invalid') } });
      return;
    }
    const parsed = parseProfileForm(state.data, optOut.data);
    if (!parsed.ok) {
      await ack({ response_action: 'errors', errors: translatedErrors(parsed.errors, tr) });
      return;
    }
    await ack();
    // The clicker's own profile only: the user id comes from Slack's signed payload, never a value.
    await saveProfile(deps, userId, parsed.form);
    await deps.refreshHome?.(userId);
  });

  // The availability DM: the clicker answers for themselves (whoever asked).
  app.action(AVAILABLE_FROM, async ({ ack, body, action, respond }: ActionArgs) => {
    await ack();
    const date = availabilityDate.safeParse('selected_date' in action ? action.selected_date : undefined);
    if (!date.success) return;
    await storeAvailability(deps, body.user.id, { availableFrom: date.data, saidAt: deps.clock.now() });
    const tr = translator((await readerOf(deps, body.user.id, 1_000)).locale);
    await answerClicker(deps.gateway, { body, respond }, { text: tr('talent.ask.thanks') });
  });

  app.action(NOT_NOW, async ({ ack, body, respond }: ActionArgs) => {
    await ack();
    await storeAvailability(deps, body.user.id, { availableFrom: null, saidAt: deps.clock.now() });
    const tr = translator((await readerOf(deps, body.user.id, 1_000)).locale);
    await answerClicker(deps.gateway, { body, respond }, { text: tr('talent.ask.thanks') });
  });
}
