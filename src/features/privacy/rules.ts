import { createHash } from 'node:crypto';
import { isPseudonym, PSEUDONYM_PREFIX } from '../../erasure.js';
import type { ErasureSubject } from '../feature.js';

export { isPseudonym };

/** The 16 hex that stand for a person once erased: sha256 of the workspace salt and their id. */
export function hashOf(salt: string, userId: string): string {
  return createHash('sha256').update(`${salt}${userId}`).digest('hex').slice(0, 16);
}

/** What an erased person becomes in the records that stay: `erased:<hash>`. */
export function subjectOf(salt: string, userId: string): ErasureSubject {
  const hash = hashOf(salt, userId);
  return { hash, pseudonym: `${PSEUDONYM_PREFIX}${hash}` };
}
