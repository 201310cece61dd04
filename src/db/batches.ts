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
