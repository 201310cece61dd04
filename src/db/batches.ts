import mongoose, { type Types } from 'mongoose';

/**
 * Ids per write command when a write touches many documents: FerretDB turns `{_id: {$in: ids}}`
 * into one statement per id and runs each write alone, so a command stays well under 50 statements.
 */
export const ID_BATCH = 40;

/** A filter on one batch of ids (sanitizeFilter lets the operator through). */
export function idsIn(ids: readonly Types.ObjectId[]): { _id: { $in: Types.ObjectId[] } } {
  return { _id: mongoose.trusted({ $in: [...ids] }) };
}

/** Runs `write` on each batch of at most `ID_BATCH` ids; sums what it returns (documents touched). */
export async function inIdBatches<Id = Types.ObjectId>(
  ids: readonly Id[],
  write: (batch: Id[]) => Promise<number>,
): Promise<number> {
  let total = 0;
  for (let i = 0; i < ids.length; i += ID_BATCH) total += await write(ids.slice(i, i + ID_BATCH));
  return total;
}

/**
 * Statements per write command for `bulkWrite`: FerretDB 1.24 stalls on a command of a few hundred
 * update statements (seen with 200 and 500), and still runs each alone.
 */
export const STATEMENT_BATCH = 40;

/** Runs `write` on each chunk of at most `STATEMENT_BATCH` items, one after the other. */
export async function inChunks<T>(
  items: readonly T[],
  write: (chunk: T[]) => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < items.length; i += STATEMENT_BATCH) await write(items.slice(i, i + STATEMENT_BATCH));
}
