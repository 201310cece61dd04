import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mission } from '../../src/features/missions/model.js';
import type { NewMission } from '../../src/features/missions/repository.js';
import { itemsOf, startOnboarding } from '../../src/features/onboarding/index.js';
import { toggleItem } from '../../src/features/onboarding/toggle/service.js';
import { type Harness, startHarness } from '../support/harness.js';
import { createMission } from '../support/missions.js';

const FRANCOIS = 'UFRANCOIS';
const EMMA = 'UEMMA0001';
const NOBODY_FR = 'UNOBODYFR';
const NOBODY_EN = 'UNOBODYEN';
const BUSY = 'UBUSYMGR2';

interface Ack {
  response_type?: string;
  text?: string;
  blocks?: { type: string; text?: { text: string }; elements?: { text: string }[] }[];
}

function ackText(body: Ack): string {
  return (body.blocks ?? [])
    .map((b) => b.text?.text ?? b.elements?.map((e) => e.text).join(' ') ?? '')
    .join('\n');
}

function create(h: Harness, over: Partial<NewMission>): Promise<Mission> {
  return createMission(h.db, { freelancerId: FRANCOIS, managerId: EMMA, ...over });
}

describe('/missions over the real HTTP receiver', () => {
  let h: Harness;

  async function missions(userId: string): Promise<Ack> {
    const res = await h.slack.sendCommand({ command: '/missions', text: '', userId });
    expect(res.status).toBe(200);
    return res.json() as Ack;
  }

  beforeAll(async () => {
    h = await startHarness('missions_list', { now: new Date('2025-03-05T09:00:00Z') });
    h.standin.addUser({ id: FRANCOIS, name: 'francois', locale: 'fr-FR', tz: 'Europe/Paris' });
    h.standin.addUser({ id: EMMA, name: 'emma', locale: 'en-US', tz: 'America/New_York' });
    h.standin.addUser({ id: NOBODY_FR, name: 'nobody-fr', locale: 'fr-FR', tz: 'Europe/Paris' });
    h.standin.addUser({ id: NOBODY_EN, name: 'nobody-en', locale: 'en-US', tz: 'America/Chicago' });
    h.standin.addUser({ id: BUSY, name: 'busy', locale: 'en-GB', tz: 'Europe/London' });

    const audit = await create(h, { title: 'Audit <!channel> & co' });
    await startOnboarding(h.deps, audit);
    const first = (await itemsOf(h.deps, audit._id.toString(), 'fr')).find((i) => i.owner === 'freelancer');
    if (!first) throw new Error('the default template has freelancer items');
    await toggleItem(h.deps, { itemId: first.id, userId: FRANCOIS });
    await create(h, {
      title: 'Recrutement data',
      managerId: FRANCOIS,
      freelancerId: EMMA,
      status: 'active',
      startDate: '2025-01-06',
    });
    await create(h, { title: 'Vieille mission', status: 'completed', startDate: '2023-01-02' });
  });
  afterAll(async () => {
    await h.stop();
  });

  it('lists the caller’s missions on both sides, with status, dates and progress, in French', async () => {
    const body = await missions(FRANCOIS);
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toBe('Vos missions');
    const text = ackText(body);
    expect(text).toContain('*En tant que freelance — 2 missions*');
    expect(text).toContain('*En tant que manager — 1 mission*');
    // User text is escaped: a title cannot ping a channel.
    expect(text).toContain(
      '*Audit &lt;!channel&gt; &amp; co*\nOnboarding · 3 mars 2025 → 27 juin 2025 · Manager : <@UEMMA0001> · Onboarding 1/6',
    );
    expect(text).toContain(
      '*Recrutement data*\nEn cours · 6 janvier 2025 → 27 juin 2025 · Freelance : <@UEMMA0001>',
    );
    expect(text).toContain('Onboarding terminé');
    expect(text).toContain('*Vieille mission*\nTerminée · 2 janvier 2023');
    // Open missions come before closed ones.
    expect(text.indexOf('Audit')).toBeLessThan(text.indexOf('Vieille mission'));
  });

  it('answers in English for an English reader, with their side of each mission', async () => {
    const body = await missions(EMMA);
    expect(body.text).toBe('Your missions');
    const text = ackText(body);
    expect(text).toContain('*As manager — 2 missions*');
    expect(text).toContain('*As freelancer — 1 mission*');
    expect(text).toContain(
      'Onboarding · 3 March 2025 → 27 June 2025 · Freelancer: <@UFRANCOIS> · Onboarding 1/6',
    );
    expect(text).toContain(
      'Active · 6 January 2025 → 27 June 2025 · Manager: <@UFRANCOIS> · Onboarding complete',
    );
  });

  it('says so when the caller has no mission, in French and in English', async () => {
    const fr = await missions(NOBODY_FR);
    expect(fr.response_type).toBe('ephemeral');
    expect(fr.text).toBe(
      "Vous n'avez pas encore de mission. Pour en démarrer une avec un freelance, tapez `/mission-start`.",
    );
    const en = await missions(NOBODY_EN);
    expect(en.text).toBe('You have no missions yet. To start one with a freelancer, type `/mission-start`.');
  });

  it('caps a long list at 20 rows with "and N more", within a message’s 50 blocks', async () => {
    for (let i = 0; i < 30; i++) {
      await create(h, {
        title: `Busy ${i}`,
        managerId: BUSY,
        freelancerId: `UFRL${String(i).padStart(5, '0')}`,
      });
    }
    const body = await missions(BUSY);
    const blocks = body.blocks ?? [];
    expect(blocks.length).toBeLessThanOrEqual(50);
    expect(blocks.filter((b) => b.text?.text.startsWith('*Busy ')).length).toBe(20);
    expect(ackText(body)).toContain('…and 10 more');
  });
});
