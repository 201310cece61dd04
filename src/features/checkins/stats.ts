import { DateTime } from 'luxon';
import type { Contribution, RollupSource, StatFigures } from '../../rollups.js';
import { type Checkin, checkinModel } from './model.js';

/**
 * What a check-in adds to the analytics figures, on its local day: sent once delivered, answered,
 * and its score — with the manager-visible ones, or kept apart with whose it is when shared with HR
 * only (PRODUCT.md flow 8 decides where those may count).
 */
export function checkinContribution(c: Checkin): Contribution[] {
  const figures: StatFigures = {};
  if (c.sentAt) figures.checkinsSent = 1;
  const answer = c.status === 'answered' ? c.answer : null;
  let hrPerson: string | undefined;
  if (answer) {
    figures.checkinsAnswered = 1;
    if (answer.visibility === 'hr') {
      figures.hrScoreSum = answer.score;
      figures.hrScoreCount = 1;
      hrPerson = c.freelancerId;
    } else {
      figures.scoreSum = answer.score;
      figures.scoreCount = 1;
    }
  }
  if (Object.keys(figures).length === 0) return [];
  const day = DateTime.fromJSDate(c.dueAt, { zone: c.zone }).toISODate() ?? '';
  return [
    {
      day,
      managerId: c.managerId,
      missionId: String(c.missionId),
      figures,
      ...(hrPerson ? { hrPerson } : {}),
    },
  ];
}

/** The check-ins as a rollup source. */
export const checkinStats: RollupSource = {
  name: 'checkins',
  model: checkinModel,
  contributions: async (_conn, docs) => (docs as Checkin[]).map(checkinContribution),
};
