import { describe, expect, it } from 'vitest';
import { rebuildStats } from '../../src/features/analytics/index.js';
import { rollupModel } from '../../src/features/analytics/rollups/model.js';
import { checkinModel } from '../../src/features/checkins/model.js';
import { personHasher } from '../../src/features/privacy/index.js';
import type { StatFigures } from '../../src/rollups.js';
import { eventually } from '../support/eventually.js';
import { ADMIN_ID, type Harness } from '../support/harness.js';
import { harnessPerTest } from '../support/harness-hooks.js';
import { createMission } from '../support/missions.js';
import { newPerson } from '../support/people.js';
import { checkinRecord } from '../support/stats-records.js';

// Until the applier lands (branch `rollups`), the rollup documents are written here as it would.
async function seedRollups(
  h: Harness,
  managerId: string,
  days: Record<string, StatFigures>,
  hr: Record<string, Record<string, number>>,
  missions: Record<string, StatFigures>,
) {
  const hash = await personHasher(h.db);
  for (const scope of ['ws', `m:${hash(managerId)}`]) {
    await rollupModel(h.db).create({ _id: `${scope}|2026`, scope, year: 2026, d: days, hr, t: {} });
  }
  for (const [id, t] of Object.entries(missions))
    await rollupModel(h.db).create({ _id: `mission:${id}`, scope: 'mission', year: null, d: {}, hr: {}, t });
}

async function answerOf(h: Harness, userId: string, text: string) {
  const before = h.standin.ephemeralsTo(userId).length;
  const res = await h.slack.sendCommand({ command: '/mission-stats', text, userId });
  expect(res.status).toBe(200);
  return eventually(() => {
    const e = h.standin.ephemeralsTo(userId)[before];
    if (!e) throw new Error(`no answer to /mission-stats ${text} for ${userId}`);
    return { text: JSON.stringify(e.blocks ?? []) + (e.text ?? ''), blocks: e.blocks ?? [] };
  });
}

describe('/mission-stats and the CSV export', () => {
  const harness = harnessPerTest('stats', { now: new Date('2026-12-03T09:00:00Z') });

  it('admins see the workspace, a manager their missions, a freelancer is refused; one HR-only person never shows', async () => {
    const h = harness();
    h.standin.addUser({ id: ADMIN_ID, name: 'ada', locale: 'en-US', tz: 'Europe/London' });
    const manager = newPerson(h, 'MGR', { locale: 'en-US', tz: 'Europe/Paris' });
    const freelancer = newPerson(h, 'FRL', { locale: 'fr-FR', tz: 'Europe/Paris' });
    const m = await createMission(h.db, {
      freelancerId: freelancer,
      managerId: manager,
      status: 'active',
      startDate: '2026-02-02',
      endDate: '2026-12-31',
    });
    await seedRollups(
      h,
      manager,
      {
        '2026-02-10': {
          checkinsSent: 6,
          checkinsAnswered: 6,
          scoreSum: 15,
          scoreCount: 5,
          hrScoreSum: 1,
          hrScoreCount: 1,
        },
        '2026-11-24': { checkinsSent: 5, checkinsAnswered: 5, scoreSum: 20, scoreCount: 5 },
      },
      { '2026-Q1': { someone: 1 } },
      {
        [m._id.toString()]: {
          checkinsSent: 11,
          checkinsAnswered: 11,
          scoreSum: 35,
          scoreCount: 10,
          hrScoreSum: 1,
          hrScoreCount: 1,
        },
      },
    );

    const refused = await answerOf(h, freelancer, '2026');
    expect(refused.text).toContain('réservées aux managers');
    const help = await answerOf(h, manager, 'last-week');
    expect(help.text).toContain('2026-Q3');

    const year = await answerOf(h, manager, '2026');
    expect(year.text).toContain('your missions');
    expect(year.text).toContain('Average satisfaction:* 3.5 /5'); // (15 + 20) / 10: the HR-only answer held back
    expect(year.text).toContain('1 HR-only answer held back');
    expect(year.text).toContain('*Active missions:* 1');
    const admin = await answerOf(h, ADMIN_ID, '2026');
    expect(admin.text).toContain('workspace');

    // The export: a file in the manager's DM, parsed back.
    const res = await h.slack.sendBlockAction({
      userId: manager,
      channelId: 'C0STATS',
      actions: [{ action_id: 'analytics.export', block_id: 'x', type: 'button', value: '2026' }],
    });
    expect(res.status).toBe(200);
    const file = await eventually(() => {
      const f = h.standin.files.find((x) => x.completed && x.channelId === h.standin.state.dmFor(manager));
      if (!f?.content) throw new Error('no CSV in the DM yet');
      return f;
    });
    const text = file.content?.toString('utf8') ?? '';
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [head, row, ...rest] = text
      .slice(1)
      .trim()
      .split('\r\n')
      .map((l) => l.split(';'));
    expect(rest).toEqual([]);
    const cell = (name: string) => row?.[head?.indexOf(name) ?? -1];
    expect(cell('mission_id')).toBe(m._id.toString());
    expect(cell('freelancer_id')).toBe(freelancer);
    expect(cell('average_score')).toBe('3.50'); // 35 / 10, never the HR-only 1
    expect(head).not.toContain('hr_score');
  });

  it('seeded as raw check-ins and rebuilt by rebuild-stats, the 2026 figures equal the seed’s own', async () => {
    const h = harness();
    h.standin.addUser({ id: ADMIN_ID, name: 'ada', locale: 'en-US', tz: 'Europe/London' });
    const manager = newPerson(h, 'MGS', { locale: 'en-US', tz: 'Europe/Paris' });
    let sent = 0;
    let answered = 0;
    let scoreSum = 0;
    let scoreCount = 0;
    let week = 0;
    for (let i = 0; i < 10; i++) {
      const freelancer = newPerson(h, `FS${i}`, { locale: 'fr-FR', tz: 'Europe/Paris' });
      const m = await createMission(h.db, {
        freelancerId: freelancer,
        managerId: manager,
        status: i < 7 ? 'active' : 'completed',
        startDate: '2026-03-02',
        endDate: '2026-09-30',
      });
      for (let w = 0; w < 6; w++) {
        week += 1;
        const dueAt = new Date(Date.UTC(2026, 3, 6 + 7 * w, 8));
        const score = 1 + ((i * 7 + w * 3) % 5);
        const isAnswered = (i + w) % 4 !== 0;
        sent += 1;
        if (isAnswered) {
          answered += 1;
          scoreSum += score;
          scoreCount += 1;
        }
        await checkinModel(h.db).create(
          checkinRecord({
            missionId: m._id,
            week: `W-${week}`,
            dueAt,
            freelancerId: freelancer,
            managerId: manager,
            status: isAnswered ? 'answered' : 'sent',
            answer: { score },
            dirty: false,
          }),
        );
      }
    }
    await rebuildStats(h.db, h.deps.features, h.clock);
    const { text } = await answerOf(h, manager, '2026');
    const fmt = (n: number, d: number) => n.toFixed(d);
    expect(text).toContain(`*Active missions:* 7`);
    expect(text).toContain(`response rate:* ${fmt((answered / sent) * 100, 0)} %`);
    expect(text).toContain(`satisfaction:* ${fmt(scoreSum / scoreCount, 1)} /5`);
  });
});
