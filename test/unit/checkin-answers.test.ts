import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { parseAnswerForm, parseCheckinId } from '../../src/features/checkins/answers/input.js';
import {
  alertReasons,
  availability,
  refusalFor,
  sameAnswer,
} from '../../src/features/checkins/answers/rules.js';
import { checkinModal } from '../../src/features/checkins/answers/views.js';
import { parseCheckinCommand } from '../../src/features/checkins/command/input.js';
import { planFollowUps } from '../../src/features/checkins/followups/rules.js';
import { alertMessage, hrOnlyNotice } from '../../src/features/checkins/followups/views.js';
import type { Checkin } from '../../src/features/checkins/model.js';
import { pauseEnd, UNTIL_FURTHER_NOTICE } from '../../src/features/checkins/pause/rules.js';
import { defaultQuestions } from '../../src/features/checkins/questions/defaults.js';
import type { CheckinQuestion } from '../../src/features/checkins/questions/model.js';
import { translator } from '../../src/i18n/index.js';
import { checkBlocks, checkView } from '../support/block-kit-limits.js';
import { answer, answerState, storedAnswer } from '../support/checkin-answers.js';

const now = new Date('2026-03-09T10:00:00Z');
const before = new Date('2026-03-09T09:00:00Z');
const after = new Date('2026-03-10T09:00:00Z');
const base = storedAnswer();

describe('/checkin arguments', () => {
  it('reads the subcommands and the pause date', () => {
    expect(parseCheckinCommand('  ')).toEqual({ kind: 'open' });
    expect(parseCheckinCommand('HELP')).toEqual({ kind: 'help' });
    expect(parseCheckinCommand('resume')).toEqual({ kind: 'resume' });
    expect(parseCheckinCommand('pause')).toEqual({ kind: 'pause', until: null });
    expect(parseCheckinCommand('pause until 2026-08-31')).toEqual({ kind: 'pause', until: '2026-08-31' });
    expect(parseCheckinCommand('pause 2026-08-31')).toEqual({ kind: 'pause', until: '2026-08-31' });
    expect(parseCheckinCommand('pause until 2026-02-30')).toEqual({ kind: 'badDate', raw: '2026-02-30' });
    expect(parseCheckinCommand('pause until next week')).toEqual({ kind: 'badDate', raw: 'next week' });
    expect(parseCheckinCommand('snooze')).toEqual({ kind: 'unknown', word: 'snooze' });
  });

  it('ends a pause at the start of the next day in the mission zone', () => {
    expect(pauseEnd('2026-03-20', 'Europe/Paris')).toEqual(new Date('2026-03-20T23:00:00Z'));
    // The day after the clocks go forward in Paris (29 March 2026): +02:00.
    expect(pauseEnd('2026-03-29', 'Europe/Paris')).toEqual(new Date('2026-03-29T22:00:00Z'));
    expect(pauseEnd(UNTIL_FURTHER_NOTICE, 'Europe/Paris')).toBeNull();
  });
});

describe('check-in answer rules', () => {
  const window = (over: Partial<Pick<Checkin, 'status' | 'closesAt' | 'editableUntil'>>) => ({
    status: 'sent' as const,
    closesAt: null,
    editableUntil: null,
    ...over,
  });

  it('opens a sent check-in until it closes, an answered one until the next', () => {
    expect(availability(window({ closesAt: after }), now)).toEqual({
      open: true,
      editing: false,
      until: after,
    });
    expect(availability(window({ closesAt: before }), now)).toMatchObject({
      open: false,
      reason: 'checkins.refuse.closed',
    });
    expect(availability(window({ status: 'answered', editableUntil: after }), now)).toMatchObject({
      open: true,
      editing: true,
    });
    expect(
      availability(window({ status: 'answered', editableUntil: before, closesAt: after }), now),
    ).toMatchObject({
      open: false,
      reason: 'checkins.refuse.editClosed',
    });
    expect(availability(window({ status: 'answered', closesAt: after }), now)).toMatchObject({
      open: true,
      until: after,
    });
    expect(availability(window({ status: 'missed' }), now)).toMatchObject({
      reason: 'checkins.refuse.missed',
    });
    expect(availability(window({ status: 'skipped' }), now)).toMatchObject({
      reason: 'checkins.refuse.skipped',
    });
    expect(availability(window({ status: 'scheduled' }), now)).toMatchObject({
      reason: 'checkins.refuse.notSent',
    });
  });

  it('lets only the freelancer answer', () => {
    const c = { ...window({}), freelancerId: 'UFREEL001' } as Checkin;
    expect(refusalFor(c, 'UFREEL001', now)).toBeNull();
    expect(refusalFor(c, 'UMGR00001', now)).toBe('checkins.refuse.forbidden');
    expect(refusalFor(null, 'UFREEL001', now)).toBe('checkins.refuse.notFound');
  });

  it('alerts on a score ≤ 2, a blocker or a request for help', () => {
    expect(alertReasons(base)).toEqual([]);
    expect(alertReasons({ ...base, score: 2 })).toEqual(['lowScore']);
    expect(alertReasons({ ...base, blockers: '  ' })).toEqual([]);
    expect(alertReasons({ ...base, score: 1, blockers: 'x', needsHelp: true })).toEqual([
      'lowScore',
      'blockers',
      'needsHelp',
    ]);
  });

  it('knows a replayed answer', () => {
    expect(sameAnswer({ ...base, extra: { b: '2', a: '1' } }, { ...base, extra: { a: '1', b: '2' } })).toBe(
      true,
    );
    expect(sameAnswer(base, { ...base, visibility: 'hr' })).toBe(false);
    expect(sameAnswer(null, base)).toBe(false);
  });
});

describe('follow-up routing', () => {
  const facts = {
    managerId: 'UMGR',
    freelancerId: 'UFREE',
    visibility: 'manager' as const,
    previousVisibility: null,
    alertReasons: [] as const,
    repeat: false,
    adminIds: ['UADMIN1', 'UADMIN1', 'UMGR'],
  };

  it('shares with the manager, and with admins on the second alert in a row', () => {
    expect(planFollowUps(facts)).toEqual([{ to: 'UMGR', kind: 'summary', alert: false }]);
    expect(planFollowUps({ ...facts, alertReasons: ['lowScore'], repeat: true })).toEqual([
      { to: 'UMGR', kind: 'summary', alert: true },
      { to: 'UADMIN1', kind: 'alert', audience: 'admins' },
    ]);
  });

  it('never sends HR-only contents to the manager, even one who is an admin', () => {
    const plan = planFollowUps({ ...facts, visibility: 'hr', alertReasons: ['blockers'] });
    expect(plan).toEqual([
      { to: 'UMGR', kind: 'hrNotice' },
      { to: 'UADMIN1', kind: 'alert', audience: 'admins' },
    ]);
    expect(planFollowUps({ ...facts, visibility: 'hr', previousVisibility: 'hr' })).toEqual([]);
  });

  it('tells the manager nothing of an HR-only answer but that it exists', () => {
    const c = { title: 'Paiement', dueAt: now, freelancerId: 'UFREE', managerId: 'UMGR' };
    const reader = { userId: 'UMGR', locale: 'en' as const, zone: 'Europe/Paris' };
    const notice = JSON.stringify(hrOnlyNotice(c, reader, false));
    expect(notice).toContain('shared with HR only');
    expect(notice).not.toMatch(/\/5|alert/i);
    const alert = alertMessage(
      { ...c, answer: { ...base, score: 1, visibility: 'hr' } },
      reader,
      defaultQuestions(),
      {
        reasons: ['lowScore'],
        repeat: false,
        audience: 'admins',
      },
    );
    expect(checkBlocks(alert.blocks, 'message')).toEqual([]);
  });
});

describe('check-in modal', () => {
  const many: CheckinQuestion[] = [
    ...defaultQuestions(),
    ...Array.from({ length: 10 }, (_, i) => ({
      key: `q${i}`,
      kind: 'text' as const,
      label: { fr: 'é'.repeat(200), en: 'x'.repeat(200) },
      optional: i % 2 === 0,
      builtin: false,
    })),
  ];

  it('stays within Slack limits, prefilled, in both languages', () => {
    for (const locale of ['en', 'fr'] as const) {
      const view = checkinModal({
        tr: translator(locale),
        locale,
        checkin: {
          _id: new Types.ObjectId(),
          title: 'T'.repeat(300),
          dueAt: now,
          zone: 'Europe/Paris',
          managerId: 'UMGR00001',
          answer: { ...base, progress: 'p'.repeat(1500), extra: { q1: 'y'.repeat(500) } },
        },
        questions: many,
        until: after,
        adminIds: ['UADMIN01', 'UADMIN02'],
      });
      expect(checkView(view)).toEqual([]);
      expect(view.private_metadata).toMatch(/^[a-f0-9]{24}$/);
    }
  });

  it('parses an answer, and reports each bad field on its block', () => {
    const state = answerState({ ...answer({ blockers: ' x ', needsHelp: 'yes' }), extra: { q1: 'réponse' } });
    const parsed = parseAnswerForm(state as never, many);
    expect(parsed).toEqual({
      ok: true,
      answer: {
        ...base,
        progress: 'Le tunnel de paiement avance bien.',
        blockers: 'x',
        needsHelp: true,
        extra: { q1: 'réponse' },
      },
    });
    const bad = parseAnswerForm(
      answerState({ score: '9', needsHelp: 'maybe', extra: { q1: '' } }) as never,
      many,
    );
    expect(bad).toEqual({
      ok: false,
      errors: {
        score: 'checkins.error.scoreRequired',
        progress: 'checkins.error.required',
        needs_help: 'checkins.error.choice',
        visibility: 'checkins.error.choice',
        extra_q1: 'checkins.error.required',
      },
    });
    expect(parseCheckinId('{"$ne":null}')).toBeNull();
    expect(parseCheckinId('0123456789abcdef01234567')).toBe('0123456789abcdef01234567');
  });
});
