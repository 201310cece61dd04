import { describe, expect, it } from 'vitest';
import { findProfile } from '../../src/features/talent/repository.js';
import { eventually } from '../support/eventually.js';
import { harnessPerFile } from '../support/harness-hooks.js';
import { blocksOf, homeText, openHome } from '../support/home.js';
import { createMission } from '../support/missions.js';
import { newPerson } from '../support/people.js';
import { closedMission, resultIds, seedProfile, talentAnswer } from '../support/talent.js';

/** The skills a text lists after "Skills: " (up to the end of that line), as a sorted list. */
function skillsIn(text: string): string[] {
  const line = text.split('\n').find((l) => l.includes('Skills: '));
  if (!line) throw new Error(`no skills line in:\n${text}`);
  return line
    .slice(line.indexOf('Skills: ') + 'Skills: '.length)
    .replace(/[*✓]/g, '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s && s !== '—')
    .sort();
}

describe('the talent profile on the Home', () => {
  const harness = harnessPerFile('hometalent', { now: new Date('2026-03-02T09:00:00Z') });

  it('lists the same skills as /talent: the ones the freelancer gave and the ones their missions showed', async () => {
    const h = harness();
    const manager = newPerson(h, 'SKMGR', { locale: 'en-US' });
    const freelancer = newPerson(h, 'SKFREE', { locale: 'en-US' });
    await createMission(h.db, { managerId: manager, freelancerId: freelancer, status: 'completed' });
    await seedProfile(h, 'SKFREE', { skills: [] }, freelancer);
    const shown = ['react', 'typescript', 'graphql', 'node', 'postgres', 'docker', 'figma'];
    await h.deps.events.emit(
      'mission.closed',
      closedMission(freelancer, { managerId: manager, skills: shown }),
    );

    const search = await eventually(async () => {
      const answer = await talentAnswer(h, 'react', manager);
      expect(resultIds(answer.blocks)).toEqual([freelancer]);
      return answer;
    });
    const listed = skillsIn(
      (search.blocks as { text?: { text: string } }[]).map((b) => b.text?.text ?? '').join('\n'),
    );
    expect(listed).toHaveLength(7);

    const home = homeText(await openHome(h, freelancer));
    expect(home).toContain('My talent profile');
    expect(skillsIn(home)).toEqual(listed);
  });

  it('lets a guest with no mission yet create their profile from the Home and join the pool', async () => {
    const h = harness();
    const manager = newPerson(h, 'GMGR', { locale: 'en-US' });
    await createMission(h.db, { managerId: manager, freelancerId: newPerson(h, 'OTHERF') });
    const guest = newPerson(h, 'GUEST', { locale: 'en-US', isGuest: true });

    const view = await openHome(h, guest);
    const button = blocksOf(view).find((b) => b.accessory?.action_id === 'talent.profile.edit')?.accessory;
    expect(button?.text.text, homeText(view)).toBe('Create my profile');

    const res = await h.slack.sendBlockAction({
      userId: guest,
      view: { id: 'VHOMEGUEST', type: 'home' },
      actions: [{ action_id: 'talent.profile.edit', block_id: 'b', value: button?.value ?? '' }],
    });
    await eventually(() =>
      expect(
        h.standin.callsTo('views.open').filter((c) => c.args.trigger_id === res.triggerId && c.ok),
      ).toHaveLength(1),
    );
    const submitted = await h.slack.sendViewSubmission({
      userId: guest,
      applyAck: false,
      view: {
        callback_id: 'talent.profile.modal',
        state: {
          values: {
            talent_skills: { talent_skills: { type: 'plain_text_input', value: 'Rust, WebAssembly' } },
            talent_available_from: { talent_available_from: { type: 'datepicker', selected_date: null } },
            talent_day_rate: { talent_day_rate: { type: 'plain_text_input', value: '' } },
            talent_email: { talent_email: { type: 'email_text_input', value: '' } },
            talent_opt_out: { talent_opt_out: { type: 'checkboxes', selected_options: [] } },
          },
        },
      },
    });
    expect(submitted.status).toBe(200);
    await eventually(async () =>
      expect((await findProfile(h.db, guest))?.skills).toEqual(['Rust', 'WebAssembly']),
    );
    await eventually(async () =>
      expect(resultIds((await talentAnswer(h, 'rust', manager)).blocks)).toEqual([guest]),
    );
    // A newcomer nobody rated: the "why" line counts nothing it has not got ("would rehire ×0").
    const why = (await talentAnswer(h, 'rust', manager)).all;
    expect(why).toContain('0 ratings');
    expect(why).not.toContain('would rehire');
    const after = homeText(await openHome(h, guest));
    expect(skillsIn(after)).toEqual(['Rust', 'WebAssembly']);
    expect(after).toContain('Edit my profile');
  });

  it('invites anyone without a profile (not only guests) to create one', async () => {
    const h = harness();
    const member = newPerson(h, 'MEMBER', { locale: 'fr-FR' });
    const text = homeText(await openHome(h, member));
    expect(text).toContain('Mon profil talent');
    expect(text).toContain('Créer mon profil');
  });
});
