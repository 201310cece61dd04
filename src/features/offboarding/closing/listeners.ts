import type { App, BlockAction } from '@slack/bolt';
import { ForbiddenError, NotFoundError } from '../../../errors.js';
import { isAdmin } from '../../../roles.js';
import type { ActionArgs } from '../../../slack/listener-args.js';
import { readerOf } from '../../../slack/reader.js';
import { findMission, managesAnyMission, openMissionStart } from '../../missions/index.js';
import type { OffboardingDeps } from '../deps.js';
import { FOLLOW_UP, VIEW_PRIVATE } from '../ids.js';
import { findOffboarding } from '../repository.js';
import { followUpDates, mayReadPrivate, mayRunOffboarding } from '../rules.js';
import { answering, clickedId } from '../start/listeners.js';
import { privateModal } from './views.js';

/** The closing summary's "view evaluation" (managers and admins only) and the renewal's "create the follow-up mission". */
export function registerClosingListeners(app: App, deps: OffboardingDeps): void {
  app.action<BlockAction>(VIEW_PRIVATE, async (args: ActionArgs) => {
    await args.ack();
    await answering(deps, args, async (tr) => {
      const userId = args.body.user.id;
      const id = clickedId(args.body);
      const [mission, off] = id
        ? await Promise.all([findMission(deps.db, id), findOffboarding(deps.db, id)])
        : [null, null];
      if (!mission || !off) throw new NotFoundError('no offboarding', 'offboarding.error.notFound');
      const who = {
        admin: isAdmin(deps.config, userId),
        managesAny: await managesAnyMission(deps.db, userId),
      };
      if (!mayReadPrivate(userId, mission, who))
        throw new ForbiddenError('private', 'offboarding.error.private');
      const reader = await readerOf(deps, userId, 1_000);
      await deps.gateway.openModal(args.body.trigger_id, privateModal(tr, mission, off, reader));
      return undefined;
    });
  });

  app.action<BlockAction>(FOLLOW_UP, async (args: ActionArgs) => {
    await args.ack();
    await answering(deps, args, async () => {
      const userId = args.body.user.id;
      const id = clickedId(args.body);
      const mission = id ? await findMission(deps.db, id) : null;
      if (!mission) throw new NotFoundError('no mission', 'offboarding.error.notFound');
      if (!mayRunOffboarding(userId, mission, deps.config.adminUserIds))
        throw new ForbiddenError('not the manager', 'offboarding.error.forbidden');
      const dates = followUpDates(mission);
      await openMissionStart(deps, {
        triggerId: args.body.trigger_id,
        userId,
        prefill: {
          freelancerId: mission.freelancerId,
          title: mission.title,
          skills: mission.skills,
          ...(mission.channelId ? { channelId: mission.channelId } : {}),
          startDate: dates.start,
          endDate: dates.end,
        },
        follows: String(mission._id),
      });
      return undefined;
    });
  });
}
