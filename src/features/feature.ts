import type { App } from '@slack/bolt';
import type { Locale } from '../config.js';
import type { DomainEvents } from '../events.js';
import type { MessageKey } from '../i18n/index.js';
import type { RollupSource } from '../rollups.js';
import type { JobHandler } from '../scheduler/runner.js';
import type { Pass, Worker } from '../scheduler/scheduler.js';

/**
 * What a feature contributes, each kind run by the part of the app made for it: listeners by Bolt
 * (server only), job handlers by the durable job runner, passes and workers by the scheduler (server
 * tick and `jobs run-due`), subscriptions by the domain event bus. A feature is built once per app
 * from the dependencies it uses.
 */
export interface Feature {
  readonly name: string;
  /** Slack listeners: commands, actions, views, events (ack first, parse, one service call). */
  readonly listeners?: (app: App) => void;
  /** Durable job handlers, by job name (run at their time, or at once with `runNow`). */
  readonly jobs?: Readonly<Record<string, JobHandler>>;
  /** Short scheduled passes (planning, closing), run one after another at every tick. */
  readonly passes?: Readonly<Record<string, Pass>>;
  /** Long deliveries, run beside the passes and stopped at a safe point (see Scheduler). */
  readonly workers?: Readonly<Record<string, Worker>>;
  /** Reactions to domain events of other features (or its own). */
  readonly subscriptions?: (events: DomainEvents) => void;
  /**
   * What the feature stores about a person, for `/passerelle my-data` and erasure (PRODUCT.md flow
   * 10). Every feature that stores a Slack user id, a person's free text or a DM of theirs implements
   * it; the privacy feature calls every one.
   */
  readonly personalData?: PersonalData;
  /**
   * The feature's collections whose records count in the analytics figures (src/rollups.ts): the
   * analytics feature keeps them summed, incrementally and by `jobs rebuild-stats`.
   */
  readonly rollupSources?: readonly RollupSource[];
}

/**
 * The personal-data contract. `export` returns every record the feature holds about the person, as
 * sections of the data-access file (docs/my-data.md): one per kind of record, each with its
 * description (a catalogue key, shown in the person's language) and its records with fields named
 * for people (no `_id`, no `__v`, no internal bookkeeping; dates as `Date`, written in the person's
 * zone by the privacy feature), and nothing about anyone else (another person's free text stays
 * out). `erase` removes their personal data and
 * their free text, or, where a record counts in aggregates (a mission, a check-in's score), replaces
 * their id by `subject.pseudonym` so that counts and scores stay: afterwards neither their id nor
 * their free text is anywhere in the feature's collections. Both are idempotent (erasure may run
 * again after a crash). The whole workspace is purged by `npm run jobs -- purge-workspace`, which
 * empties every collection: nothing to implement for it.
 */
export interface PersonalData {
  export(userId: string, reader: ExportReader): Promise<Record<string, ExportSection>>;
  erase(userId: string, subject: ErasureSubject): Promise<void>;
}

/** Who asked for their data: labels (questions, checklist items) are given in their language. */
export interface ExportReader {
  locale: Locale;
  zone: string;
}

/** One section of the data-access file: what it holds (a catalogue key), then its records. */
export interface ExportSection {
  description: MessageKey;
  [records: string]: unknown;
}

/** Who is erased, as stored afterwards: never their id. */
export interface ErasureSubject {
  /** Replaces their id where a record stays: `erased:<16 hex>`. */
  pseudonym: string;
  /** The 16 hex of the pseudonym (sha256 of the workspace salt and the id), as the audit trail keeps it. */
  hash: string;
}
