import { type Connection, Schema } from 'mongoose';
import { defineModel } from '../db/model.js';

/**
 * The workspace's stop flag: set when Slack says the app was uninstalled or its bot token revoked
 * (`app_uninstalled`, `tokens_revoked`). While it is set, the scheduler runs no pass, worker or job
 * and `runNow` claims nothing: nothing is sent to a workspace that removed the app. One document.
 */
interface Halt {
  key: string;
  reason: string;
  at: Date;
}

const haltSchema = new Schema<Halt>(
  {
    key: { type: String, required: true },
    reason: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'workspace_halt', versionKey: false },
);
haltSchema.index({ key: 1 }, { unique: true });
const haltModel = defineModel('WorkspaceHalt', haltSchema);

const KEY = 'workspace';

/** Stops every job of the workspace (idempotent: the first reason stays). */
export async function haltWorkspace(conn: Connection, reason: string, at: Date): Promise<void> {
  await haltModel(conn).updateOne({ key: KEY }, { $setOnInsert: { key: KEY, reason, at } }, { upsert: true });
}

/** Lets jobs run again (`npm run jobs -- resume-workspace`, after a reinstall). */
export async function resumeWorkspace(conn: Connection): Promise<boolean> {
  return (await haltModel(conn).deleteOne({ key: KEY })).deletedCount > 0;
}

/** Why and since when the workspace is stopped, or null when it runs. */
export async function workspaceHalt(conn: Connection): Promise<{ reason: string; at: Date } | null> {
  return haltModel(conn).findOne({ key: KEY }, { _id: 0, reason: 1, at: 1 }).lean<Halt>().exec();
}
