import { describe, expect, it } from 'vitest';
import { nextStatus } from '../../src/features/missions/rules.js';
import { offboardingTodoBlocks } from '../../src/features/offboarding/index.js';
import { parseEvaluation, parseLinks } from '../../src/features/offboarding/input.js';
import { followUpDates, mayReadPrivate, proposalDueAt } from '../../src/features/offboarding/rules.js';
import { translator } from '../../src/i18n/index.js';

describe('the close guard of the lifecycle', () => {
  it('refuses to complete a mission whose handover is not settled, whoever asks', () => {
    expect(() =>
      nextStatus('offboarding', 'close', { openHandoverItems: 2, offboardingSettled: true }),
    ).toThrow(/2 handover item\(s\) neither confirmed nor waived/);
    // Facts left out count as not settled: a caller that does not look cannot close.
    expect(() => nextStatus('offboarding', 'close', { offboardingSettled: true })).toThrow(
      /handover checklist/,
    );
    expect(() => nextStatus('offboarding', 'close')).toThrow();
    expect(() => nextStatus('offboarding', 'close', { openHandoverItems: 0 })).toThrow(/both feedbacks/);
  });

  it('completes an offboarding mission once every item is settled and both forms are in', () => {
    expect(nextStatus('offboarding', 'close', { openHandoverItems: 0, offboardingSettled: true })).toBe(
      'completed',
    );
    expect(() => nextStatus('active', 'close', { openHandoverItems: 0, offboardingSettled: true })).toThrow(
      /cannot close a mission that is active/,
    );
  });
});

describe('offboarding rules', () => {
  it('lets managers and admins read private parts, never the freelancer about themselves', () => {
    const mission = { freelancerId: 'UFREE' };
    expect(mayReadPrivate('UMGR', mission, { admin: false, managesAny: true })).toBe(true);
    expect(mayReadPrivate('UADM', mission, { admin: true, managesAny: false })).toBe(true);
    expect(mayReadPrivate('USTRANGER', mission, { admin: false, managesAny: false })).toBe(false);
    expect(mayReadPrivate('UFREE', mission, { admin: false, managesAny: true })).toBe(false);
    expect(mayReadPrivate('UFREE', mission, { admin: true, managesAny: true })).toBe(false);
  });

  it('plans the proposal at the start of the day N days before the end, in the manager’s zone', () => {
    expect(proposalDueAt('2026-04-29', 5, 'Europe/London').toISOString()).toBe('2026-04-23T23:00:00.000Z');
    expect(proposalDueAt('2026-03-31', 5, 'America/New_York').toISOString()).toBe('2026-03-26T04:00:00.000Z');
  });

  it('dates a follow-up from the day after the old end, as long as the old one', () => {
    expect(followUpDates({ startDate: '2026-01-12', endDate: '2026-04-29' })).toEqual({
      start: '2026-04-30',
      end: '2026-08-15',
    });
  });

  it('takes https links only for the deliverables', () => {
    const links = (value: string) => parseLinks({ links: { links: { value } } });
    expect(links('https://a.example.com/x  https://b.example.org')).toEqual({
      ok: true,
      value: ['https://a.example.com/x', 'https://b.example.org'],
    });
    for (const bad of [
      '',
      'http://a.example.com',
      'javascript:alert(1)',
      'https://',
      'ftp://x.example.com',
      'see drive',
    ])
      expect(links(bad).ok).toBe(false);
  });

  it('merges the ticked and typed skills, and refuses sharing an empty recommendation', () => {
    const state = (over: Record<string, unknown> = {}) => ({
      rating: { rating: { selected_option: { value: '4' } } },
      skills: { skills: { selected_options: [{ value: 'react' }] } },
      more_skills: { more_skills: { value: 'React, GraphQL' } },
      recommendation: { recommendation: { value: '' } },
      share: { share: { selected_options: [] } },
      private_note: { private_note: { value: 'note' } },
      rehire: { rehire: { selected_option: { value: 'yes' } } },
      renewed: { renewed: { selected_option: { value: 'no' } } },
      ...over,
    });
    expect(parseEvaluation(state())).toMatchObject({
      ok: true,
      value: { skills: ['react', 'graphql'], renewed: false },
    });
    expect(parseEvaluation(state({ share: { share: { selected_options: [{ value: 'share' }] } } }))).toEqual({
      ok: false,
      errors: { recommendation: 'offboarding.error.shareEmpty' },
    });
    expect(parseEvaluation(state({ rating: { rating: { selected_option: { value: '9' } } } })).ok).toBe(
      false,
    );
  });
});

describe('the Home’s offboarding section', () => {
  it('stays small whatever the to-dos (the Home keeps under 100 blocks)', () => {
    const todos = Array.from({ length: 40 }, (_, i) => ({
      kind: 'item' as const,
      missionId: 'a'.repeat(24),
      title: `Mission ${i}`,
      itemId: 'b'.repeat(24),
      label: { fr: 'Matériel rendu', en: 'Equipment returned' },
    }));
    const blocks = offboardingTodoBlocks(translator('en'), todos, 'en');
    expect(blocks.length).toBeLessThanOrEqual(8);
    expect(JSON.stringify(blocks.at(-1))).toContain('35 more to-dos');
    expect(offboardingTodoBlocks(translator('en'), [], 'en')).toEqual([]);
  });
});
