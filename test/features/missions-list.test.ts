import { describe, expect, it } from 'vitest';
import type { NewMission } from '../../src/features/missions/repository.js';
import { itemsOf, startOnboarding } from '../../src/features/onboarding/index.js';
import { toggleItem } from '../../src/features/onboarding/toggle/service.js';
import type { Harness } from '../support/harness.js';
import { harnessPerFile } from '../support/harness-hooks.js';
import { createMission } from '../support/missions.js';
import { newPerson } from '../support/people.js';

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

/**
 * François (French) and Emma (English) on both sides of each other's missions: an audit François
 * works on for Emma (onboarding, one item ticked), a recruitment Emma works on for François
 * (active), and an old completed one.
 */
async function francoisAndEmma(h: Harness): Promise<{ francois: string; emma: string }> {
  const francois = newPerson(h, 'FRANC', { name: 'francois', locale: 'fr-FR', tz: 'Europe/Paris' });
  const emma = newPerson(h, 'EMMA', { name: 'emma', locale: 'en-US', tz: 'America/New_York' });
  const create = (over: Partial<NewMission>) =>
    createMission(h.db, { freelancerId: francois, managerId: emma, ...over });
  const audit = await create({ title: 'Audit <!channel> & co' });
  await startOnboarding(h.deps, audit);
  const first = (await itemsOf(h.deps, audit._id.toString(), 'fr')).find((i) => i.owner === 'freelancer');
  if (!first) throw new Error('the default template has freelancer items');
  await toggleItem(h.deps, { itemId: first.id, userId: francois });
  await create({
    title: 'Recrutement data',
    managerId: francois,
    freelancerId: emma,
    status: 'active',
    startDate: '2025-01-06',
  });
  await create({ title: 'Vieille mission', status: 'completed', startDate: '2023-01-02' });
  return { francois, emma };
}

describe('/missions over the real HTTP receiver', () => {
  const harness = harnessPerFile('missions_list', { now: new Date('2025-03-05T09:00:00Z') });

  async function missions(userId: string): Promise<Ack> {
    const res = await harness().slack.sendCommand({ command: '/missions', text: '', userId });
    expect(res.status).toBe(200);
    return res.json() as Ack;
  }

  it('lists the caller’s missions on both sides, with status, dates and progress, in French', async () => {
    const { francois, emma } = await francoisAndEmma(harness());
    const body = await missions(francois);
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toBe('Vos missions');
    const text = ackText(body);
    expect(text).toContain('*En tant que freelance — 2 missions*');
    expect(text).toContain('*En tant que manager — 1 mission*');
    // User text is escaped: a title cannot ping a channel.
    expect(text).toContain(
      `*Audit &lt;!channel&gt; &amp; co*\nOnboarding · 3 mars 2025 → 27 juin 2025 · Manager : <@${emma}> · Onboarding 1/6`,
    );
    expect(text).toContain(
      `*Recrutement data*\nEn cours · 6 janvier 2025 → 27 juin 2025 · Freelance : <@${emma}>`,
    );
    expect(text).toContain('Onboarding terminé');
    expect(text).toContain('*Vieille mission*\nTerminée · 2 janvier 2023');
    // Open missions come before closed ones.
    expect(text.indexOf('Audit')).toBeLessThan(text.indexOf('Vieille mission'));
  });

  it('answers in English for an English reader, with their side of each mission', async () => {
    const { francois, emma } = await francoisAndEmma(harness());
    const body = await missions(emma);
    expect(body.text).toBe('Your missions');
    const text = ackText(body);
    expect(text).toContain('*As manager — 2 missions*');
    expect(text).toContain('*As freelancer — 1 mission*');
    expect(text).toContain(
      `Onboarding · 3 March 2025 → 27 June 2025 · Freelancer: <@${francois}> · Onboarding 1/6`,
    );
    expect(text).toContain(
      `Active · 6 January 2025 → 27 June 2025 · Manager: <@${francois}> · Onboarding complete`,
    );
  });

  it('says so when the caller has no mission, in French and in English', async () => {
    const h = harness();
    const nobodyFr = newPerson(h, 'NOBODYF', { name: 'nobody-fr', locale: 'fr-FR', tz: 'Europe/Paris' });
    const nobodyEn = newPerson(h, 'NOBODYE', { name: 'nobody-en', locale: 'en-US', tz: 'America/Chicago' });
    const fr = await missions(nobodyFr);
    expect(fr.response_type).toBe('ephemeral');
    expect(fr.text).toBe(
      "Vous n'avez pas encore de mission. Pour en démarrer une avec un freelance, tapez `/mission-start`.",
    );
    const en = await missions(nobodyEn);
    expect(en.text).toBe('You have no missions yet. To start one with a freelancer, type `/mission-start`.');
  });

  it('caps a long list at 20 rows with "and N more", within a message’s 50 blocks', async () => {
    const h = harness();
    const busy = newPerson(h, 'BUSY', { name: 'busy', locale: 'en-GB', tz: 'Europe/London' });
    for (let i = 0; i < 30; i++) {
      await createMission(h.db, {
        title: `Busy ${i}`,
        managerId: busy,
        freelancerId: `UFRL${String(i).padStart(5, '0')}`,
      });
    }
    const body = await missions(busy);
    const blocks = body.blocks ?? [];
    expect(blocks.length).toBeLessThanOrEqual(50);
    expect(blocks.filter((b) => b.text?.text.startsWith('*Busy ')).length).toBe(20);
    expect(ackText(body)).toContain('…and 10 more');
  });
});
