import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPEN_CHECKIN } from '../../src/features/checkins/answers/ids.js';
import { checkinModel } from '../../src/features/checkins/model.js';
import { planMission } from '../../src/features/checkins/planning/service.js';
import { type Mission, missionModel } from '../../src/features/missions/model.js';
import type { NewMission } from '../../src/features/missions/repository.js';
import type { MissionStatus } from '../../src/features/missions/rules.js';
import { startOnboarding } from '../../src/features/onboarding/checklist/service.js';
import { TOGGLE_ITEM } from '../../src/features/onboarding/ids.js';
import { sentCheckin, storedAnswer } from '../support/checkin-answers.js';
import { eventually } from '../support/eventually.js';
import { type Harness, startHarness } from '../support/harness.js';
import { createMission } from '../support/missions.js';
import type { Json } from '../support/slack-standin.js';

const FREELANCER = 'UFREEL001';
const MANAGER = 'UMGR00001';
const BUSY = 'UBUSYMGR1';
const ADMIN = 'UADMIN01';
const NEWCOMER = 'UNEWCOME1';

interface Block {
  type: string;
  block_id?: string;
  text?: { text: string };
  elements?: { text?: string }[];
  accessory?: { type: string; action_id: string; value: string; text: { text: string } };
}

function blocksOf(view: Json | undefined): Block[] {
  return (view?.blocks ?? []) as Block[];
}

/** Every text of a Home (headers, sections, contexts, buttons), one line per block. */
function homeText(view: Json | undefined): string {
  return blocksOf(view)
    .map((b) =>
      [b.text?.text, ...(b.elements ?? []).map((e) => e.text), b.accessory?.text.text]
        .filter((x) => x !== undefined)
        .join(' '),
    )
    .join('\n');
}

function create(h: Harness, over: Partial<NewMission>): Promise<Mission> {
  return createMission(h.db, { freelancerId: FREELANCER, managerId: MANAGER, ...over });
}

describe('App Home per role', () => {
  let h: Harness;
  let audit: Mission;

  /** Opens the Home tab as Slack does and waits for a publish newer than the last one. */
  async function openHome(userId: string): Promise<Json | undefined> {
    const forUser = () => h.standin.callsTo('views.publish').filter((c) => c.args.user_id === userId && c.ok);
    const before = forUser().length;
    const res = await h.slack.sendEvent({
      type: 'app_home_opened',
      user: userId,
      channel: 'D0HOME',
      tab: 'home',
    });
    expect(res.status).toBe(200);
    // Wait for this user's publish: a refresh for someone else may land in between.
    await eventually(() => forUser().length > before);
    return h.standin.home(userId);
  }

  beforeAll(async () => {
    h = await startHarness('home', { now: new Date('2025-03-03T08:00:00Z') });
    h.standin.addUser({ id: FREELANCER, name: 'fanny', locale: 'fr-FR', tz: 'Europe/Paris' });
    h.standin.addUser({ id: MANAGER, name: 'mike', locale: 'en-US', tz: 'America/New_York' });
    h.standin.addUser({ id: BUSY, name: 'busy', locale: 'en-US', tz: 'Europe/London' });
    h.standin.addUser({ id: ADMIN, name: 'ada', locale: 'en-US', tz: 'Europe/Paris' });
    h.standin.addUser({ id: NEWCOMER, name: 'nina', locale: 'fr-FR', tz: 'Europe/Paris' });
    audit = await create(h, { title: 'Audit de la plateforme data' });
    await startOnboarding(h.deps, audit);
    // What /mission-start does after storing it: its check-ins are planned.
    await planMission(h.deps, audit._id, h.clock.now());
    await create(h, { title: 'Old finished job', status: 'completed', startDate: '2024-01-08' });
    await create(h, { title: 'Refonte du site', status: 'active', freelancerId: 'UOTHERFR1' });
  });
  afterAll(async () => {
    await h.stop();
  });

  it('shows the freelancer their current missions and open items with tick buttons, in French', async () => {
    const view = await openHome(FREELANCER);
    const text = homeText(view);
    expect(text).toContain('Vos missions en cours');
    expect(text).toContain('*Audit de la plateforme data*');
    expect(text).toContain(
      'Onboarding · 3 mars 2025 → 27 juin 2025 · Manager : <@UMGR00001> · Onboarding 0/6',
    );
    expect(text).not.toContain('Old finished job');
    expect(text).toContain('Vos points de checklist à faire');
    const ticks = blocksOf(view).filter((b) => b.accessory?.action_id === TOGGLE_ITEM);
    // The default template gives the freelancer three of its six items.
    expect(ticks).toHaveLength(3);
    expect(ticks[0]?.accessory?.text.text).toBe('Marquer comme fait');
    expect(ticks[0]?.accessory?.value).toMatch(/^[0-9a-f]{24}$/);
    expect(text).not.toContain('Les missions que vous pilotez');
  });

  it('ticks an item from the Home and shows the Home again with the progress moved on', async () => {
    const view = await openHome(FREELANCER);
    const tick = blocksOf(view).find((b) => b.accessory?.action_id === TOGGLE_ITEM);
    const before = h.standin.callsTo('views.publish').filter((c) => c.args.user_id === FREELANCER).length;
    const res = await h.slack.sendBlockAction({
      userId: FREELANCER,
      view: { id: String(view?.id) },
      actions: [
        { action_id: TOGGLE_ITEM, block_id: String(tick?.block_id), value: String(tick?.accessory?.value) },
      ],
    });
    expect(res.status).toBe(200);
    await eventually(
      () => h.standin.callsTo('views.publish').filter((c) => c.args.user_id === FREELANCER).length > before,
    );
    const after = h.standin.home(FREELANCER);
    expect(homeText(after)).toContain('Onboarding 1/6');
    expect(blocksOf(after).filter((b) => b.accessory?.action_id === TOGGLE_ITEM)).toHaveLength(2);
  });

  it('shows the freelancer the next check-in, then the one waiting for an answer with a button that opens it', async () => {
    const planned = homeText(await openHome(FREELANCER));
    expect(planned).toContain('Prochain point :');
    expect(planned).toContain('(Audit de la plateforme data)');
    const waiting = await sentCheckin(h, audit, { closesAt: new Date('2025-03-12T09:00:00Z') });
    const view = await openHome(FREELANCER);
    expect(homeText(view)).toContain(
      '📝 Votre point hebdomadaire pour *Audit de la plateforme data* attend votre réponse.',
    );
    const button = blocksOf(view).find((b) => b.accessory?.action_id === OPEN_CHECKIN);
    expect(button?.accessory?.value).toBe(waiting._id.toString());
    const opened = h.standin.callsTo('views.open').length;
    const res = await h.slack.sendBlockAction({
      userId: FREELANCER,
      view: { id: String(view?.id) },
      actions: [
        { action_id: OPEN_CHECKIN, block_id: String(button?.block_id), value: waiting._id.toString() },
      ],
    });
    expect(res.status).toBe(200);
    await eventually(() => h.standin.callsTo('views.open').length > opened);
    await checkinModel(h.db).deleteOne({ _id: waiting._id });
  });

  it('shows the manager each mission’s latest check-in: score and blocker, or only that it is HR-only', async () => {
    const hrOnly = await missionModel(h.db).findOne({ title: 'Refonte du site' }).lean<Mission>().exec();
    if (!hrOnly) throw new Error('setup');
    h.standin.addUser({ id: hrOnly.freelancerId, name: 'olga', locale: 'fr-FR', tz: 'Europe/Paris' });
    const docs = [
      await sentCheckin(h, audit, {
        week: '2025-W09',
        status: 'answered',
        answer: storedAnswer({ score: 2, blockers: 'No VPN access', visibility: 'manager' }),
      }),
      await sentCheckin(h, hrOnly, {
        week: '2025-W09',
        status: 'answered',
        answer: storedAnswer({ score: 1, blockers: 'Secret', visibility: 'hr' }),
      }),
    ];
    const text = homeText(await openHome(MANAGER));
    expect(text).toContain('last check-in 2/5 · ⚠️ blocker');
    const hrLine = text.split('\n').find((l) => l.includes('last check-in shared with HR only'));
    expect(hrLine).toBeDefined();
    expect(text).not.toContain('1/5');
    expect(text).not.toContain('Secret');
    for (const d of docs) await checkinModel(h.db).deleteOne({ _id: d._id });
  });

  it('shows the manager the missions they manage with progress and a status summary, in English', async () => {
    const text = homeText(await openHome(MANAGER));
    expect(text).toContain('Missions you manage');
    expect(text).toContain('*3 missions* in all — Onboarding: 1 · Active: 1 · Completed: 1');
    expect(text).toContain('*Audit de la plateforme data*');
    expect(text).toContain(
      'Onboarding · 3 March 2025 → 27 June 2025 · Freelancer: <@UFREEL001> · Onboarding 1/6',
    );
    expect(text).toContain('Active · ');
    expect(text).toContain('Onboarding complete');
    // Closed missions are counted, not listed.
    expect(text).not.toContain('Old finished job');
    // The manager's own half of the checklist.
    expect(text).toContain('Your open checklist items');
    expect(text).not.toContain('Workspace summary');
  });

  it('adds the workspace summary for an admin', async () => {
    const text = homeText(await openHome(ADMIN));
    expect(text).toContain('Workspace summary');
    expect(text).toContain('*3 missions* in the workspace — Onboarding: 1 · Active: 1 · Completed: 1');
    // An admin with no mission of their own also gets the welcome.
    expect(text).toContain('`/mission-start`');
  });

  it('welcomes someone with no mission and no role, explaining Passerelle and /mission-start', async () => {
    const text = homeText(await openHome(NEWCOMER));
    expect(text).toContain('Bienvenue dans Passerelle');
    expect(text).toContain('`/mission-start`');
    expect(text).not.toContain('Vue d’ensemble');
    expect(text).not.toContain("Vue d'ensemble de l'espace");
  });

  it('ignores the Messages tab', async () => {
    const before = h.standin.callsTo('views.publish').length;
    const res = await h.slack.sendEvent({
      type: 'app_home_opened',
      user: NEWCOMER,
      channel: 'D0HOME',
      tab: 'messages',
    });
    expect(res.status).toBe(200);
    // A Home opened right after is the next publish: the Messages tab published nothing.
    await openHome(NEWCOMER);
    expect(h.standin.callsTo('views.publish').length).toBe(before + 1);
  });

  it('keeps a manager of 120 missions within 100 blocks, pointing to /missions for the rest', async () => {
    const statuses: MissionStatus[] = ['onboarding', 'active', 'offboarding', 'completed', 'cancelled'];
    for (let i = 0; i < 120; i++) {
      await create(h, {
        title: `Busy mission ${i}`,
        managerId: BUSY,
        freelancerId: `UFRL${String(i).padStart(5, '0')}`,
        status: statuses[i % statuses.length] ?? 'active',
        startDate: `2024-${String((i % 12) + 1).padStart(2, '0')}-01`,
      });
    }
    const view = await openHome(BUSY);
    const blocks = blocksOf(view);
    expect(blocks.length).toBeLessThanOrEqual(100);
    const text = homeText(view);
    expect(text).toContain(
      '*120 missions* in all — Onboarding: 24 · Active: 24 · Offboarding: 24 · Completed: 24 · Cancelled: 24',
    );
    // 72 open missions, 15 listed.
    expect(text).toContain('57 more open missions — use `/missions` to see them all');
    expect(blocks.filter((b) => b.text?.text.startsWith('*Busy mission')).length).toBe(15);
  });

  it('republishes the Homes of the people a mission.changed names', async () => {
    await openHome(NEWCOMER);
    const before = h.standin.callsTo('views.publish').length;
    await create(h, { title: 'Première mission de Nina', freelancerId: NEWCOMER, managerId: MANAGER });
    await h.deps.events.emit('mission.changed', { missionId: 'x', userIds: [NEWCOMER, MANAGER, NEWCOMER] });
    const published = h.standin
      .callsTo('views.publish')
      .slice(before)
      .map((c) => c.args.user_id);
    // Once per person, even when named twice.
    expect(published.sort()).toEqual([MANAGER, NEWCOMER].sort());
    expect(homeText(h.standin.home(NEWCOMER))).toContain('*Première mission de Nina*');
    expect(homeText(h.standin.home(MANAGER))).toContain('*Première mission de Nina*');
  });

  it('refreshes after a change even when one of the people cannot get a Home', async () => {
    const before = h.standin.callsTo('views.publish').length;
    await h.deps.events.emit('mission.changed', { missionId: 'x', userIds: ['UGONE0001', FREELANCER] });
    const calls = h.standin.callsTo('views.publish').slice(before);
    expect(calls.map((c) => c.args.user_id).sort()).toEqual([FREELANCER, 'UGONE0001'].sort());
    expect(homeText(h.standin.home(FREELANCER))).toContain('Vos missions en cours');
  });
});
