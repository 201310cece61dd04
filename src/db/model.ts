import type { Connection, Model, Schema } from 'mongoose';

// Every model the app defines, so that its indexes can be built before the app takes requests.
const schemas = new Map<string, Schema>();

/**
 * Defines a model once, at module load: returns the function that gives it bound to a connection
 * (models are per connection, never global), and registers it for `buildIndexes`.
 */
export function defineModel<T>(name: string, schema: Schema<T>): (conn: Connection) => Model<T> {
  if (schemas.has(name)) throw new Error(`model ${name} defined twice`);
  schemas.set(name, schema as Schema);
  return (conn) => (conn.models[name] as Model<T> | undefined) ?? conn.model<T>(name, schema);
}

/**
 * Builds every defined model's indexes on `conn` and waits for them. Mongoose builds a collection's
 * indexes in the background at its first use, so on a new database the first requests would race
 * the unique indexes they rely on (two submissions of one form both stored, then the index fails).
 */
export async function buildIndexes(conn: Connection): Promise<void> {
  await Promise.all(
    [...schemas].map(([name, schema]) =>
      ((conn.models[name] as Model<unknown>) ?? conn.model(name, schema)).init(),
    ),
  );
}
