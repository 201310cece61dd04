import type { Types } from 'mongoose';
import { slackErrorCode } from '../../../slack/errors.js';
import { repairSeats } from '../answers/service.js';
import type { CommunityDeps as Deps } from '../deps.js';
import { RENDER_INTERVAL_MS } from '../ids.js';
import type { CommunityEvent } from '../model.js';
import {
  claimRender,
  countsOf,
  dirtyEvents,
  eventsWithCopiesBehind,
  findEvent,
  markRendered,
} from '../repository.js';
import { requestCopies } from './copies.js';
import { inviteMessage } from './views.js';

/**
 * Keeps each invite message in step with its answers, within chat.update's Tier 3 budget:
 *
 * - every stored answer bumps the event's `version` and sets `dirty` (after the answer is written);
 * - whoever wants the message updated claims it with one conditional update (`dirty` and
 *   `nextRenderAt` passed → `nextRenderAt` = now + 1.2 s): one instance wins per interval, so at
 *   most one chat.update per event per 1.2 s however many instances and clicks;
 * - the winner renders from the stored answers, then clears `dirty` only if no answer came in
 *   meanwhile (`version` unchanged); otherwise it stays dirty;
 * - a click that lost the claim, and a winner that left it dirty, leave a timer for the end of the
 *   interval (one per event and process): the trailing update shows the final counts;
 * - a process that dies with a dirty event leaves nothing stale for long: the scheduler pass
 *   `community.render` updates every dirty event whose interval is over.
 *
 * The window is measured on the app's clock (tests move it by hand and run the pass); the timers
 * only say when to try again, so a test never waits for them.
 */
export class MessageCoalescer {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly deps: Deps) {
    deps.scheduler.stopSignal.addEventListener('abort', () => {
      for (const t of this.timers.values()) clearTimeout(t);
      this.timers.clear();
    });
  }

  /** The message of `eventId` is behind: update it now if this instance wins the interval, else later. */
  request(eventId: Types.ObjectId): Promise<void> {
    // A trailing update is already due in this process: it will show this answer too (it reads the
    // answers when it runs), so no claim is tried now — one write less per click in a burst.
    if (this.timers.has(eventId.toString())) return Promise.resolve();
    return this.track(eventId, 0);
  }

  /** Resolves once the updates under way in this process are done (for a clean stop and for tests). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  /** One update of the message if the claim is won; resolves with whether it is still behind. */
  async renderIfDue(eventId: Types.ObjectId): Promise<'done' | 'behind' | 'notDue'> {
    const { db, clock } = this.deps;
    const claimed = await claimRender(db, eventId, clock.now(), RENDER_INTERVAL_MS);
    if (!claimed) return 'notDue';
    if (claimed.message) {
      const counts = await countsOf(db, claimed);
      try {
        await this.deps.gateway.updateMessage(
          claimed.message,
          inviteMessage(claimed, counts, this.deps.config.defaultLocale, clock.now()),
        );
      } catch (err) {
        // Left dirty: the trailing attempt or the pass tries again.
        this.deps.logger.warn('invite message update failed', {
          eventId: eventId.toString(),
          error: slackErrorCode(err),
        });
        return 'behind';
      }
    }
    await this.copies(claimed);
    return (await markRendered(db, eventId, claimed.version)) ? 'done' : 'behind';
  }

  /** The copies sent by DM follow the channel message (paced, see copies.ts); a failure is left to the pass. */
  async copies(event: CommunityEvent): Promise<void> {
    try {
      await requestCopies(this.deps, event);
    } catch (err) {
      this.deps.logger.warn('invite copies not brought up to date (the pass tries again)', {
        eventId: event._id.toString(),
        error: slackErrorCode(err),
      });
    }
  }

  private async attempt(eventId: Types.ObjectId, tries: number): Promise<void> {
    if (this.deps.scheduler.stopSignal.aborted) return;
    try {
      const outcome = await this.renderIfDue(eventId);
      if (outcome === 'done') return;
      const event = await findEvent(this.deps.db, eventId.toString());
      if (!event?.dirty) return;
      // Try again once the interval is over; a few tries at most, then the pass takes over.
      if (tries >= 3) return;
      const wait = Math.max(50, event.nextRenderAt.getTime() - this.deps.clock.now().getTime() + 10);
      this.later(eventId, wait, tries + 1);
    } catch (err) {
      this.deps.logger.warn('invite message update not done', {
        eventId: eventId.toString(),
        error: String(err),
      });
    }
  }

  private later(eventId: Types.ObjectId, ms: number, tries: number): void {
    const key = eventId.toString();
    if (this.timers.has(key)) return;
    const timer = setTimeout(
      () => {
        this.timers.delete(key);
        void this.track(eventId, tries);
      },
      Math.min(ms, RENDER_INTERVAL_MS * 2),
    );
    timer.unref();
    this.timers.set(key, timer);
  }

  private track(eventId: Types.ObjectId, tries: number): Promise<void> {
    const run = this.attempt(eventId, tries).finally(() => this.running.delete(run));
    this.running.add(run);
    return run;
  }
}

/**
 * The catch-up pass: every dirty event whose interval is over has its seats checked and its message
 * updated (what a dead instance left half done: a seat not given back, a trailing update not made),
 * and the DM copies the pacing left behind are rewritten once their turn came.
 */
export async function renderDirtyEvents(
  coalescer: MessageCoalescer,
  deps: Deps,
  now: Date,
): Promise<string | undefined> {
  const dirty = await dirtyEvents(deps.db);
  let updated = 0;
  for (const e of dirty) {
    if (e.nextRenderAt > now) continue;
    await repairSeats(deps, e._id);
    if ((await coalescer.renderIfDue(e._id)) !== 'notDue') updated++;
  }
  // Copies the pacing left behind new counts, once their turn came.
  for (const e of await eventsWithCopiesBehind(deps.db)) {
    if (e.copiesDueAt > now) continue;
    const event = await findEvent(deps.db, e._id.toString());
    if (event) await coalescer.copies(event);
  }
  return updated > 0 ? `${updated} invite message(s) brought up to date` : undefined;
}
