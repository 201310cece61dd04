import { describe, expect, it } from 'vitest';
import { OPEN_CHECKIN } from '../../src/features/checkins/answers/ids.js';
import { TOGGLE_ITEM } from '../../src/features/onboarding/ids.js';
import { sentCheckin } from '../support/checkin-answers.js';
import { eventually } from '../support/eventually.js';
import { harnessPerFile } from '../support/harness-hooks.js';
import { auditWorld, blocksOf, homeText, openHome } from '../support/home.js';

describe("the freelancer's App Home", () => {
  const harness = harnessPerFile('home_freelancer', { now: new Date('2025-03-03T08:00:00Z') });

  it('shows the freelancer their current missions and open items with tick buttons, in French', async () => {
    const h = harness();
    const { freelancer, manager } = await auditWorld(h);
    const view = await openHome(h, freelancer);
    const text = homeText(view);
    expect(text).toContain('Vos missions en cours');
    expect(text).toContain('*Audit de la plateforme data*');
    expect(text).toContain(
      `Onboarding · 3 mars 2025 → 27 juin 2025 · Manager : <@${manager}> · Onboarding 0/6`,
    );
    // The completed mission is not among the current ones, but listed under its own heading.
    expect(text).toContain(
      `*Missions terminées*\n*Old finished job* · terminée le 27 juin 2025 · Manager : <@${manager}>`,
    );
    expect(text).toContain('Vos points de checklist à faire');
    const ticks = blocksOf(view).filter((b) => b.accessory?.action_id === TOGGLE_ITEM);
    // The default template gives the freelancer three of its six items.
    expect(ticks).toHaveLength(3);
    expect(ticks[0]?.accessory?.text.text).toBe('Marquer comme fait');
    expect(ticks[0]?.accessory?.value).toMatch(/^[0-9a-f]{24}$/);
    expect(text).not.toContain('Les missions que vous pilotez');
  });

  it('ticks an item from the Home and shows the Home again with the progress moved on', async () => {
    const h = harness();
    const { freelancer } = await auditWorld(h);
    const view = await openHome(h, freelancer);
    const tick = blocksOf(view).find((b) => b.accessory?.action_id === TOGGLE_ITEM);
    const res = await h.slack.sendBlockAction({
      userId: freelancer,
      view: { id: String(view?.id) },
      actions: [
        { action_id: TOGGLE_ITEM, block_id: String(tick?.block_id), value: String(tick?.accessory?.value) },
      ],
    });
    expect(res.status).toBe(200);
    // The Home shown again: wait for what it must say, not for any publish.
    const after = await eventually(() => {
      const home = h.standin.home(freelancer);
      expect(homeText(home)).toContain('Onboarding 1/6');
      return home;
    });
    expect(blocksOf(after).filter((b) => b.accessory?.action_id === TOGGLE_ITEM)).toHaveLength(2);
  });

  it('shows the freelancer the next check-in, then the one waiting for an answer with a button that opens it', async () => {
    const h = harness();
    const { freelancer, audit } = await auditWorld(h);
    const planned = homeText(await openHome(h, freelancer));
    expect(planned).toContain('Prochain point :');
    expect(planned).toContain('(Audit de la plateforme data)');
    const waiting = await sentCheckin(h, audit, { closesAt: new Date('2025-03-12T09:00:00Z') });
    const view = await openHome(h, freelancer);
    expect(homeText(view)).toContain(
      '📝 Votre point hebdomadaire pour *Audit de la plateforme data* attend votre réponse.',
    );
    const button = blocksOf(view).find((b) => b.accessory?.action_id === OPEN_CHECKIN);
    expect(button?.accessory?.value).toBe(waiting._id.toString());
    const res = await h.slack.sendBlockAction({
      userId: freelancer,
      view: { id: String(view?.id) },
      actions: [
        { action_id: OPEN_CHECKIN, block_id: String(button?.block_id), value: waiting._id.toString() },
      ],
    });
    expect(res.status).toBe(200);
    const opened = await eventually(() => {
      const call = h.standin.callsTo('views.open').find((c) => c.args.trigger_id === res.triggerId);
      if (!call) throw new Error(`no views.open with the click's trigger ${res.triggerId} yet`);
      return call;
    });
    expect((opened.args.view as { private_metadata?: string }).private_metadata).toBe(waiting._id.toString());
  });
});
