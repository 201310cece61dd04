import type { KnownBlock, ModalView } from '@slack/types';
import { formatCalendarDate, formatDate, mention, type Translate } from '../../../i18n/index.js';
import type { OutgoingMessage } from '../../../slack/gateway.js';
import { escapeMrkdwn, truncate } from '../../../slack/mrkdwn.js';
import type { Reader } from '../../../slack/reader.js';
import { AVAILABLE_FROM, EDIT_PROFILE, NOT_NOW, PROFILE_MODAL, profileField } from '../ids.js';
import type { StoredProfile } from '../repository.js';
import { shownSkills } from '../rules.js';
import { availabilityText, ratingText, reachText } from '../search/views.js';

const plain = (text: string) => ({ type: 'plain_text' as const, text: truncate(text, 150), emoji: true });
const section = (text: string): KnownBlock => ({
  type: 'section',
  text: { type: 'mrkdwn', text: truncate(text, 3000) },
});

/** The profile modal managers open from a result: missions, handover cards and (for them) notes. */
export function profileModal(
  tr: Translate,
  reader: Reader,
  p: StoredProfile,
  withNotes: boolean,
  now: Date,
): ModalView {
  const blocks: KnownBlock[] = [
    section(
      [
        `*${mention(tr, p.userId)}* — ${ratingText(tr, p)} · ${tr('talent.missionsDone', { count: p.missionsDone })}`,
        tr('talent.skills', { skills: shownSkills(p).map(escapeMrkdwn).join(', ') || '—' }),
        availabilityText(tr, reader, p, now),
        reachText(tr, p),
        ...(p.dayRate !== null ? [tr('talent.dayRate', { rate: p.dayRate })] : []),
      ].join('\n'),
    ),
    { type: 'header', text: plain(tr('talent.profile.missions')) },
  ];
  if (p.missions.length === 0) blocks.push(section(tr('talent.profile.noMissions')));
  for (const m of [...p.missions].reverse().slice(0, 10)) {
    blocks.push(
      section(
        tr('talent.profile.mission', {
          title: escapeMrkdwn(truncate(m.title, 150)),
          date: formatDate(new Date(m.closedAt), reader.locale, reader.zone),
          manager: m.managerId,
          rating: m.rating === null ? '—' : String(m.rating),
        }),
      ),
    );
  }
  for (const card of [...p.handovers].reverse().slice(0, 5)) {
    const items = card.items
      .slice(0, 12)
      .map((i) => {
        const how =
          i.state === 'confirmed'
            ? tr('talent.handover.confirmed', { by: i.by })
            : tr('talent.handover.waived', { by: i.by, reason: escapeMrkdwn(truncate(i.reason ?? '', 200)) });
        const links = i.links
          .slice(0, 3)
          .map((l) => `<${l}>`)
          .join(' ');
        return `• ${escapeMrkdwn(truncate(i.label, 150))} — ${how}${links ? ` ${links}` : ''}`;
      })
      .join('\n');
    blocks.push(
      section(
        `${tr('talent.handover.header', { title: escapeMrkdwn(truncate(card.title, 150)) })}\n${items}`,
      ),
    );
  }
  if (withNotes) {
    blocks.push({ type: 'header', text: plain(tr('talent.profile.notes')) });
    if (p.notes.length === 0) blocks.push(section(tr('talent.profile.noNotes')));
    for (const n of [...p.notes].reverse().slice(0, 10)) {
      blocks.push(
        section(
          tr('talent.note.last', {
            author: n.authorId,
            date: formatDate(new Date(n.at), reader.locale, reader.zone),
            text: escapeMrkdwn(truncate(n.text, 1500)),
          }),
        ),
      );
    }
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: tr('talent.profile.notesPrivacy') }] });
  }
  return {
    type: 'modal',
    title: plain(tr('talent.profile.title')),
    close: plain(tr('talent.close')),
    blocks: blocks.slice(0, 100),
  };
}

/** The freelancer's own profile modal (from the App Home). */
export function editProfileModal(tr: Translate, p: StoredProfile | null): ModalView {
  const optOut = { text: plain(tr('talent.edit.optOut')), value: 'opt_out' };
  const input = (
    block_id: string,
    label: string,
    element: Record<string, unknown>,
    hint?: string,
  ): KnownBlock =>
    ({
      type: 'input',
      block_id,
      optional: true,
      label: plain(label),
      element: { action_id: block_id, ...element },
      ...(hint ? { hint: plain(hint) } : {}),
    }) as KnownBlock;
  return {
    type: 'modal',
    callback_id: PROFILE_MODAL,
    title: plain(tr('talent.edit.title')),
    submit: plain(tr('talent.edit.submit')),
    close: plain(tr('talent.close')),
    blocks: [
      input(
        profileField.skills,
        tr('talent.edit.skills'),
        {
          type: 'plain_text_input',
          max_length: 500,
          ...(p && p.skills.length > 0 ? { initial_value: p.skills.join(', ').slice(0, 500) } : {}),
        },
        tr('talent.edit.skillsHint'),
      ),
      input(profileField.availableFrom, tr('talent.edit.availableFrom'), {
        type: 'datepicker',
        ...(p?.availableFrom ? { initial_date: p.availableFrom } : {}),
      }),
      input(profileField.dayRate, tr('talent.edit.dayRate'), {
        type: 'plain_text_input',
        max_length: 12,
        ...(p?.dayRate !== null && p?.dayRate !== undefined ? { initial_value: String(p.dayRate) } : {}),
      }),
      input(
        profileField.email,
        tr('talent.edit.email'),
        {
          type: 'email_text_input',
          ...(p?.contactEmail ? { initial_value: p.contactEmail } : {}),
        },
        tr('talent.edit.emailHint'),
      ),
      input(profileField.optOut, tr('talent.edit.optOutLabel'), {
        type: 'checkboxes',
        options: [optOut],
        ...(p?.optedOut ? { initial_options: [optOut] } : {}),
      }),
    ],
  };
}

/** The DM asking a freelancer for their availability: a date, or "not now". */
export function availabilityQuestion(tr: Translate, managerId: string): OutgoingMessage {
  const text = tr('talent.ask.text', { manager: managerId });
  return {
    text,
    blocks: [
      section(text),
      {
        type: 'actions',
        block_id: 'talent.availability',
        elements: [
          { type: 'datepicker', action_id: AVAILABLE_FROM, placeholder: plain(tr('talent.ask.pick')) },
          { type: 'button', action_id: NOT_NOW, text: plain(tr('talent.ask.notNow')), value: 'not_now' },
        ],
      },
    ],
  };
}

/** What the freelancer's Home shows of their profile, with the edit button. */
export function homeProfileBlocks(
  tr: Translate,
  reader: Reader,
  p: StoredProfile | null,
  now: Date,
): KnownBlock[] {
  const lines: string[] = [];
  if (!p) lines.push(tr('talent.home.empty'));
  else if (p.optedOut) lines.push(tr('talent.home.optedOut'));
  else {
    lines.push(tr('talent.skills', { skills: shownSkills(p).map(escapeMrkdwn).join(', ') || '—' }));
    lines.push(availabilityText(tr, reader, p, now));
    if (p.availableFrom && !p.availabilitySaidAt)
      lines.push(
        tr('talent.availability.fromOnly', { date: formatCalendarDate(p.availableFrom, reader.locale) }),
      );
  }
  return [
    { type: 'divider' },
    { type: 'header', text: plain(tr('talent.home.header')) },
    {
      type: 'section',
      text: { type: 'mrkdwn', text: truncate(lines.join('\n'), 3000) },
      accessory: {
        type: 'button',
        action_id: EDIT_PROFILE,
        text: plain(tr(p ? 'talent.home.edit' : 'talent.home.create')),
        value: 'edit',
      },
    },
  ];
}
