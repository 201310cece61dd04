import type { Connection } from 'mongoose';
import { type Checkin, checkinModel } from '../model.js';

/** A freelancer's latest check-ins (planned ahead and sent), newest due first: for the Home. */
export function latestCheckinsOf(
  conn: Connection,
  freelancerId: string,
  limit = 10,
): Promise<Pick<Checkin, '_id' | 'title' | 'dueAt' | 'status' | 'closesAt'>[]> {
  return checkinModel(conn)
    .find({ freelancerId })
    .sort({ dueAt: -1 })
    .limit(limit)
    .select({ title: 1, dueAt: 1, status: 1, closesAt: 1 })
    .lean<Pick<Checkin, '_id' | 'title' | 'dueAt' | 'status' | 'closesAt'>[]>()
    .exec();
}

/** A manager's latest answered check-ins, newest first (index `{managerId, status, dueAt}`). */
export function answeredForManager(
  conn: Connection,
  managerId: string,
  limit: number,
): Promise<Pick<Checkin, 'missionId' | 'answer'>[]> {
  return checkinModel(conn)
    .find({ managerId, status: 'answered' })
    .sort({ dueAt: -1 })
    .limit(limit)
    .select({ missionId: 1, 'answer.visibility': 1, 'answer.score': 1, 'answer.blockers': 1, _id: 0 })
    .lean<Pick<Checkin, 'missionId' | 'answer'>[]>()
    .exec();
}
