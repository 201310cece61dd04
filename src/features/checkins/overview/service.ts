import type { Connection } from 'mongoose';
import type { Checkin } from '../model.js';
import { answeredForManager, latestCheckinsOf } from './repository.js';

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

/**
 * How a mission is going, as its manager may see it: the latest answer's score and whether it
 * named a blocker — or only that it is shared with HR, when the freelancer chose so.
 */
export type MissionHealth = { visible: true; score: number; blocker: boolean } | { visible: false };

/** The health of each of a manager's missions that has an answer (one query, newest answer wins). */
export async function healthOfManaged(
  conn: Connection,
  managerId: string,
): Promise<Map<string, MissionHealth>> {
  const health = new Map<string, MissionHealth>();
  for (const c of await answeredForManager(conn, managerId, 500)) {
    const id = c.missionId.toString();
    if (health.has(id) || !c.answer) continue;
    health.set(
      id,
      c.answer.visibility === 'manager'
        ? { visible: true, score: c.answer.score, blocker: c.answer.blockers.trim() !== '' }
        : { visible: false },
    );
  }
  return health;
}
