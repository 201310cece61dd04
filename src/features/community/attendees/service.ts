import type { CommunityDeps as Deps } from '../deps.js';
import type { CommunityEvent } from '../model.js';
import { answersWithStatus } from '../repository.js';
import type { AttendeeLists } from './views.js';

/** Who is going (seated), waiting (in line order) and maybe, from the stored answers. */
export async function attendeeLists(deps: Deps, event: CommunityEvent): Promise<AttendeeLists> {
  const [going, maybe] = await Promise.all([
    answersWithStatus(deps.db, event._id, 'going'),
    answersWithStatus(deps.db, event._id, 'maybe'),
  ]);
  const seated = new Set(event.seats);
  const inLine = event.capacity === null ? [] : going.filter((a) => !seated.has(a.userId));
  const inSeats = event.capacity === null ? going : going.filter((a) => seated.has(a.userId));
  return {
    going: inSeats.map((a) => a.userId),
    waitlist: inLine.map((a) => a.userId),
    maybe: maybe.map((a) => a.userId),
  };
}
