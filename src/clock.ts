/** The source of "now" for the whole app: injected so tests and `jobs run-due --at` control time. */
export interface Clock {
  now(): Date;
}

/** The real clock. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock that only moves when told to: for tests and for running jobs as of a given time. */
export class ManualClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current.getTime());
  }
  set(at: Date): void {
    this.current = new Date(at.getTime());
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** A clock that starts at `at` and runs at real speed: `jobs run-due --at` uses it to act as of that time. */
export function shiftedClock(at: Date, base: Clock = systemClock): Clock {
  const offset = at.getTime() - base.now().getTime();
  return { now: () => new Date(base.now().getTime() + offset) };
}
