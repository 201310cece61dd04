import type { App } from '@slack/bolt';
import { translator } from '../../../i18n/index.js';
import type { ActionArgs, CommandArgs } from '../../../slack/listener-args.js';
import { answerClicker } from '../../../slack/listener-args.js';
import { readerOf } from '../../../slack/reader.js';
import { openMissionStart } from '../../missions/index.js';
import type { TalentDeps } from '../deps.js';
import { ASK_AVAILABILITY, PROPOSE_MISSION, SEARCH_PAGE, VIEW_PROFILE } from '../ids.js';
import { pageValue, parseTalentCommand, proposeValue, userValue } from '../input.js';
import { askAvailability, openProfile } from '../profile/service.js';
import { isManagerOrAdmin, searchTalent, vocabularyOf } from './service.js';
import { resultsMessage } from './views.js';

const READER_WAIT_MS = 1_000;

/** The ranked page for `userId`, or a polite refusal for someone who neither manages nor administers. */
async function talentAnswer(deps: TalentDeps, userId: string, skills: string[], page: number) {
  const [reader, allowed] = await Promise.all([
    readerOf(deps, userId, READER_WAIT_MS),
    isManagerOrAdmin(deps, userId),
  ]);
  const tr = translator(reader.locale);
  if (!allowed) return { text: tr('talent.refused') };
  if (skills.length === 0) return { text: tr('talent.usage') };
  const result = await searchTalent(deps, skills, { page });
  return resultsMessage(tr, reader, result, vocabularyOf(deps), true, deps.clock.now());
}

/** `/talent <skills…>`, its pager, and the buttons of each result. */
export function registerTalentSearch(app: App, deps: TalentDeps): void {
  app.command('/talent', async ({ ack, command, respond }: CommandArgs) => {
    await ack();
    const message = await talentAnswer(deps, command.user_id, parseTalentCommand(command.text), 0);
    await respond({ response_type: 'ephemeral', ...message });
  });

  app.action(
    new RegExp(`^${SEARCH_PAGE.replace(/\./g, '\\.')}\\.(prev|next)$`),
    async ({ ack, body, action, respond }: ActionArgs) => {
      await ack();
      const parsed = pageValue.safeParse('value' in action ? action.value : undefined);
      if (!parsed.success) return;
      const message = await talentAnswer(deps, body.user.id, parsed.data.q.split(','), parsed.data.p);
      await respond({ response_type: 'ephemeral', replace_original: true, ...message });
    },
  );

  app.action(VIEW_PROFILE, async ({ ack, body, action, respond }: ActionArgs) => {
    await ack();
    const subject = userValue.safeParse('value' in action ? action.value : undefined);
    const tr = translator((await readerOf(deps, body.user.id, READER_WAIT_MS)).locale);
    const outcome = subject.success
      ? await openProfile(deps, body.user.id, subject.data, body.trigger_id)
      : 'missing';
    if (outcome === 'refused')
      await answerClicker(deps.gateway, { body, respond }, { text: tr('talent.refused') });
    if (outcome === 'missing')
      await answerClicker(deps.gateway, { body, respond }, { text: tr('talent.missing') });
  });

  app.action(ASK_AVAILABILITY, async ({ ack, body, action, respond }: ActionArgs) => {
    await ack();
    const subject = userValue.safeParse('value' in action ? action.value : undefined);
    const tr = translator((await readerOf(deps, body.user.id, READER_WAIT_MS)).locale);
    const outcome = subject.success ? await askAvailability(deps, body.user.id, subject.data) : 'missing';
    const key = {
      sent: 'talent.ask.sent',
      refused: 'talent.refused',
      missing: 'talent.missing',
      unreachable: 'talent.ask.unreachable',
      failed: 'talent.ask.failed',
    } as const;
    await answerClicker(
      deps.gateway,
      { body, respond },
      { text: tr(key[outcome], { user: subject.data ?? '' }) },
    );
  });

  app.action(PROPOSE_MISSION, async ({ ack, body, action, respond }: ActionArgs) => {
    await ack();
    const value = proposeValue.safeParse('value' in action ? action.value : undefined);
    if (!value.success || !(await isManagerOrAdmin(deps, body.user.id))) {
      const tr = translator((await readerOf(deps, body.user.id, READER_WAIT_MS)).locale);
      await answerClicker(deps.gateway, { body, respond }, { text: tr('talent.refused') });
      return;
    }
    await openMissionStart(deps, {
      triggerId: body.trigger_id,
      userId: body.user.id,
      prefill: { freelancerId: value.data.u, skills: value.data.s.split(',').filter(Boolean) },
    });
  });
}
