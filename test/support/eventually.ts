/** How long `eventually` polls. */
export interface EventuallyOptions {
  /** Give up after this long (default 5 s). */
  timeoutMs?: number;
  /** Said first when it gives up: what was awaited, e.g. `the manager's summary`. */
  what?: string;
}

/**
 * Waits until `check` passes (it throws or returns false until then): for work the app does after
 * its ack. It polls an observable result; it never sleeps in place of a clock.
 *
 * Make `check` say what it expected and what it saw: use `expect(...)` inside it, or throw an
 * error naming both. When time runs out, the last failure is thrown (an assertion keeps its diff),
 * its message prefixed with how long it was awaited. A check that only returns `false` can say
 * nothing of what it saw: prefer an assertion.
 */
export async function eventually<T>(
  check: () => T | Promise<T>,
  options: number | EventuallyOptions = {},
): Promise<Exclude<T, false>> {
  const { timeoutMs = 5_000, what } = typeof options === 'number' ? { timeoutMs: options } : options;
  const started = Date.now();
  let lastError: unknown;
  let tries = 0;
  for (;;) {
    tries += 1;
    try {
      const value = await check();
      if (value !== false) return value as Exclude<T, false>;
      lastError = new Error('the check returned false (it says nothing of what it saw)');
    } catch (err) {
      lastError = err;
    }
    if (Date.now() - started > timeoutMs) throw timedOut(lastError, Date.now() - started, tries, what);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The last failure, kept as thrown (an AssertionError keeps expected/actual), with the wait in front. */
function timedOut(lastError: unknown, elapsedMs: number, tries: number, what: string | undefined): Error {
  const err = lastError instanceof Error ? lastError : new Error(String(lastError));
  const waited = `${what ? `${what}: ` : ''}still failing after ${elapsedMs} ms (${tries} tries)`;
  err.message = `${waited}: ${err.message}`;
  return err;
}
