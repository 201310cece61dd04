import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import type { Mission } from '../../src/features/missions/model.js';
import { checklistMessage } from '../../src/features/onboarding/checklist/views.js';
import { itemBlockId, shownStateOf } from '../../src/features/onboarding/ids.js';
import type { OnboardingItem } from '../../src/features/onboarding/model.js';
import { digestEntry } from '../../src/features/onboarding/reminders/views.js';
import { daysSinceStart, dueAtOf, mayToggle, reminderAtOf } from '../../src/features/onboarding/rules.js';
import { digestMessage } from '../../src/features/reminders/views.js';
import { checkBlocks } from '../support/block-kit-limits.js';

const mission = {
  _id: new Types.ObjectId(),
  title: `A <very> long & title ${'x'.repeat(200)}`,
  freelancerId: 'UF',
  managerId: 'UM',
  startDate: '2026-03-27',
  checkin: { weekday: 1, time: '10:00', timezone: 'Europe/Paris', timezoneAssumed: false },
  onboardingCompletedAt: null,
} as unknown as Mission;

function item(index: number, done: boolean): OnboardingItem {
  return {
    _id: new Types.ObjectId(),
    missionId: mission._id,
    index,
    label: { en: `Step ${index} ${'y'.repeat(400)}`, fr: `Étape ${index}` },
    owner: index % 2 === 0 ? 'freelancer' : 'manager',
    ownerId: index % 2 === 0 ? 'UF' : 'UM',
    dueAt: new Date('2026-03-30T07:00:00Z'),
    doneAt: done ? new Date() : null,
    done,
    doneBy: null,
    reminderSentAt: null,
    remindAt: null,
    remindedIn: null,
    createdAt: new Date(),
    updatedAt: new Date(),
  };
}

describe('onboarding schedule', () => {
  it('puts due dates at 09:00 local across a DST change', () => {
    // Paris moves to summer time on 29 March 2026: 09:00 is 08:00Z before, 07:00Z after.
    expect(dueAtOf('2026-03-27', 0, 'Europe/Paris')).toEqual(new Date('2026-03-27T08:00:00Z'));
    expect(dueAtOf('2026-03-27', 3, 'Europe/Paris')).toEqual(new Date('2026-03-30T07:00:00Z'));
  });

  it("reminds after the due day, within the owner's sending hours", () => {
    const due = new Date('2026-03-30T07:00:00Z');
    // End of the due day in Paris = 22:00Z, 18:00 in New York: already sending hours there.
    expect(reminderAtOf(due, 'Europe/Paris', 'America/New_York')).toEqual(new Date('2026-03-30T22:00:00Z'));
    expect(reminderAtOf(due, 'Europe/Paris', 'Europe/Paris')).toEqual(new Date('2026-03-31T07:00:00Z'));
    // Midnight in Paris is 07:00 in Tokyo: the reminder waits until 09:00 there.
    expect(reminderAtOf(due, 'Europe/Paris', 'Asia/Tokyo')).toEqual(new Date('2026-03-31T00:00:00Z'));
    // 22:00Z is 11:00 in Auckland the next day: inside sending hours.
    expect(reminderAtOf(due, 'Europe/Paris', 'Pacific/Auckland')).toEqual(new Date('2026-03-30T22:00:00Z'));
  });

  it('counts onboarding days in calendar days of the mission zone', () => {
    expect(daysSinceStart('2026-03-27', new Date('2026-03-27T20:00:00Z'), 'Europe/Paris')).toBe(0);
    expect(daysSinceStart('2026-03-27', new Date('2026-03-30T22:30:00Z'), 'Europe/Paris')).toBe(4);
  });
});

describe('onboarding views and rules', () => {
  it('stays within Block Kit limits with a long template', () => {
    const items = Array.from({ length: 60 }, (_, i) => item(i, i < 10));
    for (const side of ['freelancer', 'manager'] as const) {
      const msg = checklistMessage(
        items,
        { ...mission, onboardingCompletedAt: new Date() },
        {
          side,
          locale: 'en',
          zone: 'Europe/Paris',
        },
      );
      expect(checkBlocks(msg.blocks, 'message')).toEqual([]);
      expect(msg.blocks).toHaveLength(50);
      expect(JSON.stringify(msg.blocks)).toContain('…and 15 more items.');
      expect(msg.text).toContain('&lt;very&gt; long &amp; title');
    }
  });

  it('keeps a digest of many long items within Block Kit limits, the rest as "more on your Home"', () => {
    const reader = { locale: 'en' as const, zone: 'Europe/Paris' };
    const live = {
      title: mission.title,
      status: 'onboarding' as const,
      checkin: { timezone: 'Europe/Paris' },
    };
    // 200 missions of three items each, labels of 400 characters.
    const entries = Array.from({ length: 600 }, (_, i) => {
      const it = {
        ...item(i % 3, false),
        missionId: new Types.ObjectId(`${String(Math.floor(i / 3)).padStart(24, '0')}`),
      };
      return digestEntry(it, live, reader);
    });
    const msg = digestMessage(entries, reader);
    expect(checkBlocks(msg.blocks, 'message')).toEqual([]);
    expect(msg.blocks?.length).toBeLessThanOrEqual(50);
    // Slack's undocumented overall cap (msg_blocks_too_long) is seen around 11–13k characters of text.
    const chars = (JSON.stringify(msg.blocks).match(/"text":"(?:[^"\\]|\\.)*"/g) ?? []).join('').length;
    expect(chars).toBeLessThan(11_000);
    const shown = (msg.blocks ?? []).filter((b) => b.type === 'section' && 'accessory' in b).length;
    expect(shown).toBeGreaterThan(0);
    expect(JSON.stringify(msg.blocks)).toContain(`…and ${600 - shown} more on your Passerelle *Home* tab.`);
    expect(msg.text).toBe('⏰ Your reminder of the day: 600 things are still to do.');
  });

  it('encodes the state shown in the row id, and only for the same item', () => {
    const id = new Types.ObjectId().toString();
    expect(shownStateOf(itemBlockId(id, false), id)).toBe('open');
    expect(shownStateOf(itemBlockId(id, true), id)).toBe('done');
    expect(shownStateOf(itemBlockId(id, true), new Types.ObjectId().toString())).toBeUndefined();
    expect(shownStateOf('home.item', id)).toBeUndefined();
  });

  it('lets the owner, the manager and admins toggle, nobody else', () => {
    const it0 = { ownerId: 'UF' };
    const m = { managerId: 'UM' };
    expect(mayToggle('UF', it0, m, [])).toBe(true);
    expect(mayToggle('UM', it0, m, [])).toBe(true);
    expect(mayToggle('UA', it0, m, ['UA'])).toBe(true);
    expect(mayToggle('UX', it0, m, ['UA'])).toBe(false);
  });
});
