import { describe, expect, it } from 'vitest';
import type { Mission } from '../../src/features/missions/model.js';
import { missionModel } from '../../src/features/missions/model.js';
import { capturedLogger } from '../support/captured-logger.js';
import { eventually } from '../support/eventually.js';
import { ADMIN_ID, type Harness, startHarness } from '../support/harness.js';
import { harnessPerFile } from '../support/harness-hooks.js';
import { homeText, openHome } from '../support/home.js';
import { textOf } from '../support/mission-form.js';
import { createMission } from '../support/missions.js';
import {
  clickInDm,
  dmWithButton,
  evaluationValues,
  feedbackValues,
  forgedClick,
  modalOpenedWith,
  openedWith,
  storedOffboarding,
  submit,
} from '../support/offboarding.js';
import { ephemeralAnswer } from '../support/passes.js';
import { newEnglishPerson, newFrenchPerson } from '../support/people.js';

const NOTE = 'Prefers async reviews; excellent with juniors.';
const IMPROVE = 'Un accès au staging dès le premier jour';

/** A manager, a freelancer and an active mission between them. */
function world(h: Harness) {
  h.standin.addUser({ id: ADMIN_ID, name: 'ada', locale: 'en-US', tz: 'Europe/Paris' });
  return {
    manager: newEnglishPerson(h, 'MGR', { tz: 'Europe/London' }),
    freelancer: newFrenchPerson(h, 'FREE'),
  };
}

async function active(h: Harness, w: { manager: string; freelancer: string }, title = 'Checkout') {
  return createMission(h.db, {
    ...w,
    managerId: w.manager,
    freelancerId: w.freelancer,
    title,
    status: 'active',
    skills: ['react'],
    startDate: '2026-01-12',
    endDate: '2026-03-31',
  });
}

async function status(h: Harness, m: Mission) {
  return (await missionModel(h.db).findById(m._id).lean())?.status;
}

describe('/mission-end', () => {
  const harness = harnessPerFile('offboardend', { now: new Date('2026-03-25T10:00:00Z') });

  it('refuses, politely, anyone but the mission’s manager or an admin', async () => {
    const h = harness();
    const w = world(h);
    const m = await active(h, w);
    const stranger = newEnglishPerson(h, 'STRANGE');
    expect(await ephemeralAnswer(h, '/mission-end', '', w.freelancer)).toContain(
      'seul le manager de la mission ou un admin',
    );
    expect(await ephemeralAnswer(h, '/mission-end', String(m._id), stranger)).toContain(
      'only the mission’s manager or an admin',
    );
    expect(await status(h, m)).toBe('active');
  });

  it('starts the one open mission at once, offers a picker when there are several, and lets an admin end any', async () => {
    const h = harness();
    const w = world(h);
    const a = await active(h, w, 'Checkout A');
    const b = await active(h, w, 'Search B');
    await ephemeralAnswer(h, '/mission-end', '', w.manager);
    const picker = h.standin.ephemeralsTo(w.manager).at(-1);
    const options = JSON.stringify(picker?.blocks);
    expect(options).toContain('Checkout A');
    expect(options).toContain('Search B');
    await h.slack.sendBlockAction({
      userId: w.manager,
      actions: [
        {
          action_id: 'offboarding.pick',
          block_id: 'offboarding.pick',
          type: 'static_select',
          selected_option: { value: String(b._id) },
        },
      ],
      message: { ts: picker?.messageTs ?? '', channel: picker?.channel ?? '' },
      channelId: picker?.channel ?? '',
    });
    await eventually(async () => expect(await status(h, b)).toBe('offboarding'));
    expect(await status(h, a)).toBe('active');
    // Narrowed by the text: one match starts it.
    expect(await ephemeralAnswer(h, '/mission-end', 'checkout', w.manager)).toContain('Offboarding started');
    expect(await status(h, a)).toBe('offboarding');
    const c = await active(h, w, 'Design C');
    expect(await ephemeralAnswer(h, '/mission-end', String(c._id), ADMIN_ID)).toContain(
      'Offboarding started',
    );
    expect(await status(h, c)).toBe('offboarding');
  });
});

describe('who can read a private note, an evaluation and a feedback', () => {
  const harness = harnessPerFile('offboardpriv', { now: new Date('2026-03-25T10:00:00Z') });

  it('the manager, another manager and an admin can; the freelancer, a stranger and another freelancer cannot', async () => {
    const h = harness();
    const w = world(h);
    const m = await active(h, w);
    const missionId = String(m._id);
    const otherManager = newEnglishPerson(h, 'OMGR');
    const otherFreelancer = newEnglishPerson(h, 'OFREE');
    await active(h, { manager: otherManager, freelancer: otherFreelancer }, 'Other');
    const stranger = newEnglishPerson(h, 'STRANGE');

    await ephemeralAnswer(h, '/mission-end', '', w.manager);
    const mList = await dmWithButton(h, w.manager, 'offboarding.evaluation.open');
    const ev = await clickInDm(h, mList, w.manager, 'offboarding.evaluation.open');
    await submit(h, await modalOpenedWith(h, ev.triggerId), w.manager, evaluationValues());
    const fList = await dmWithButton(h, w.freelancer, 'offboarding.feedback.open');
    const fb = await clickInDm(h, fList, w.freelancer, 'offboarding.feedback.open');
    await submit(h, await modalOpenedWith(h, fb.triggerId), w.freelancer, feedbackValues());
    await eventually(async () => {
      const { off } = await storedOffboarding(h, missionId);
      expect(off?.evaluationGiven && off.feedbackState === 'given').toBe(true);
    });

    for (const [who, refusal] of [
      [w.freelancer, 'visibles que des managers et des admins'],
      [stranger, 'visible to managers and admins only'],
      [otherFreelancer, 'visible to managers and admins only'],
    ] as const) {
      const click = await forgedClick(h, who, 'offboarding.private.view', missionId);
      await eventually(() => expect(h.standin.ephemeralsTo(who).at(-1)?.text).toContain(refusal));
      expect(openedWith(h, click.triggerId ?? '')).toBe(false);
      // Nor through the evaluation modal (which never shows the stored one) or the feedback modal.
      const evalClick = await forgedClick(h, who, 'offboarding.evaluation.open', missionId);
      await eventually(() =>
        expect(h.standin.ephemeralsTo(who).at(-1)?.text).toMatch(
          /manager de la mission ou un admin|manager or an admin/,
        ),
      );
      expect(openedWith(h, evalClick.triggerId ?? '')).toBe(false);
      expect(homeText(await openHome(h, who))).not.toContain(NOTE);
    }
    const strangerFeedback = await forgedClick(h, stranger, 'offboarding.feedback.open', missionId);
    await eventually(() =>
      expect(h.standin.ephemeralsTo(stranger).at(-1)?.text).toContain('Only the mission’s freelancer'),
    );
    expect(openedWith(h, strangerFeedback.triggerId ?? '')).toBe(false);

    for (const reader of [w.manager, otherManager, ADMIN_ID]) {
      const click = await forgedClick(h, reader, 'offboarding.private.view', missionId);
      const modal = await modalOpenedWith(h, click.triggerId ?? '');
      expect(JSON.stringify(modal.view)).toContain(NOTE);
      expect(JSON.stringify(modal.view)).toContain(IMPROVE);
    }

    // Never in a message, an ephemeral or a Home: only in the modal a manager or an admin opened.
    for (const method of ['chat.postMessage', 'chat.postEphemeral', 'chat.update', 'views.publish']) {
      for (const call of h.standin.callsTo(method)) {
        expect(JSON.stringify(call.args)).not.toContain(NOTE);
        expect(JSON.stringify(call.args)).not.toContain(IMPROVE);
      }
    }
    for (const e of h.standin.ephemeralsTo()) expect(textOf(e)).not.toContain(NOTE);
  });
});

describe('the private texts in the logs', () => {
  it('never writes the private note, the recommendation or the feedback into a log line, even at debug', async () => {
    const { logger, lines } = capturedLogger();
    const h = await startHarness('offboardlogs', { now: new Date('2026-03-25T10:00:00Z'), logger });
    try {
      const w = world(h);
      const m = await active(h, w);
      await ephemeralAnswer(h, '/mission-end', '', w.manager);
      const mList = await dmWithButton(h, w.manager, 'offboarding.evaluation.open');
      const ev = await clickInDm(h, mList, w.manager, 'offboarding.evaluation.open');
      await submit(h, await modalOpenedWith(h, ev.triggerId), w.manager, evaluationValues());
      const fList = await dmWithButton(h, w.freelancer, 'offboarding.feedback.open');
      const fb = await clickInDm(h, fList, w.freelancer, 'offboarding.feedback.open');
      await submit(h, await modalOpenedWith(h, fb.triggerId), w.freelancer, feedbackValues());
      await eventually(async () => {
        const { off } = await storedOffboarding(h, String(m._id));
        expect(off?.feedbackState).toBe('given');
      });
      const click = await forgedClick(h, w.manager, 'offboarding.private.view', String(m._id));
      await modalOpenedWith(h, click.triggerId ?? '');
      expect(lines.length).toBeGreaterThan(0);
      const all = JSON.stringify(lines);
      expect(all).not.toContain(NOTE);
      expect(all).not.toContain(IMPROVE);
      expect(all).not.toContain('raised the bar on tests');
    } finally {
      await h.stop();
    }
  });
});
