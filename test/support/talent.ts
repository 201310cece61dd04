import type { MissionClosed } from '../../src/events.js';
import { syncSkillIndex } from '../../src/features/talent/read-model.js';
import { saveOwnProfile } from '../../src/features/talent/repository.js';
import { eventually } from './eventually.js';
import type { Harness } from './harness.js';
import { newUserId } from './people.js';

let missionSeq = 0;

/** A `mission.closed` event as offboarding emits it (rating 4, would rehire, no note unless given). */
export function closedMission(freelancerId: string, over: Partial<MissionClosed> = {}): MissionClosed {
  missionSeq += 1;
  return {
    missionId: `m${Date.now().toString(16)}${missionSeq.toString(16).padStart(6, '0')}`.slice(0, 24),
    freelancerId,
    managerId: 'UMGRSEED',
    title: `Mission ${missionSeq}`,
    skills: [],
    closedAt: new Date('2026-01-15T17:00:00Z'),
    rating: 4,
    wouldRehire: true,
    privateNote: null,
    renewed: false,
    handover: [],
    ...over,
  };
}

/** What a seeded profile says and brought: its own skills and its closed missions' ratings. */
export interface SeededProfile {
  skills: string[];
  ratings?: (number | null)[];
  rehire?: boolean;
  optedOut?: boolean;
  availableFrom?: string | null;
  note?: string;
  managerId?: string;
}

/**
 * Seeds one profile through talent's own repository (the freelancer's edit) and its missions through
 * the real `mission.closed` subscription; returns the user id.
 */
export async function seedProfile(
  h: Harness,
  tag: string,
  p: SeededProfile,
  userId = newUserId(tag),
): Promise<string> {
  await saveOwnProfile(
    h.db,
    userId,
    {
      skills: p.skills,
      availableFrom: p.availableFrom ?? null,
      dayRate: null,
      contactEmail: null,
      optedOut: p.optedOut ?? false,
    },
    h.clock.now(),
  );
  await syncSkillIndex(h.db, userId);
  for (const rating of p.ratings ?? []) {
    await h.deps.events.emit(
      'mission.closed',
      closedMission(userId, {
        rating,
        wouldRehire: p.rehire ?? true,
        privateNote: p.note ?? null,
        ...(p.managerId ? { managerId: p.managerId } : {}),
      }),
    );
  }
  return userId;
}

/** The ephemeral answer `userId` got to `/talent <text>` (through its response_url). */
export async function talentAnswer(h: Harness, text: string, userId: string) {
  const before = h.standin.ephemeralsTo(userId).length;
  const res = await h.slack.sendCommand({ command: '/talent', text, userId });
  if (res.status !== 200) throw new Error(`/talent answered HTTP ${res.status}`);
  return eventually(() => {
    const e = h.standin.ephemeralsTo(userId)[before];
    if (!e) throw new Error(`no answer to /talent ${text} for ${userId} yet`);
    return { ...e, all: JSON.stringify(e.blocks ?? []) + (e.text ?? '') };
  });
}

/** The user ids of the results, in order, from an answer's blocks. */
export function resultIds(blocks: unknown[] | undefined): string[] {
  return (blocks ?? [])
    .map((b) => (b as { block_id?: string }).block_id ?? '')
    .filter((id) => id.startsWith('talent.hit.'))
    .map((id) => id.slice('talent.hit.'.length));
}
