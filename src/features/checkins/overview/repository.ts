import type { Connection } from 'mongoose';
import { type Checkin, checkinModel } from '../model.js';

/** A freelancer's latest check-ins (planned ahead and sent), newest due first: for the Home. */
export function latestCheckinsOf(conn: Connection, freelancerId: string, limit = 10): Promise<Checkin[]> {
  return checkinModel(conn).find({ freelancerId }).sort({ dueAt: -1 }).limit(limit).lean<Checkin[]>().exec();
}

/** A manager's latest answered check-ins, newest first (index `{managerId, status, dueAt}`). */
export function answeredForManager(conn: Connection, managerId: string, limit: number): Promise<Checkin[]> {
  return checkinModel(conn)
    .find({ managerId, status: 'answered' })
    .sort({ dueAt: -1 })
    .limit(limit)
    .select({ missionId: 1, dueAt: 1, answer: 1 })
    .lean<Checkin[]>()
    .exec();
}
