import { ConflictError } from '../../errors.js';

/** Where a mission is in its life. */
export const missionStatuses = [
  'draft',
  'onboarding',
  'active',
  'offboarding',
  'completed',
  'cancelled',
] as const;
export type MissionStatus = (typeof missionStatuses)[number];

/** Named transitions: every status change goes through one of these. */
export type MissionEvent = 'startOnboarding' | 'completeOnboarding' | 'startOffboarding' | 'close' | 'cancel';

/** What the guards look at (facts about the mission's data, not its status). */
export interface GuardFacts {
  openOnboardingItems?: number;
  /** Handover items neither confirmed nor waived; unknown (undefined) counts as not settled. */
  openHandoverItems?: number;
  /** The evaluation is in, and the feedback is in or recorded as not given. */
  offboardingSettled?: boolean;
}

interface Rule {
  from: readonly MissionStatus[];
  to: MissionStatus;
  /** Returns the reason the transition is refused, or undefined. */
  guard?: (facts: GuardFacts) => string | undefined;
}

const rules: Record<MissionEvent, Rule> = {
  startOnboarding: { from: ['draft'], to: 'onboarding' },
  completeOnboarding: {
    from: ['onboarding'],
    to: 'active',
    guard: (f) =>
      (f.openOnboardingItems ?? 0) > 0 ? `${f.openOnboardingItems} onboarding item(s) still open` : undefined,
  },
  startOffboarding: { from: ['onboarding', 'active'], to: 'offboarding' },
  close: {
    from: ['offboarding'],
    to: 'completed',
    // Whoever asks (offboarding, an admin, a script): no closing past an unsettled handover.
    guard: (f) => {
      if (f.openHandoverItems === undefined) return 'the handover checklist is not known';
      if (f.openHandoverItems > 0)
        return `${f.openHandoverItems} handover item(s) neither confirmed nor waived`;
      return f.offboardingSettled ? undefined : 'both feedbacks (or an explicit skip) are needed to close';
    },
  },
  cancel: { from: ['draft', 'onboarding', 'active', 'offboarding'], to: 'cancelled' },
};

/** The status after `event`, or a ConflictError saying why not. Pure: storing it is the caller's job. */
export function nextStatus(
  current: MissionStatus,
  event: MissionEvent,
  facts: GuardFacts = {},
): MissionStatus {
  const rule = rules[event];
  if (!rule.from.includes(current)) {
    throw new ConflictError(`cannot ${event} a mission that is ${current}`, 'error.conflict');
  }
  const refused = rule.guard?.(facts);
  if (refused) throw new ConflictError(`cannot ${event}: ${refused}`, 'error.conflict');
  return rule.to;
}

/** Whether `event` is possible from `current` (guards aside): for showing or hiding buttons. */
export function canApply(current: MissionStatus, event: MissionEvent): boolean {
  return rules[event].from.includes(current);
}

/** Missions still running (shown in lists, homes, and scheduled for check-ins). */
export function isOpen(status: MissionStatus): boolean {
  return status !== 'completed' && status !== 'cancelled';
}

/** When a mission reached the status it has: the last line of its history that moved it there. */
export function statusReachedAt(mission: {
  status: MissionStatus;
  history: readonly { at: Date; to?: MissionStatus }[];
}): Date | null {
  return mission.history.findLast((e) => e.to === mission.status)?.at ?? null;
}
