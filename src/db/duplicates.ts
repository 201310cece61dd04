import type { Model, QueryFilter, UpdateQuery } from 'mongoose';

const E11000 = 11000;

/** Whether a write failed only because a unique index already holds the key (another writer won). */
export function isDuplicateKey(err: unknown): boolean {
  const e = err as { code?: number; writeErrors?: { code?: number; err?: { code?: number } }[] };
  if (e.writeErrors && e.writeErrors.length > 0) {
    return e.writeErrors.every((w) => (w.code ?? w.err?.code) === E11000);
  }
  return e.code === E11000;
}

/**
 * Inserts the documents whose unique key is not taken yet, in one unordered batch: the unique index
 * drops the others. Returns how many were inserted.
 */
export async function insertNew<T>(model: Model<T>, docs: readonly Partial<T>[]): Promise<number> {
  if (docs.length === 0) return 0;
  try {
    const inserted = await model.insertMany(docs, { ordered: false });
    return inserted.length;
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    const e = err as { insertedDocs?: unknown[]; result?: { insertedCount?: number } };
    return e.insertedDocs?.length ?? e.result?.insertedCount ?? 0;
  }
}

/**
 * Inserts `doc` under its unique `key` filter unless a document has it already (an upsert of
 * `$setOnInsert`, so an existing one is never touched); two writers at once both succeed, one inserts.
 * Returns true when this call inserted it.
 */
export async function insertOnce<T>(
  model: Model<T>,
  key: QueryFilter<T>,
  doc: UpdateQuery<T>['$setOnInsert'],
): Promise<boolean> {
  try {
    const res = await model.updateOne(key, { $setOnInsert: doc }, { upsert: true });
    return res.upsertedCount === 1;
  } catch (err) {
    if (isDuplicateKey(err)) return false;
    throw err;
  }
}
