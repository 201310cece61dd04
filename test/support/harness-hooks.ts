import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { Config } from '../../src/config.js';
import { type Harness, startHarness } from './harness.js';

/** What both kinds of shared harness take: the clock's start and config overrides. */
export interface HarnessHookOptions {
  now: Date;
  config?: Partial<Config>;
}

/**
 * One running app, stand-in and database for the whole file: tests share them, never each other's
 * data (each test makes its own people and missions). Before each test the clock goes back to
 * `now` and injected Slack faults are dropped, so a test that failed half-way leaves nothing behind.
 */
export function harnessPerFile(label: string, options: HarnessHookOptions): () => Harness {
  let h: Harness | undefined;
  beforeAll(async () => {
    h = await startHarness(label, { now: options.now, config: options.config });
  });
  afterAll(async () => {
    await h?.stop();
  });
  beforeEach(() => {
    h?.clock.set(options.now);
    h?.standin.clearFaults();
  });
  return () => {
    if (!h) throw new Error('harness not started (used outside a test?)');
    return h;
  };
}

/**
 * A running app, stand-in and database of its own for each test (0.1–0.3 s to start here): for
 * tests that run scheduler passes or the job runner, which act on every mission and job in the
 * database, and report counts over all of them.
 */
export function harnessPerTest(label: string, options: HarnessHookOptions): () => Harness {
  let h: Harness | undefined;
  beforeEach(async () => {
    h = await startHarness(label, { now: options.now, config: options.config });
  });
  afterEach(async () => {
    await h?.stop();
    h = undefined;
  });
  return () => {
    if (!h) throw new Error('harness not started (used outside a test?)');
    return h;
  };
}
