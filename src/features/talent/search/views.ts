import type { KnownBlock } from '@slack/types';
import { formatCalendarDate, formatDate, formatDay, mention, type Translate } from '../../../i18n/index.js';
import type { OutgoingMessage } from '../../../slack/gateway.js';
import { escapeMrkdwn, truncate } from '../../../slack/mrkdwn.js';
import type { Reader } from '../../../slack/reader.js';
import { ASK_AVAILABILITY, PROPOSE_MISSION, SEARCH_PAGE, VIEW_PROFILE } from '../ids.js';
import type { TalentCard } from '../model.js';
import { isFresh, type SkillVocabulary, shownSkills } from '../rules.js';
import type { TalentHit, TalentPage } from './service.js';

const section = (text: string): KnownBlock => ({
  type: 'section',
  text: { type: 'mrkdwn', text: truncate(text, 3000) },
});
const context = (text: string): KnownBlock => ({
  type: 'context',
  elements: [{ type: 'mrkdwn', text: truncate(text, 3000) }],
});
const button = (text: string, action_id: string, value: string, style?: 'primary') => ({
  type: 'button' as const,
  text: { type: 'plain_text' as const, text, emoji: true },
  action_id,
  value,
  ...(style ? { style } : {}),
});

/** The skills of a profile, the ones matching the query in bold with a check. */
export function skillList(p: TalentCard, query: readonly string[], vocab: SkillVocabulary): string {
  const all = shownSkills(p);
  const wanted = new Set(query);
  return all
    .slice(0, 20)
    .map((s) => (wanted.has(vocab.canonical(s)) ? `*✓ ${escapeMrkdwn(s)}*` : escapeMrkdwn(s)))
    .join(', ');
}

/** Average rating with its count ("4.5 ★ (2 ratings)" or "not rated yet"). */
export function ratingText(tr: Translate, p: Pick<TalentCard, 'ratingSum' | 'ratingCount'>): string {
  if (p.ratingCount === 0) return tr('talent.rating.none');
  return tr('talent.rating.avg', { avg: (p.ratingSum / p.ratingCount).toFixed(1), count: p.ratingCount });
}

/** "available from …, said on …", or unknown when never said or said more than 90 days ago. */
export function availabilityText(tr: Translate, reader: Reader, p: TalentCard, now: Date): string {
  if (!p.availabilitySaidAt || !isFresh(new Date(p.availabilitySaidAt), now))
    return tr('talent.availability.unknown');
  const said = formatDate(new Date(p.availabilitySaidAt), reader.locale, reader.zone);
  if (!p.availableFrom) return tr('talent.availability.notNow', { said });
  return tr('talent.availability.from', { date: formatCalendarDate(p.availableFrom, reader.locale), said });
}

/** Whether Slack can still reach them, with the contact e-mail they left when not. */
export function reachText(tr: Translate, p: TalentCard): string {
  if (p.reachable) return tr('talent.reach.yes');
  return p.contactEmail
    ? tr('talent.reach.noWithEmail', { email: escapeMrkdwn(p.contactEmail) })
    : tr('talent.reach.no');
}

function whyLine(tr: Translate, hit: TalentHit, page: TalentPage): string {
  const r = hit.ranked;
  const parts = [
    tr('talent.why.matched', { matched: r.matched.length, total: page.query.length }),
    tr('talent.why.rating', {
      score: r.shrunk.toFixed(2),
      count: r.ratingCount,
      mean: page.poolMean.toFixed(2),
    }),
    // "Would rehire" only when someone said so: "×0" reads as a count of nothing.
    ...(r.wouldRehire > 0 ? [tr('talent.why.rehire', { count: r.wouldRehire })] : []),
    r.fresh ? tr('talent.why.fresh') : tr('talent.why.stale'),
  ];
  return parts.join(' · ');
}

/** One result: who, skills, rating, missions, availability, last collaboration, reach, note, why, buttons. */
function hitBlocks(
  tr: Translate,
  reader: Reader,
  hit: TalentHit,
  page: TalentPage,
  vocab: SkillVocabulary,
  withNotes: boolean,
  now: Date,
): KnownBlock[] {
  const p = hit.profile;
  const lines = [
    `*${mention(tr, p.userId)}* — ${ratingText(tr, p)} · ${tr('talent.missionsDone', { count: p.missionsDone })}`,
    tr('talent.skills', { skills: skillList(p, page.query, vocab) || '—' }),
    `${availabilityText(tr, reader, p, now)} · ${
      p.lastCollaborationAt
        ? tr('talent.lastCollaboration', {
            // A card comes from JSON: the instant is a string there.
            date: formatDay(new Date(p.lastCollaborationAt), reader.locale, reader.zone),
          })
        : tr('talent.lastCollaboration.none')
    }`,
    reachText(tr, p),
  ];
  const blocks: KnownBlock[] = [section(lines.join('\n'))];
  const note = withNotes && p.userId !== reader.userId ? p.notes[p.notes.length - 1] : undefined;
  const contextLines = [tr('talent.why', { why: whyLine(tr, hit, page) })];
  if (note) {
    contextLines.unshift(
      tr('talent.note.last', {
        author: note.authorId,
        date: formatDate(new Date(note.at), reader.locale, reader.zone),
        text: escapeMrkdwn(truncate(note.text, 500)),
      }),
    );
  }
  blocks.push(context(contextLines.join('\n')));
  const skills = page.query.join(',').slice(0, 300);
  blocks.push({
    type: 'actions',
    block_id: `talent.hit.${p.userId}`,
    elements: [
      button(tr('talent.button.profile'), VIEW_PROFILE, p.userId),
      button(tr('talent.button.ask'), ASK_AVAILABILITY, p.userId),
      button(
        tr('talent.button.propose'),
        PROPOSE_MISSION,
        JSON.stringify({ u: p.userId, s: skills }),
        'primary',
      ),
    ],
  });
  return blocks;
}

/** The ephemeral answer to `/talent`: a page of ranked results with a pager. */
export function resultsMessage(
  tr: Translate,
  reader: Reader,
  page: TalentPage,
  vocab: SkillVocabulary,
  withNotes: boolean,
  now: Date,
): OutgoingMessage {
  const query = page.query.map(escapeMrkdwn).join(', ');
  if (page.total === 0) {
    const text = tr('talent.search.none', { query });
    return { text, blocks: [section(text)] };
  }
  const header = tr('talent.search.header', {
    query,
    count: page.total,
    page: page.page + 1,
    pages: page.pages,
  });
  const blocks: KnownBlock[] = [section(header)];
  for (const hit of page.hits) {
    blocks.push({ type: 'divider' }, ...hitBlocks(tr, reader, hit, page, vocab, withNotes, now));
  }
  if (page.pages > 1) {
    const value = (p: number) => JSON.stringify({ q: page.query.join(',').slice(0, 1500), p });
    const elements = [];
    if (page.page > 0)
      elements.push(button(tr('talent.page.previous'), `${SEARCH_PAGE}.prev`, value(page.page - 1)));
    if (page.page < page.pages - 1)
      elements.push(button(tr('talent.page.next'), `${SEARCH_PAGE}.next`, value(page.page + 1)));
    blocks.push({ type: 'actions', block_id: 'talent.pager', elements });
  }
  return { text: header, blocks: blocks.slice(0, 50) };
}
