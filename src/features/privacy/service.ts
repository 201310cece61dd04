import { DateTime } from 'luxon';
import type { Connection } from 'mongoose';
import { eraseJournalAbout } from '../../delivery/journal.js';
import { eraseLiveMessagesTo } from '../../delivery/live.js';
import { formatDateTime, translator } from '../../i18n/index.js';
import { isAdmin } from '../../roles.js';
import { haltWorkspace } from '../../scheduler/halt.js';
import { clearJobPayload, eraseJobsAbout } from '../../scheduler/personal-data.js';
import type { JobContext } from '../../scheduler/runner.js';
import type { OutgoingMessage } from '../../slack/gateway.js';
import { readerOf } from '../../slack/reader.js';
import type { PrivacyDeps } from './deps.js';
import { collectExport } from './export.js';
import { ERASE_JOB, EXPORT_JOB } from './ids.js';
import { type ErasePayload, erasePayload, exportPayload } from './input.js';
import { emptyCollections, workspaceSalt, writeAudit } from './repository.js';
import { hashOf, isPseudonym, subjectOf } from './rules.js';
import { eraseModal } from './views.js';

/**
 * `/passerelle my-data`: queues the export (a durable job keyed by the request) and answers at once;
 * the job gathers every feature's records and sends the JSON file by DM right after.
 */
export async function requestExport(
  deps: PrivacyDeps,
  userId: string,
  requestKey: string,
): Promise<OutgoingMessage> {
  const { locale } = await readerOf(deps, userId, 1_500);
  const hash = hashOf(await workspaceSalt(deps.db), userId);
  const key = `${EXPORT_JOB}:${hash}:${requestKey}`;
  await deps.scheduler.runner.startNow({ key, name: EXPORT_JOB, payload: { userId } });
  return { text: translator(locale)('privacy.export.onItsWay') };
}

/** The export job: the JSON file in the person's DM, then the job forgets whose it was. */
export async function runExport(
  deps: PrivacyDeps,
  payload: Record<string, unknown>,
  ctx: JobContext,
): Promise<void> {
  const { userId } = exportPayload.parse(payload);
  const { locale, zone } = await readerOf(deps, userId);
  const tr = translator(locale);
  const data = await collectExport(deps, userId);
  // The reader's own day in the file name, as in the comment beside it.
  const day = DateTime.fromJSDate(ctx.now, { zone }).toISODate() ?? '';
  await deps.gateway.sendFileDm(userId, {
    filename: `passerelle-my-data-${day}.json`,
    title: tr('privacy.export.fileTitle'),
    content: Buffer.from(`${JSON.stringify(data, null, 2)}\n`, 'utf8'),
    comment: tr('privacy.export.comment', { date: formatDateTime(ctx.now, locale, zone) }),
  });
  await clearJobPayload(deps.db, ctx.key);
}

/**
 * `/passerelle erase-me` and `erase @user`: the confirmation modal, or the refusal of a non-admin
 * asking for someone else (checked again when the modal is submitted).
 */
export async function openErasure(
  deps: PrivacyDeps,
  callerId: string,
  subjectId: string,
  triggerId: string,
): Promise<OutgoingMessage | undefined> {
  const self = callerId === subjectId;
  const { locale } = await readerOf(deps, callerId, 1_000);
  const tr = translator(locale);
  if (!self && !isAdmin(deps.config, callerId)) return { text: tr('privacy.erase.forbidden') };
  await deps.gateway.openModal(triggerId, eraseModal(tr, subjectId, self));
  return undefined;
}

/** `/passerelle erase` without one person to erase. */
export async function erasureUsage(deps: PrivacyDeps, userId: string): Promise<OutgoingMessage> {
  const locale = await deps.users.localeWithin(userId, deps.config.defaultLocale, 1_000);
  return { text: translator(locale)('privacy.erase.usage') };
}

/** Whether `callerId` may erase `subjectId`: themselves, or anyone for an admin. */
export function mayErase(deps: Pick<PrivacyDeps, 'config'>, callerId: string, subjectId: string): boolean {
  return callerId === subjectId || isAdmin(deps.config, callerId);
}

/**
 * Queues the erasure of one person (a durable job keyed by the subject's hash and the request) and
 * runs it at once; a crash mid-way is taken over by the scheduler (every step is idempotent).
 */
export async function requestErasure(
  deps: PrivacyDeps,
  request: ErasePayload,
  requestKey: string,
): Promise<void> {
  const hash = hashOf(await workspaceSalt(deps.db), request.userId);
  const key = `${ERASE_JOB}:${hash}:${requestKey}`;
  await deps.scheduler.runner.enqueue({ key, name: ERASE_JOB, runAt: deps.clock.now(), payload: request });
  await deps.scheduler.runner.runNow(key);
}

/**
 * The erasure job: every feature erases or pseudonymises the person, then the job queue and the
 * delivery journal forget them, then the audit trail gets its line and the job its payload cleared
 * (the id it carried was the last copy). An admin who asked is told once done.
 */
export async function runErasure(
  deps: PrivacyDeps,
  payload: Record<string, unknown>,
  ctx: JobContext,
): Promise<void> {
  const request = erasePayload.parse(payload);
  const salt = await workspaceSalt(deps.db);
  const subject = subjectOf(salt, request.userId);
  const features = deps.personalData();
  for (const { data } of features) await data.erase(request.userId, subject);
  const jobs = await eraseJobsAbout(deps.db, request.userId, ctx.key);
  const journal = await eraseJournalAbout(deps.db, request.userId);
  // Where their DMs are, kept to bring them up to date: theirs alone.
  await eraseLiveMessagesTo(deps.db, request.userId);
  deps.users.forget(request.userId);
  await writeAudit(deps.db, {
    key: ctx.key,
    at: ctx.now,
    kind: 'erasure',
    by: request.by,
    byHash: request.requestedBy && request.by === 'admin' ? hashOf(salt, request.requestedBy) : null,
    subjectHash: subject.hash,
    counts: { features: features.length, jobs, journalEntries: journal },
  });
  if (request.by === 'admin' && request.requestedBy) {
    const { locale } = await readerOf(deps, request.requestedBy);
    await deps.dispatcher.sendForJob(ctx.key, {
      to: request.requestedBy,
      message: { text: translator(locale)('privacy.erased.admin') },
    });
  }
  await clearJobPayload(deps.db, ctx.key);
}

/** `app_uninstalled` / `tokens_revoked`: every job of the workspace stops; the audit trail says when. */
export async function stopWorkspace(deps: PrivacyDeps, reason: string): Promise<void> {
  const now = deps.clock.now();
  await haltWorkspace(deps.db, reason, now);
  await writeAudit(deps.db, {
    key: `uninstall:${now.toISOString()}`,
    at: now,
    kind: 'uninstall',
    by: 'slack',
    byHash: null,
    subjectHash: null,
    counts: {},
  });
}

/**
 * `npm run jobs -- purge-workspace --yes`: empties every collection but the audit trail and its salt
 * (the stop flag goes too: a reinstalled app starts afresh), and logs it. Returns what was deleted.
 */
export async function purgeWorkspace(conn: Connection, now: Date): Promise<Record<string, number>> {
  const deleted = await emptyCollections(conn);
  await writeAudit(conn, {
    key: `purge:${now.toISOString()}`,
    at: now,
    kind: 'purge',
    by: 'cli',
    byHash: null,
    subjectHash: null,
    counts: {
      collections: Object.keys(deleted).length,
      documents: Object.values(deleted).reduce((a, b) => a + b, 0),
    },
  });
  return deleted;
}

/**
 * How other features name a person without their id (analytics' per-person counts): the hash of
 * their erasure pseudonym, so a later erasure changes nothing there. A pseudonym maps to its hash.
 */
export async function personHasher(conn: Connection): Promise<(userId: string) => string> {
  const salt = await workspaceSalt(conn);
  return (userId) => (isPseudonym(userId) ? userId.slice('erased:'.length) : hashOf(salt, userId));
}
