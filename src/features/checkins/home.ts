import type { Connection } from 'mongoose';
import type { Checkin } from './model.js';
import { latestCheckinsOf } from './repository.js';

/** What a freelancer's Home says about check-ins: one waiting for an answer, and the next one. */
export interface HomeCheckins {
  toAnswer?: Pick<Checkin, '_id' | 'title' | 'dueAt'>;
  next?: Pick<Checkin, 'title' | 'dueAt'>;
}

/** One equality query on the freelancer (index `{freelancerId, dueAt}`), the rest in memory. */
export async function homeCheckinsOf(
  conn: Connection,
  freelancerId: string,
  now: Date,
): Promise<HomeCheckins> {
  const latest = await latestCheckinsOf(conn, freelancerId);
  const toAnswer = latest.find((c) => c.status === 'sent' && (c.closesAt === null || c.closesAt > now));
  const next = latest
    .filter((c) => c.status === 'scheduled' && c.dueAt > now)
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())[0];
  return { ...(toAnswer ? { toAnswer } : {}), ...(next ? { next } : {}) };
}
