import { type Connection, type Model, Schema } from 'mongoose';
import { defineModel } from '../db/model.js';

export type JobStatus = 'pending' | 'running' | 'done' | 'failed';

/** A unit of scheduled work, stored so that it survives restarts and runs once across instances. */
export interface JobDoc {
  /** Unique business key (e.g. `checkin.send:<mission>:<week>`): queuing the same work twice is a no-op. */
  key: string;
  name: string;
  payload: Record<string, unknown>;
  runAt: Date;
  status: JobStatus;
  attempts: number;
  maxAttempts: number;
  leaseOwner?: string | null;
  leaseExpiresAt?: Date | null;
  lastError?: string | null;
  finishedAt?: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const jobSchema = new Schema<JobDoc>(
  {
    key: { type: String, required: true },
    name: { type: String, required: true },
    payload: { type: Schema.Types.Mixed, default: {} },
    runAt: { type: Date, required: true },
    status: {
      type: String,
      required: true,
      enum: ['pending', 'running', 'done', 'failed'],
      default: 'pending',
    },
    attempts: { type: Number, required: true, default: 0 },
    maxAttempts: { type: Number, required: true, default: 5 },
    leaseOwner: { type: String, default: null },
    leaseExpiresAt: { type: Date, default: null },
    lastError: { type: String, default: null },
    finishedAt: { type: Date, default: null },
  },
  { timestamps: true, minimize: false, collection: 'jobs' },
);
// The unique key is what makes "queue this work" idempotent.
jobSchema.index({ key: 1 }, { unique: true });
// The claim query: pending work by run time, and running work by lease expiry.
jobSchema.index({ status: 1, runAt: 1 });
jobSchema.index({ status: 1, leaseExpiresAt: 1 });

/** The jobs model bound to one connection. */
export const jobModel: (conn: Connection) => JobModel = defineModel('Job', jobSchema);
export type JobModel = Model<JobDoc>;
