import type { Types } from 'mongoose';
import type { CommunityDeps as Deps } from '../deps.js';
import { PROMOTED_JOB } from '../ids.js';
import type { MessageCoalescer } from '../message/service.js';
import type { AnswerStatus, CommunityEvent } from '../model.js';
import {
  answersWithStatus,
  findAnswer,
  findEvent,
  flagDirty,
  markDirty,
  markToldWaitlisted,
  releaseSeat,
  storeAnswer,
  takeSeat,
} from '../repository.js';
import { answersOpen, waitlistPosition } from '../rules.js';

export type AnswerOutcome =
  | { kind: 'going' | 'maybe' | 'no'; event: CommunityEvent }
  | { kind: 'waitlisted'; position: number; event: CommunityEvent }
  | { kind: 'closed' | 'cancelled'; event: CommunityEvent }
  | { kind: 'notFound' }
  /** An older click processed after a newer one: nothing to say. */
  | { kind: 'stale' };

/**
 * A person answers (from the channel or a DM copy): the answer is stored in one atomic upsert (one
 * per event and person); "going" takes a free seat in line order or waits; leaving frees the seat,
 * which goes to the first in line (told by DM). Then the message is marked behind and updated
 * (coalesced).
 */
export async function answerEvent(
  deps: Deps,
  coalescer: MessageCoalescer,
  input: { eventId: string; userId: string; status: AnswerStatus; clickedAt: number },
): Promise<AnswerOutcome> {
  const now = deps.clock.now();
  const event = await findEvent(deps.db, input.eventId);
  if (!event) return { kind: 'notFound' };
  if (event.status === 'cancelled') return { kind: 'cancelled', event };
  if (!answersOpen(event, now)) return { kind: 'closed', event };
  // In a burst the event is already dirty: no extra write then.
  if (!event.dirty) await flagDirty(deps.db, event._id);
  const before = await storeAnswer(deps.db, event._id, input.userId, input.status, now, input.clickedAt);
  if (before === 'stale') return { kind: 'stale' };
  let outcome: AnswerOutcome = { kind: input.status, event };
  if (event.capacity !== null) {
    if (input.status !== 'going') await releaseSeat(deps.db, event._id, input.userId);
    await fillSeats(deps, event._id, input.userId);
    if (input.status === 'going') outcome = await standingOf(deps, event._id, input.userId, event);
  }
  await markDirty(deps.db, event._id);
  void coalescer.request(event._id);
  return outcome;
}

/** Where a "going" person stands: seated, or on the waitlist at a position (then marked as told). */
async function standingOf(
  deps: Deps,
  eventId: Types.ObjectId,
  userId: string,
  event: CommunityEvent,
): Promise<AnswerOutcome> {
  const seated = async () => (await findEvent(deps.db, eventId.toString()))?.seats.includes(userId) ?? false;
  if (await seated()) return { kind: 'going', event };
  // Marked before the last look: a promotion from now on DMs them; one just before is seen here.
  await markToldWaitlisted(deps.db, eventId, userId);
  const now = await findEvent(deps.db, eventId.toString());
  if (!now || now.seats.includes(userId)) return { kind: 'going', event };
  const going = await answersWithStatus(deps.db, eventId, 'going');
  return { kind: 'waitlisted', position: waitlistPosition(going, now.seats, userId), event };
}

/**
 * Gives free seats to the first in line, one conditional update each (so two instances never give
 * one seat twice). A promoted person who had been told they wait is DM'd (a durable job, once);
 * `clicker` is told by their own confirmation instead.
 */
/**
 * Seats held by someone no longer going go back (a process that died between storing "can't" and
 * releasing the seat), then free seats go to the first in line. Run by the catch-up pass.
 */
export async function repairSeats(deps: Deps, eventId: Types.ObjectId): Promise<void> {
  const event = await findEvent(deps.db, eventId.toString());
  if (!event || event.capacity === null || event.status !== 'open') return;
  const going = new Set((await answersWithStatus(deps.db, eventId, 'going')).map((a) => a.userId));
  for (const holder of event.seats) if (!going.has(holder)) await releaseSeat(deps.db, eventId, holder);
  await fillSeats(deps, eventId);
}

export async function fillSeats(deps: Deps, eventId: Types.ObjectId, clicker?: string): Promise<string[]> {
  const promoted: string[] = [];
  for (let round = 0; round < 1000; round++) {
    const event = await findEvent(deps.db, eventId.toString());
    if (!event || event.capacity === null || event.status !== 'open') break;
    if (event.seatCount >= event.capacity) break;
    const going = await answersWithStatus(deps.db, eventId, 'going');
    const seated = new Set(event.seats);
    const next = going.find((a) => !seated.has(a.userId));
    if (!next) break;
    if (!(await takeSeat(deps.db, event, next.userId))) continue;
    // The answer may have changed between the read and the seat: a seat held by someone not going goes back.
    const answer = await findAnswer(deps.db, eventId, next.userId);
    if (answer?.status !== 'going') {
      await releaseSeat(deps.db, eventId, next.userId);
      continue;
    }
    promoted.push(next.userId);
    if (answer.toldWaitlisted && next.userId !== clicker) {
      const key = `${PROMOTED_JOB}:${eventId.toString()}:${next.userId}:${answer.queueKey}`;
      await deps.scheduler.runner.startNow({
        key,
        name: PROMOTED_JOB,
        payload: { eventId: eventId.toString(), userId: next.userId },
      });
    }
  }
  return promoted;
}
