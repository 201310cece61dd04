import type { KnownBlock } from '@slack/types';
import type { Deps } from '../../../deps.js';
import { translator } from '../../../i18n/index.js';
import { truncate } from '../../../slack/mrkdwn.js';
import type { Reader } from '../../../slack/reader.js';
import { answersOf, countsOf, eventsByIds, eventsCreatedBy } from '../repository.js';
import { mayCreateEvents } from '../rules.js';
import { slackDate, titleOf } from '../views.js';

/** Rows per list on the Home: the part is at most four blocks. */
const ROWS = 8;

/**
 * The Home's community part: the reader's upcoming events with their answer, and (animators,
 * admins, creators) the events they run with counts. Empty when there is nothing to show.
 */
export async function communityHome(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  reader: Reader,
): Promise<KnownBlock[]> {
  const tr = translator(reader.locale);
  const now = deps.clock.now();
  const answers = await answersOf(deps.db, reader.userId);
  const events = (
    await eventsByIds(
      deps.db,
      answers.map((a) => a.eventId),
    )
  )
    .filter((e) => e.status === 'open' && e.startsAt > now)
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
    .slice(0, ROWS);
  const mine = events.map((e) => {
    const a = answers.find((x) => x.eventId.equals(e._id));
    const waiting = a?.status === 'going' && e.capacity !== null && !e.seats.includes(reader.userId);
    const answer = tr(
      waiting
        ? 'community.home.answer.waitlisted'
        : a?.status === 'maybe'
          ? 'community.home.answer.maybe'
          : 'community.home.answer.going',
    );
    return tr('community.home.row', {
      title: titleOf(e),
      when: slackDate(e.startsAt, reader.locale, reader.zone),
      answer,
    });
  });
  const run = (await eventsCreatedBy(deps.db, reader.userId, now)).slice(0, ROWS);
  const runRows = await Promise.all(
    run.map(async (e) => {
      const c = await countsOf(deps.db, e);
      return tr('community.home.countsRow', {
        title: titleOf(e),
        when: slackDate(e.startsAt, reader.locale, reader.zone),
        ...c,
      });
    }),
  );
  if (mine.length === 0 && runRows.length === 0 && !mayCreateEvents(deps.config, reader.userId)) return [];
  const blocks: KnownBlock[] = [
    { type: 'divider' },
    { type: 'header', text: { type: 'plain_text', text: tr('community.home.header') } },
  ];
  const section = (text: string): KnownBlock => ({
    type: 'section',
    text: { type: 'mrkdwn', text: truncate(text, 3000) },
  });
  if (mine.length > 0) blocks.push(section(`${tr('community.home.mine')}\n${mine.join('\n')}`));
  if (runRows.length > 0) blocks.push(section(`${tr('community.home.animated')}\n${runRows.join('\n')}`));
  if (mine.length === 0 && runRows.length === 0) blocks.push(section(tr('community.home.none')));
  return blocks;
}
