import type { Config, Locale } from '../config.js';
import type { UserDirectory } from './user-directory.js';

/** Who reads a view: their locale and IANA zone (dates are shown in both). */
export interface Reader {
  userId: string;
  locale: Locale;
  zone: string;
}

/** What `readerOf` needs: the user directory and the workspace defaults. */
export interface ReaderDeps {
  users: Pick<UserDirectory, 'get'>;
  config: Pick<Config, 'defaultLocale' | 'defaultTimezone'>;
}

/**
 * The reader's locale and zone from their Slack profile, with the workspace defaults when Slack
 * cannot tell. With `maxWaitMs` (answers inside a 3-second ack) a slow users.info gives the
 * defaults instead of a late ack; the lookup still fills the directory's cache for next time.
 */
export async function readerOf(deps: ReaderDeps, userId: string, maxWaitMs?: number): Promise<Reader> {
  const fallback: Reader = {
    userId,
    locale: deps.config.defaultLocale,
    zone: deps.config.defaultTimezone,
  };
  const lookup = deps.users.get(userId).then(
    (u): Reader => ({ userId, locale: u.locale ?? fallback.locale, zone: u.tz ?? fallback.zone }),
    () => fallback,
  );
  if (maxWaitMs === undefined) return lookup;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Reader>((resolve) => {
    timer = setTimeout(() => resolve(fallback), maxWaitMs);
  });
  try {
    return await Promise.race([lookup, late]);
  } finally {
    clearTimeout(timer);
  }
}
