/**
 * What a reader makes of `/mission-stats` and of the CSV's DM (issue 19, "Consistency a user
 * notices"): a figure short of data says how short, the figures say how fresh they are (in the
 * reader's zone), the community line says what it counts, and the CSV's DM says what its columns are.
 */
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../src/features/analytics/export/rules.js';
import { rollupModel } from '../../src/features/analytics/rollups/model.js';
import { personHasher } from '../../src/features/privacy/index.js';
import type { StatFigures } from '../../src/rollups.js';
import { eventually } from '../support/eventually.js';
import { ADMIN_ID, type Harness } from '../support/harness.js';
import { harnessPerTest } from '../support/harness-hooks.js';
import { createMission } from '../support/missions.js';
import { newPerson } from '../support/people.js';

/** Thursday 3 December 2026, 09:00 UTC: 10:00 in Paris, 04:00 in New York. */
const NOW = new Date('2026-12-03T09:00:00Z');

/** The 2026 rollup documents of the workspace and of `managerId`, as the applier would have left them. */
async function seedDays(h: Harness, managerId: string, days: Record<string, StatFigures>): Promise<void> {
  const hash = await personHasher(h.db);
  for (const scope of ['ws', `m:${hash(managerId)}`]) {
    await rollupModel(h.db).create({ _id: `${scope}|2026`, scope, year: 2026, d: days, hr: {}, t: {} });
  }
}

/** A manager (with one active mission) in `zone`, speaking `locale`. */
async function manager(h: Harness, locale: 'en-US' | 'fr-FR', tz: string): Promise<string> {
  const id = newPerson(h, 'SMGR', { locale, tz });
  await createMission(h.db, {
    managerId: id,
    freelancerId: newPerson(h, 'SFRL', { locale: 'fr-FR', tz: 'Europe/Paris' }),
    status: 'active',
    startDate: '2026-10-05',
    endDate: '2027-03-26',
  });
  return id;
}

async function statsText(h: Harness, userId: string, text = '30d'): Promise<string> {
  const before = h.standin.ephemeralsTo(userId).length;
  const res = await h.slack.sendCommand({ command: '/mission-stats', text, userId });
  expect(res.status).toBe(200);
  return eventually(() => {
    const e = h.standin.ephemeralsTo(userId)[before];
    if (!e) throw new Error(`no answer to /mission-stats for ${userId}`);
    return JSON.stringify(e.blocks ?? []) + (e.text ?? '');
  });
}

describe('/mission-stats as a reader reads it', () => {
  const harness = harnessPerTest('statsreading', { now: NOW });

  it('says how many data points a figure lacks, in English and in French, and never “not enough data /5”', async () => {
    const h = harness();
    const en = await manager(h, 'en-US', 'Europe/Paris');
    const fr = await manager(h, 'fr-FR', 'Europe/Paris');
    await seedDays(h, en, {
      '2026-11-24': { checkinsSent: 4, checkinsAnswered: 3, scoreSum: 11, scoreCount: 3 },
    });
    const hash = await personHasher(h.db);
    await rollupModel(h.db).create({
      _id: `m:${hash(fr)}|2026`,
      scope: `m:${hash(fr)}`,
      year: 2026,
      d: { '2026-11-24': { checkinsSent: 4, checkinsAnswered: 3, scoreSum: 11, scoreCount: 3 } },
      hr: {},
      t: {},
    });

    const english = await statsText(h, en);
    expect(english).toContain('*Average satisfaction:* not enough data (3 of 5 needed)');
    expect(english).toContain('*Check-in response rate:* not enough data (4 of 5 needed)');
    expect(english).toContain('*Staffing time:* not enough data (0 of 5 needed)');
    expect(english).not.toMatch(/not enough data[^"]*\/5/);
    const french = await statsText(h, fr);
    expect(french).toContain('*Satisfaction moyenne :* pas assez de données (3 sur 5 nécessaires)');
    expect(french).not.toMatch(/pas assez de données[^"]*\/5/);
  });

  it('says when the figures were last brought up to date, in each reader’s zone', async () => {
    const h = harness();
    const paris = await manager(h, 'en-US', 'Europe/Paris');
    const newYork = await manager(h, 'en-US', 'America/New_York');
    const before = await statsText(h, paris);
    expect(before).not.toContain('as of');
    // The scheduler's tick applies the rollups (the worker `analytics.rollups`) at 09:00 UTC.
    await h.deps.scheduler.runOnce();
    h.clock.set(new Date('2026-12-03T09:00:40Z'));
    expect(await statsText(h, paris)).toContain('Figures as of 10:00 (brought up to date every minute)');
    expect(await statsText(h, newYork)).toContain('Figures as of 04:00 (brought up to date every minute)');
  });

  it('says what the community line counts: events held in the period, and those still to come', async () => {
    const h = harness();
    h.standin.addUser({ id: ADMIN_ID, name: 'ada', locale: 'en-US', tz: 'Europe/Paris' });
    const mgr = await manager(h, 'fr-FR', 'Europe/Paris');
    // One event held on 20 November (4 going), one upcoming on 10 December (2 going so far).
    await seedDays(h, mgr, {
      '2026-11-20': { events: 1, going: 4 },
      '2026-12-10': { events: 1, going: 2 },
    });
    const admin = await statsText(h, ADMIN_ID);
    expect(admin).toContain('*Community events:* held in the period: 1 (4 seats said going) · upcoming: 1');
    expect(admin).not.toContain('0 events');
    // The whole year 2026 still counts only what was held up to today.
    expect(await statsText(h, ADMIN_ID, '2026')).toContain(
      'held in the period: 1 (4 seats said going) · upcoming: 1',
    );
  });

  it('lists the CSV’s columns in the DM that brings the file, in the reader’s language', async () => {
    const h = harness();
    const fr = await manager(h, 'fr-FR', 'Europe/Paris');
    const res = await h.slack.sendBlockAction({
      userId: fr,
      channelId: 'C0STATS',
      actions: [{ action_id: 'analytics.export', block_id: 'x', type: 'button', value: '30d' }],
    });
    expect(res.status).toBe(200);
    const file = await eventually(() => {
      const f = h.standin.files.find((x) => x.completed && x.channelId === h.standin.state.dmFor(fr));
      if (!f) throw new Error('no CSV in the DM yet');
      return f;
    });
    const comment = file.initialComment ?? '';
    expect(comment).not.toContain('README');
    expect(comment).toContain('Colonnes');
    for (const column of CSV_COLUMNS) expect(comment).toContain(`\`${column}\``);
    expect(comment).toContain('taux de réponse');
  });
});
