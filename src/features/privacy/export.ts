import { DateTime } from 'luxon';
import { Types } from 'mongoose';
import { translator } from '../../i18n/index.js';
import { jobsAbout } from '../../scheduler/personal-data.js';
import { readerOf } from '../../slack/reader.js';
import type { ExportReader, ExportSection } from '../feature.js';
import type { PrivacyDeps } from './deps.js';
import { EXPORT_JOB } from './ids.js';
import { auditOf, workspaceSalt } from './repository.js';
import { hashOf } from './rules.js';

/** The format of the data-access file (docs/my-data.md); bumped when a section changes shape. */
export const EXPORT_FORMAT = 1;

/**
 * Everything stored about the person as the data-access file says it (docs/my-data.md): `about`,
 * then one section per kind of record, each with its description in the person's language; dates
 * in their zone with the offset; nothing of the database's own bookkeeping.
 */
export async function collectExport(deps: PrivacyDeps, userId: string): Promise<Record<string, unknown>> {
  const reader: ExportReader = await readerOf(deps, userId);
  const tr = translator(reader.locale);
  const sections: Record<string, ExportSection> = { slackProfile: await slackProfileOf(deps, userId) };
  for (const { data } of deps.personalData()) Object.assign(sections, await data.export(userId, reader));
  const queued = (await jobsAbout(deps.db, userId)).filter((j) => j.name !== EXPORT_JOB);
  sections.queuedWork = {
    description: 'privacy.export.section.queuedWork',
    work: queued.map((j) => ({ kind: j.name, runsAt: j.runAt, status: j.status })),
  };
  const audit = await auditOf(deps.db, hashOf(await workspaceSalt(deps.db), userId));
  sections.auditTrail = {
    description: 'privacy.export.section.auditTrail',
    entries: audit.map(({ at, kind, by }) => ({ at, action: kind, askedBy: by })),
  };
  const out: Record<string, unknown> = {
    about: {
      description: tr('privacy.export.about', { zone: reader.zone }),
      generatedAt: deps.clock.now(),
      person: userId,
      language: reader.locale,
      timeZone: reader.zone,
      format: EXPORT_FORMAT,
    },
  };
  for (const [name, { description, ...records }] of Object.entries(sections)) {
    out[name] = { description: tr(description), ...records };
  }
  return readable(out, reader.zone) as Record<string, unknown>;
}

/** The person's Slack profile as Slack gives it now (not stored by Passerelle). */
async function slackProfileOf(deps: PrivacyDeps, userId: string): Promise<ExportSection> {
  try {
    const u = await deps.users.get(userId);
    return {
      description: 'privacy.export.section.slackProfile',
      name: u.name,
      language: u.locale ?? null,
      timeZone: u.tz ?? null,
      guestAccount: u.isGuest,
    };
  } catch {
    return { description: 'privacy.export.section.slackProfile', name: null };
  }
}

/**
 * Plain JSON for people: a date becomes ISO 8601 in `zone` with its offset, an ObjectId its hex,
 * and the database's own keys (`_id`, `__v`) go if a record still carries them.
 */
export function readable(value: unknown, zone: string): unknown {
  if (value instanceof Date) {
    return DateTime.fromJSDate(value, { zone }).toISO({ suppressMilliseconds: true });
  }
  if (value instanceof Types.ObjectId) return value.toHexString();
  if (Array.isArray(value)) return value.map((v) => readable(v, zone));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k, v]) => k !== '_id' && k !== '__v' && v !== undefined)
        .map(([k, v]) => [k, readable(v, zone)]),
    );
  }
  return value;
}
