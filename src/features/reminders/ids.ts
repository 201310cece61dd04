/** Job name of a person's reminder digest of a day. */
export const DIGEST_JOB = 'reminders.digest';

/**
 * Job key of `userId`'s digest for a local day (YYYY-MM-DD in their zone): every item that falls due
 * that day for them rides on this one job, whatever mission or kind it comes from.
 */
export function digestJobKey(userId: string, day: string): string {
  return `${DIGEST_JOB}:${userId}:${day}`;
}
