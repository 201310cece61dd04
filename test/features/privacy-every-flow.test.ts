import { describe, expect, it } from 'vitest';
import { openedModal } from '../support/community.js';
import { eventually } from '../support/eventually.js';
import { livedEveryFlow } from '../support/every-flow.js';
import { ADMIN_ID, type Harness } from '../support/harness.js';
import { harnessPerTest } from '../support/harness-hooks.js';

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
    });
  }
});
