import { describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually.js';

/** The error a promise rejects with. */
async function failureOf(p: Promise<unknown>): Promise<Error> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof Error)) throw new Error(`expected a rejection, got ${String(err)}`);
  return err;
}

describe('eventually (the polling helper of the end-to-end tests)', () => {
  it('returns what the check returns once it passes', async () => {
    let tries = 0;
    const value = await eventually(() => {
      tries += 1;
      if (tries < 3) throw new Error('not yet');
      return { tries };
    });
    expect(value).toEqual({ tries: 3 });
  });

  it('gives up with the last assertion, saying what was expected, what was seen and for how long', async () => {
    const seen = ['summary'];
    const err = await failureOf(
      eventually(() => expect(seen).toHaveLength(2), { timeoutMs: 50, what: "the manager's DMs" }),
    );
    expect(err.message).toMatch(/^the manager's DMs: still failing after \d+ ms \(\d+ tries\): /);
    expect(err.message).toContain("expected [ 'summary' ] to have a length of 2 but got 1");
    // Still the assertion itself, so the runner shows its diff.
    expect(err).toMatchObject({ actual: 1, expected: 2 });
  });

  it('reports the message of the last error thrown, not the first', async () => {
    let n = 0;
    const err = await failureOf(
      eventually(() => {
        n += 1;
        throw new Error(`saw ${n} posts`);
      }, 30),
    );
    expect(err.message).toContain(`saw ${n} posts`);
    expect(n).toBeGreaterThan(1);
  });

  it('says when a check only returned false', async () => {
    const err = await failureOf(eventually(() => false, 20));
    expect(err.message).toMatch(/still failing after \d+ ms .*the check returned false/);
  });
});
