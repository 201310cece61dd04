import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoStart, runDemo } from '../../sandbox/demo.js';
import { type Sandbox, startSandbox } from '../../sandbox/sandbox.js';
import { screenOf } from '../../sandbox/screen.js';
import { personOf } from '../../sandbox/workspace.js';
import { silentLogger } from '../../src/logger.js';
import { testDatabaseUri } from '../support/database.js';

/** Words of a screen's HTML, for `toContain`. */
const words = (html: string | undefined) => (html ?? '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('npm run sandbox -- --demo', () => {
  const today = new Date('2026-03-25T15:00:00Z');
  let sandbox: Sandbox;
  const played: string[] = [];

  beforeAll(async () => {
    sandbox = await startSandbox({
      dbUri: testDatabaseUri('sandbox_demo'),
      logger: silentLogger(),
      now: demoStart(today),
      tick: false,
    });
    for await (const step of runDemo(sandbox, today)) played.push(step);
  }, 90_000);

  afterAll(async () => {
    await sandbox?.stop();
  });

  it('plays every step through the real flows and ends today', () => {
    expect(played.length).toBeGreaterThanOrEqual(8);
    expect(Math.abs(sandbox.clock.now().getTime() - today.getTime())).toBeLessThan(60_000);
  });

  it('leaves a lived-in Home: missions at several stages, answered and missed check-ins', async () => {
    const maya = words(screenOf(sandbox, personOf('manager').id).home?.html);
    expect(maya).toContain('Checkout redesign');
    expect(maya).toContain('Design system audit');
    expect(maya).toContain('Data platform migration');
    expect(maya).toContain('last check-in 4/5');
    const mayaDm = screenOf(sandbox, personOf('manager').id).conversations[0];
    const summaries = words(mayaDm?.messages.map((m) => m.html).join(''));
    expect(summaries).toContain('Check-in — Checkout redesign');
    expect(summaries).toContain('Sam Rivera answered the check-in');
    const checkins = sandbox.db.collection('checkins');
    expect(await checkins.countDocuments({ status: 'answered' })).toBeGreaterThanOrEqual(3);
    expect(await checkins.countDocuments({ status: 'missed' })).toBeGreaterThanOrEqual(1);
  });
});
