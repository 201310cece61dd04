/** Things that happened in the domain, for features that react to others (e.g. the Home refresh). */
export interface DomainEventMap {
  /**
   * A mission or its onboarding changed: the Homes of these users are stale. `schedule` when what
   * its check-ins follow may have changed (creation, dates, manager, title, status, zone): they are
   * re-planned. A checklist tick leaves it out.
   */
  'mission.changed': { missionId: string; userIds: readonly string[]; schedule?: true };
  /**
   * A mission reached `completed` after its offboarding (emitted once, by offboarding): the talent
   * pool updates the freelancer's profile and plans re-engagement from it. Private fields (note,
   * evaluation) travel in memory only; whoever stores them keeps them managers-and-admins only.
   */
  'mission.closed': MissionClosed;
  /**
   * A Slack `user_change` (a profile edit, a deactivation, a deletion): emitted by the one
   * `user_change` listener (missions/zone), after the cached profile was dropped. `deleted` as Slack
   * said it (absent when the payload did not say): talent marks the profile unreachable, or
   * reachable again. `forgotten` when Slack erased the account (`is_forgotten`): the privacy
   * feature erases the person at once, and talent removes the profile.
   */
  'user.changed': { userId: string; tz?: string; deleted?: boolean; forgotten: boolean };
}

/** One item of a handover card, as settled at closing. */
export interface HandoverItem {
  label: string;
  owner: 'freelancer' | 'manager';
  state: 'confirmed' | 'waived';
  by: string;
  at: Date;
  /** The manager's reason for a waiver. */
  reason?: string;
  links: string[];
}

/** What a closed mission tells the talent pool. */
export interface MissionClosed {
  missionId: string;
  freelancerId: string;
  managerId: string;
  title: string;
  /** The mission's skills plus the skills the manager saw shown. */
  skills: string[];
  closedAt: Date;
  /** The manager's evaluation (null when none was given). */
  rating: number | null;
  wouldRehire: boolean | null;
  privateNote: string | null;
  renewed: boolean;
  handover: HandoverItem[];
}

type Handler<K extends keyof DomainEventMap> = (event: DomainEventMap[K]) => Promise<void> | void;

/**
 * An in-process event bus. Handlers run after the emitter's work, each isolated: one failing
 * handler is logged and does not break the action that emitted.
 */
export class DomainEvents {
  private readonly handlers: { [K in keyof DomainEventMap]?: Handler<K>[] } = {};

  constructor(private readonly onError: (err: unknown, type: string) => void) {}

  /** Subscribes to one event type. */
  on<K extends keyof DomainEventMap>(type: K, handler: Handler<K>): void {
    const list = (this.handlers[type] ?? []) as Handler<K>[];
    list.push(handler);
    this.handlers[type] = list as (typeof this.handlers)[K];
  }

  /** Runs every handler of `type`; resolves when all have settled. */
  async emit<K extends keyof DomainEventMap>(type: K, event: DomainEventMap[K]): Promise<void> {
    const list = (this.handlers[type] ?? []) as Handler<K>[];
    await Promise.all(
      list.map(async (h) => {
        try {
          await h(event);
        } catch (err) {
          this.onError(err, type);
        }
      }),
    );
  }
}
