/**
 * File upload flow of the stand-in (what WebClient.filesUploadV2 does): files.getUploadURLExternal
 * hands out an upload URL on the stand-in, the client POSTs the bytes there, then
 * files.completeUploadExternal shares the file (e.g. a CSV export) in a channel.
 */
import { resolveTarget } from './slack-standin-directory.js';
import type { MethodHandler, StandinState } from './slack-standin-state.js';
import { fail, isObject, str } from './slack-standin-types.js';

/** Stores uploaded bytes for a file id; returns the HTTP status and text the upload URL answers. */
export function receiveUpload(
  state: StandinState,
  fileId: string,
  content: Buffer,
): { status: number; body: string } {
  const f = state.files.get(fileId);
  if (f === undefined) return { status: 404, body: 'unknown upload url' };
  f.content = content;
  return { status: 200, body: `OK - ${content.length}` };
}

/** The files.* methods, by Slack method name. */
export const fileMethods: Record<string, MethodHandler> = {
  'files.getUploadURLExternal': ({ state, args, baseUrl }) => {
    const filename = str(args, 'filename');
    const length = Number(str(args, 'length'));
    if (filename === undefined || filename === '') return fail('invalid_arguments');
    if (!Number.isInteger(length) || length <= 0) return fail('invalid_arguments');
    const id = state.nextId('F');
    state.files.set(id, {
      id,
      filename,
      length,
      title: undefined,
      content: undefined,
      completed: false,
      channelId: undefined,
      initialComment: undefined,
    });
    return { ok: true, upload_url: `${baseUrl}/upload/${id}`, file_id: id };
  },

  'files.completeUploadExternal': ({ state, args }) => {
    const list = args.files;
    if (!Array.isArray(list) || list.length === 0) return fail('invalid_arguments');
    const files = [];
    for (const item of list) {
      const f = isObject(item) ? state.files.get(str(item, 'id') ?? '') : undefined;
      // Completing a file whose bytes never arrived is what a broken upload step looks like.
      if (f === undefined || f.content === undefined) return fail('file_not_found');
      files.push({ f, title: isObject(item) ? str(item, 'title') : undefined });
    }
    const channelArg = str(args, 'channel_id');
    let channelId: string | undefined;
    if (channelArg !== undefined) {
      const target = resolveTarget(state, channelArg);
      if (!target.ok) return target.result;
      channelId = target.channel;
    }
    const initialComment = str(args, 'initial_comment');
    for (const { f, title } of files) {
      Object.assign(f, { completed: true, title: title ?? f.filename, channelId, initialComment });
    }
    return {
      ok: true,
      files: files.map(({ f }) => ({ id: f.id, name: f.filename, title: f.title, size: f.length })),
    };
  },
};
