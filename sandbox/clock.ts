/**
 * The sandbox's time: it runs at real speed from wherever it was last set, and "advance to …" moves
 * it forward and runs the scheduler (passes, workers, due jobs) as at that time, as the minute tick
 * of `npm start` would have.
 */
import type { Connection } from 'mongoose';
import type { Clock } from '../src/clock.js';
import type { JobOutcome } from '../src/scheduler/runner.js';
import type { Scheduler } from '../src/scheduler/scheduler.js';

/** A clock that runs at real speed and can be set forward. */
export class SandboxClock implements Clock {
  private offsetMs: number;

  constructor(start: Date = new Date()) {
    this.offsetMs = start.getTime() - Date.now();
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  set(at: Date): void {
    this.offsetMs = at.getTime() - Date.now();
  }
}

/** What one advance did: the new time, the scheduler's notes (for logs) and the jobs that ran. */
export interface AdvanceReport {
  now: Date;
  notes: string[];
  jobs: number;
  outcomes: JobOutcome[];
}

/** Passes at one time: planning then delivery may need a second pass, and a job may queue another. */
const MAX_PASSES = 5;

/** Sets the clock to `at` (never backwards) and runs the scheduler until a pass has nothing to do. */
export async function advanceTo(clock: SandboxClock, scheduler: Scheduler, at: Date): Promise<AdvanceReport> {
  if (at.getTime() < clock.now().getTime() - 1000) {
    throw new Error('the sandbox clock only moves forward');
  }
  clock.set(at);
  const notes: string[] = [];
  const outcomes: JobOutcome[] = [];
  for (let i = 0; i < MAX_PASSES; i++) {
    const report = await scheduler.runPass();
    notes.push(...report.notes);
    outcomes.push(...report.outcomes);
    if (report.notes.length === 0 && report.outcomes.length === 0) break;
  }
  return { now: clock.now(), notes, jobs: outcomes.length, outcomes };
}

/**
 * The next moment something is planned after `now`: a pending job, a check-in to send, its
 * reminder or its closing (read only, from the collections the scheduler works on).
 */
export async function nextPlanned(db: Connection, now: Date): Promise<Date | undefined> {
  const after = { $gt: now };
  const earliest = async (collection: string, field: string, filter: Record<string, unknown>) => {
    const doc = await db
      .collection(collection)
      .find({ ...filter, [field]: after })
      .sort({ [field]: 1 })
      .limit(1)
      .next();
    const value = doc?.[field];
    return value instanceof Date ? value : undefined;
  };
  const candidates = await Promise.all([
    earliest('jobs', 'runAt', { status: 'pending' }),
    earliest('checkins', 'dueAt', { status: 'scheduled' }),
    earliest('checkins', 'reminderAt', { status: 'sent' }),
    earliest('checkins', 'closesAt', { status: 'sent' }),
  ]);
  const times = candidates.filter((d): d is Date => d !== undefined).map((d) => d.getTime());
  return times.length === 0 ? undefined : new Date(Math.min(...times));
}
