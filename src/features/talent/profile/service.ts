import type { KnownBlock } from '@slack/types';
import type { DomainEventMap } from '../../../events.js';
import { translator } from '../../../i18n/index.js';
import { slackErrorCode } from '../../../slack/errors.js';
import { type Reader, readerOf } from '../../../slack/reader.js';
import type { TalentDeps } from '../deps.js';
import type { ProfileForm } from '../input.js';
import { deleteProfile, syncSkillIndex } from '../read-model.js';
import { findProfile, saveAvailability, saveOwnProfile, setReachable } from '../repository.js';
import { maySeePrivate } from '../rules.js';
import { isManagerOrAdmin } from '../search/service.js';
import { availabilityQuestion, editProfileModal, homeProfileBlocks, profileModal } from './views.js';

/** Opens a freelancer's profile for `viewerId`: only managers and admins; notes never about themselves. */
export async function openProfile(
  deps: TalentDeps,
  viewerId: string,
  subjectId: string,
  triggerId: string,
): Promise<'opened' | 'refused' | 'missing'> {
  const [allowed, profile, reader] = await Promise.all([
    isManagerOrAdmin(deps, viewerId),
    findProfile(deps.db, subjectId),
    readerOf(deps, viewerId, 1_000),
  ]);
  if (!allowed) return 'refused';
  if (!profile || profile.optedOut) return 'missing';
  const withNotes = maySeePrivate({ userId: viewerId, isManagerOrAdmin: allowed }, subjectId);
  await deps.gateway.openModal(
    triggerId,
    profileModal(translator(reader.locale), reader, profile, withNotes, deps.clock.now()),
  );
  return 'opened';
}

/** Opens the freelancer's own profile modal. */
export async function openEditProfile(deps: TalentDeps, userId: string, triggerId: string): Promise<void> {
  const [profile, reader] = await Promise.all([findProfile(deps.db, userId), readerOf(deps, userId, 1_000)]);
  await deps.gateway.openModal(triggerId, editProfileModal(translator(reader.locale), profile));
}

/** Stores the freelancer's edit and re-lists them in the read model (or takes them out when opted out). */
export async function saveProfile(deps: TalentDeps, userId: string, form: ProfileForm): Promise<void> {
  await saveOwnProfile(
    deps.db,
    userId,
    {
      skills: form.skills,
      availableFrom: form.availableFrom ?? null,
      dayRate: form.dayRate,
      contactEmail: form.email ?? null,
      optedOut: form.optOut,
    },
    deps.clock.now(),
  );
  await syncSkillIndex(deps.db, userId);
}

/** Stores an availability and refreshes the read model's freshness. */
export async function storeAvailability(
  deps: Pick<TalentDeps, 'db'>,
  userId: string,
  a: { availableFrom: string | null; saidAt: Date },
): Promise<void> {
  await saveAvailability(deps.db, userId, a);
  await syncSkillIndex(deps.db, userId);
}

/** "Ask availability": a DM to the freelancer, from a manager or admin only. */
export async function askAvailability(
  deps: TalentDeps,
  askerId: string,
  freelancerId: string,
): Promise<'sent' | 'refused' | 'missing' | 'unreachable' | 'failed'> {
  const [allowed, profile] = await Promise.all([
    isManagerOrAdmin(deps, askerId),
    findProfile(deps.db, freelancerId),
  ]);
  if (!allowed) return 'refused';
  if (!profile || profile.optedOut) return 'missing';
  if (!profile.reachable) return 'unreachable';
  const reader = await readerOf(deps, freelancerId);
  try {
    await deps.gateway.sendDm(freelancerId, availabilityQuestion(translator(reader.locale), askerId));
  } catch (err) {
    // Slack refused the DM (the person left, blocks DMs…) or stayed down through the retries: the
    // manager must not believe it was sent.
    deps.logger.warn(`talent: availability question to ${freelancerId} not sent: ${slackErrorCode(err)}`);
    return 'failed';
  }
  return 'sent';
}

/** The freelancer's Home section (read through talent's index by the home feature). */
export async function homeProfileSection(
  deps: Pick<TalentDeps, 'db' | 'clock' | 'users' | 'config'>,
  reader: Reader,
): Promise<KnownBlock[]> {
  // Everyone, guests included, may create a profile: a freelancer joins the pool before a first
  // mission here as well as after one.
  const profile = await findProfile(deps.db, reader.userId);
  return homeProfileBlocks(translator(reader.locale), reader, profile, deps.clock.now());
}

/** On `user.changed`: deactivated → kept, marked unreachable (reactivated → reachable); erased → removed. */
export async function followSlackAccount(
  deps: Pick<TalentDeps, 'db'>,
  change: Pick<DomainEventMap['user.changed'], 'userId' | 'deleted' | 'forgotten'>,
): Promise<void> {
  if (change.forgotten) {
    await deleteProfile(deps.db, change.userId);
    return;
  }
  if (typeof change.deleted === 'boolean' && (await setReachable(deps.db, change.userId, !change.deleted))) {
    await syncSkillIndex(deps.db, change.userId);
  }
}
