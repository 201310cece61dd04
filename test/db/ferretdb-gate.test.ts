import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureFerretDbLauncher, startFerretDb } from '../../src/db/ferretdb.js';
import { silentLogger } from '../../src/logger.js';
import { testDatabaseUri } from '../support/database.js';

const { MongoClient } = mongoose.mongo;
type Client = InstanceType<typeof MongoClient>;

/** Separate clients, one pooled connection each, so their commands really arrive on different sockets. */
async function connectClients(uri: string, count: number): Promise<Client[]> {
  return Promise.all(Array.from({ length: count }, () => new MongoClient(uri, { maxPoolSize: 1 }).connect()));
}

// Without the launcher's gate, FerretDB 1.24 loses increments and hands one document to several
// claimers (see ENGINEERING.md); these tests pin the MongoDB behaviour the app relies on.
describe('database atomicity across connections', () => {
  let clients: Client[];

  beforeAll(async () => {
    clients = await connectClients(testDatabaseUri('gate'), 3);
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
  });

  it('keeps every $inc from three connections', async () => {
    const counters = (c: Client) => c.db().collection<{ _id: string; n: number }>('counters');
    await counters(clients[0] as Client).insertOne({ _id: 'hits', n: 0 });

    await Promise.all(
      clients.map(async (c) => {
        for (let i = 0; i < 100; i++) await counters(c).updateOne({ _id: 'hits' }, { $inc: { n: 1 } });
      }),
    );

    expect(await counters(clients[0] as Client).findOne({ _id: 'hits' })).toEqual({ _id: 'hits', n: 300 });
  });

  // Reads share the gate with each other, never with a write: readers on their own connections
  // must neither break the writers' counts nor fail (SQLite's "database is locked").
  it('keeps every $inc while three other connections read at the same time', async () => {
    const readers = await connectClients(testDatabaseUri('gate'), 3);
    try {
      type Counter = { _id: string; n: number };
      const database = (clients[0] as Client).db().databaseName;
      const counters = (c: Client) => c.db(database).collection<Counter>('read_counters');
      await counters(clients[0] as Client).insertOne({ _id: 'hits', n: 0 });
      let writing = true;

      const writers = Promise.all(
        clients.map(async (c) => {
          for (let i = 0; i < 60; i++) await counters(c).updateOne({ _id: 'hits' }, { $inc: { n: 1 } });
        }),
      ).finally(() => {
        writing = false;
      });
      // Each reader's successive values: a count never goes back, and each read sees one document.
      const reads = readers.map(async (c) => {
        const values: number[] = [];
        do {
          const doc = await counters(c).findOne({ _id: 'hits' });
          const count = await counters(c).countDocuments({});
          const [sum] = await counters(c)
            .aggregate<{ total: number }>([{ $group: { _id: null, total: { $sum: '$n' } } }])
            .toArray();
          expect({ found: doc !== null, count, summed: sum !== undefined }).toEqual({
            found: true,
            count: 1,
            summed: true,
          });
          values.push(doc?.n ?? -1);
        } while (writing);
        return values;
      });

      const [, seen] = await Promise.all([writers, Promise.all(reads)]);
      expect(await counters(clients[0] as Client).findOne({ _id: 'hits' })).toEqual({ _id: 'hits', n: 180 });
      for (const values of seen) {
        expect(values.length).toBeGreaterThan(0);
        expect(values).toEqual([...values].sort((a, b) => a - b));
        expect(values.every((n) => n >= 0 && n <= 180)).toBe(true);
      }
    } finally {
      await Promise.all(readers.map((c) => c.close()));
    }
  });

  it('hands each document to exactly one of three claimers', async () => {
    type Job = { _id: number; claimedBy: string | null };
    const jobs = (c: Client) => c.db().collection<Job>('jobs');
    await jobs(clients[0] as Client).insertMany(
      Array.from({ length: 60 }, (_, i) => ({ _id: i, claimedBy: null })),
    );

    const claimed = await Promise.all(
      clients.map(async (c, worker) => {
        const mine: number[] = [];
        for (;;) {
          const job = await jobs(c).findOneAndUpdate(
            { claimedBy: null },
            { $set: { claimedBy: `w${worker}` } },
          );
          if (!job) return mine;
          mine.push(job._id);
        }
      }),
    );

    const all = claimed.flat();
    expect(all).toHaveLength(60);
    expect(new Set(all).size).toBe(60);
    const owners = await jobs(clients[0] as Client)
      .find({})
      .toArray();
    for (const [worker, ids] of claimed.entries()) {
      for (const id of ids) expect(owners.find((o) => o._id === id)?.claimedBy).toBe(`w${worker}`);
    }
  });
});

describe('startFerretDb lock file', () => {
  let lockDir: string;

  beforeAll(async () => {
    lockDir = await mkdtemp(path.join(tmpdir(), 'passerelle-lock-'));
  });
  afterAll(async () => {
    await rm(lockDir, { recursive: true, force: true });
  });

  it('reuses the running server for a second caller on the same data directory', async (ctx) => {
    const logger = silentLogger();
    if (!(await ensureFerretDbLauncher(logger))) ctx.skip('no Go toolchain for the embedded FerretDB');
    const backend = { kind: 'sqlite' as const, dir: path.join(lockDir, 'ferretdb') };

    // Started at once: the exclusive lock makes one of them wait and reuse the other's server.
    const [a, b] = await Promise.all([
      startFerretDb({ backend, logger, lockDir }),
      startFerretDb({ backend, logger, lockDir }),
    ]);
    const [first, second] = a.reused ? [b, a] : [a, b];
    const third = await startFerretDb({ backend, logger, lockDir });
    try {
      expect([first.reused, second.reused, third.reused]).toEqual([false, true, true]);
      expect(second.uri).toBe(first.uri);
      expect(third.uri).toBe(first.uri);
      const lock = JSON.parse(await readFile(path.join(lockDir, 'ferretdb.json'), 'utf8'));
      expect(lock).toMatchObject({ uri: first.uri, pid: expect.any(Number) });

      await third.stop(); // a reused server is not the caller's to stop
      const client = await new MongoClient(first.uri, { serverSelectionTimeoutMS: 5_000 }).connect();
      await client.db('lockcheck').command({ ping: 1 });
      await client.close();
    } finally {
      await second.stop();
      await first.stop();
    }
    await expect(readFile(path.join(lockDir, 'ferretdb.json'))).rejects.toThrow(/ENOENT/);
  });
});
