import { describe, expect, it } from 'vitest';
import { ANIMATOR_ID, menu, openedModal } from '../support/community.js';
import { eventually } from '../support/eventually.js';
import { type LivedWorld, livedEveryFlow } from '../support/every-flow.js';
import { ADMIN_ID, type Harness } from '../support/harness.js';
import { harnessPerTest } from '../support/harness-hooks.js';
import { homeText, openHome } from '../support/home.js';
import { clickInDm, dmWithButton } from '../support/offboarding.js';

/**
 * Scans every document of every collection of the database (deep, as JSON) for each needle:
 * `collection: needle in <the document's start>` for each hit.
 */
async function whereInDatabase(h: Harness, needles: string[]): Promise<string[]> {
  const db = h.db.db;
  if (!db) throw new Error('no database');
  const found: string[] = [];
  for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
    const docs = (await db.collection(name).find({}).toArray()).map((d) => JSON.stringify(d));
    for (const needle of needles) {
      for (const d of docs.filter((x) => x.includes(needle))) {
        const at = d.indexOf(needle);
        found.push(`${name}: ${needle} in …${d.slice(Math.max(0, at - 120), at + 60)}…`);
      }
    }
  }
  return found;
}

/** `/passerelle erase-me` (or `erase @subject` by the admin), confirmed; waits for the audit line. */
async function erase(h: Harness, subject: string, by: string) {
  const text = by === subject ? 'erase-me' : `erase <@${subject}>`;
  await h.slack.sendCommand({ command: '/passerelle', text, userId: by });
  const modal = await openedModal(h, by, 'privacy.erase.confirm');
  await h.slack.sendViewSubmission({
    userId: by,
    view: {
      id: modal.id,
      callback_id: String(modal.view.callback_id),
      private_metadata: String(modal.view.private_metadata),
      state: { values: {} },
    },
  });
  await eventually(async () =>
    expect(await h.db.collection('audit_trail').countDocuments({ kind: 'erasure' })).toBe(1),
  );
}

/** The modal a click opened (what the app sent to views.open), as JSON. */
async function modalText(h: Harness, click: Promise<{ triggerId?: string }>): Promise<string> {
  const { triggerId } = await click;
  return eventually(() => {
    const call = h.standin.callsTo('views.open').find((c) => c.args.trigger_id === triggerId && c.ok);
    if (!call) throw new Error(`no modal opened with trigger ${triggerId} yet`);
    const view = call.args.view;
    return typeof view === 'string' ? view : JSON.stringify(view);
  });
}

/**
 * What the others see of the erased person once erased, as text: the manager's private evaluation
 * and Home, the animator's attendee list, an admin's view of the freelancer's talent profile.
 */
async function viewsAfterErasure(h: Harness, world: LivedWorld, erased: 'freelancer' | 'manager') {
  const seen: string[] = [];
  if (erased === 'freelancer') {
    const summary = await dmWithButton(h, world.manager.id, 'offboarding.private.view');
    seen.push(await modalText(h, clickInDm(h, summary, world.manager.id, 'offboarding.private.view')));
    seen.push(homeText(await openHome(h, world.manager.id)));
    seen.push(await modalText(h, menu(h, world.event, world.event.event._id, ANIMATOR_ID, 'list')));
  } else {
    const profile = h.slack.sendBlockAction({
      userId: ADMIN_ID,
      channelId: h.standin.state.dmFor(ADMIN_ID),
      message: { ts: '1700000000.000100', text: 'talent' },
      actions: [{ action_id: 'talent.profile.view', block_id: 'b', value: world.freelancer.id }],
    });
    seen.push(await modalText(h, profile));
    seen.push(homeText(await openHome(h, world.freelancer.id)));
  }
  return seen;
}

describe('erasure of a person who went through every flow', () => {
  const harness = harnessPerTest('privacyall', { now: new Date('2026-01-05T08:00:00Z') });

  for (const role of ['freelancer', 'manager'] as const) {
    it(`the ${role}: neither their Slack id nor any free text of theirs is left in any document of any collection`, async () => {
      const h = harness();
      const world = await livedEveryFlow(h);
      const person = world[role];
      const needles = [person.id, ...person.texts];
      // Before: each needle is stored somewhere (the scan sees what it looks for).
      const before = await whereInDatabase(h, needles);
      for (const needle of needles)
        expect(
          before.some((w) => w.includes(`: ${needle} in`)),
          needle,
        ).toBe(true);

      await erase(h, person.id, role === 'freelancer' ? person.id : ADMIN_ID);
      expect(await whereInDatabase(h, needles)).toEqual([]);

      // Where others saw them, they are "a person who was erased", never a raw `<@erased:…>`.
      const seen = await viewsAfterErasure(h, world, role);
      for (const view of seen) expect(view).not.toContain('<@erased');
      expect(seen.join('\n')).toMatch(/a person who was erased|une personne effacée/i);
    });
  }
});
