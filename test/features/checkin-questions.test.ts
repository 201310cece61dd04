import { describe, expect, it } from 'vitest';
import { questionSetModel } from '../../src/features/checkins/questions/model.js';
import {
  addCustomQuestion,
  loadQuestions,
  relabelQuestion,
  seedDefaultQuestions,
} from '../../src/features/checkins/questions/service.js';
import {
  answer,
  answerMission,
  answerPeople,
  awaitDms,
  clickOpen,
  modalOpenedWith,
  reloadCheckin,
  said,
  sentCheckin,
  submitCheckin,
} from '../support/checkin-answers.js';
import { eventually } from '../support/eventually.js';
import { harnessPerFile } from '../support/harness-hooks.js';

// The questions are the workspace's, read by every check-in of the database: this file has its own.
describe("a workspace's own check-in questions", () => {
  const harness = harnessPerFile('checkin_questions', { now: new Date('2026-03-09T10:00:00Z') });

  it("shows a workspace's own labels and custom questions, and stores custom answers in extra", async () => {
    const h = harness();
    try {
      await relabelQuestion(h.db, 'progress', { fr: 'Qu’avez-vous livré ?', en: 'What did you ship?' });
      await addCustomQuestion(h.db, {
        key: 'mood',
        label: { fr: 'Votre humeur', en: 'Your mood' },
        optional: false,
      });
      await seedDefaultQuestions(h.db); // a restart: the edits stay
      expect((await loadQuestions(h.db)).map((q) => q.key)).toEqual([
        'score',
        'progress',
        'blockers',
        'needsHelp',
        'note',
        'mood',
      ]);

      const people = answerPeople(h);
      const m = await answerMission(h, people);
      const c = await sentCheckin(h, m);
      const view = await modalOpenedWith(h, (await clickOpen(h, c, people.freelancer)).triggerId);
      expect(view.blocks.find((b) => b.block_id === 'progress')?.label?.text).toBe('Qu’avez-vous livré ?');
      expect(view.blocks.find((b) => b.block_id === 'extra_mood')?.label?.text).toBe('Votre humeur');

      const missing = await submitCheckin(h, c, people.freelancer, { ...answer(), extra: { mood: '' } });
      expect(missing.json()).toEqual({
        response_action: 'errors',
        errors: { extra_mood: 'Merci de répondre à cette question.' },
      });
      await submitCheckin(h, c, people.freelancer, { ...answer(), extra: { mood: 'Motivée' } });
      const stored = await eventually(async () => {
        const x = await reloadCheckin(h, c._id);
        expect(x.status, 'the check-in status').toBe('answered');
        return x;
      });
      expect(stored.answer?.extra).toEqual({ mood: 'Motivée' });
      const [first] = await awaitDms(h, people.manager, m.title, 1);
      const summary = said(first);
      expect(summary).toContain('What did you ship?');
      expect(summary).toContain('Your mood');
      expect(summary).toContain('Motivée');
    } finally {
      await questionSetModel(h.db).deleteMany({});
    }
  });
});
