import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../support/harness.js';

describe('GET /healthz', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('health');
  });
  afterAll(async () => {
    await h.stop();
  });

  it('answers 200 while the database answers, 503 once it is unreachable', async () => {
    const up = await fetch(`${h.appUrl}/healthz`);
    expect(up.status).toBe(200);
    expect(await up.json()).toEqual({ status: 'ok', database: 'up' });

    await h.db.close();
    const down = await fetch(`${h.appUrl}/healthz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: 'unavailable', database: 'down' });
  });
});
