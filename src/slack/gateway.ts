import type { Logger } from '@slack/bolt';
import type { HomeView, KnownBlock, ModalView } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { isPlatformError, slackErrorCode } from './errors.js';
import { truncate } from './mrkdwn.js';
import type { SendPacer, SendPriority } from './pacer.js';

/** A message as features build it: the fallback text (notifications, screen readers) and the blocks. */
export interface OutgoingMessage {
  text: string;
  blocks?: KnownBlock[];
}

/** A message of one mrkdwn section (cut to Block Kit's 3,000 characters; the whole text is the fallback). */
export function textMessage(text: string): OutgoingMessage {
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: truncate(text, 3000) } }] };
}

/** Where a posted message lives, to edit it later. */
export interface PostedRef {
  channel: string;
  ts: string;
}

export type ChannelPostResult =
  | { ok: true; ref: PostedRef }
  | { ok: false; reason: 'private_not_member' | 'archived' };

/**
 * Slack as the features see it: intents, not Web API methods. Implemented once over @slack/web-api,
 * whose client retries network errors and honours 429 Retry-After for every call made here.
 */
export class SlackGateway {
  constructor(
    private readonly client: WebClient,
    private readonly logger: Logger,
    private readonly pacer: SendPacer,
  ) {}

  /**
   * Sends a DM from the app (posting to the user id lands in the app's DM with them). Every post is
   * paced; `bulk` sends (scheduled check-ins, reminders) give way to `urgent` ones (answers, alerts).
   * Resolves only once Slack accepted the message. Once `withdraw` is aborted, a DM still waiting for
   * the pacer is not sent: it rejects with `SendWithdrawn` (see pacer.ts).
   */
  async sendDm(
    userId: string,
    message: OutgoingMessage,
    priority: SendPriority = 'urgent',
    withdraw?: AbortSignal,
  ): Promise<PostedRef> {
    const res = await this.pacer.run(
      () => this.client.chat.postMessage({ channel: userId, ...message, unfurl_links: false }),
      priority,
      withdraw,
    );
    return { channel: res.channel ?? userId, ts: res.ts ?? '' };
  }

  /** The pacer of this gateway's posts (bulk senders wait on it to stay a little ahead, not far ahead). */
  get sendPacer(): SendPacer {
    return this.pacer;
  }

  /** Replaces a message the app posted. */
  async updateMessage(ref: PostedRef, message: OutgoingMessage): Promise<void> {
    await this.client.chat.update({ channel: ref.channel, ts: ref.ts, ...message });
  }

  /** Posts in a channel, joining it first when it is public; says why when the app cannot post. */
  async postInChannel(channelId: string, message: OutgoingMessage): Promise<ChannelPostResult> {
    const post = async () =>
      this.pacer.run(() =>
        this.client.chat.postMessage({ channel: channelId, ...message, unfurl_links: false }),
      );
    try {
      const res = await post();
      return { ok: true, ref: { channel: res.channel ?? channelId, ts: res.ts ?? '' } };
    } catch (err) {
      if (isPlatformError(err, 'is_archived')) return { ok: false, reason: 'archived' };
      // Slack hides private channels the app is not in behind channel_not_found; the channel was just
      // picked in a Slack menu, so it exists: the useful answer is "invite the app".
      if (isPlatformError(err, 'channel_not_found')) return { ok: false, reason: 'private_not_member' };
      if (!isPlatformError(err, 'not_in_channel')) throw err;
    }
    try {
      await this.client.conversations.join({ channel: channelId });
    } catch (err) {
      // A private channel cannot be joined: someone must invite the app.
      this.logger.info('cannot join channel', {
        channelId,
        error: slackErrorCode(err),
      });
      return { ok: false, reason: 'private_not_member' };
    }
    const res = await post();
    return { ok: true, ref: { channel: res.channel ?? channelId, ts: res.ts ?? '' } };
  }

  /** An ephemeral message only `userId` sees, in `channel`. */
  async sendEphemeral(channel: string, userId: string, message: OutgoingMessage): Promise<void> {
    await this.client.chat.postEphemeral({ channel, user: userId, ...message });
  }

  /** One page of a channel's member ids (`conversations.members`, 200 a page). */
  async channelMembers(
    channelId: string,
    cursor?: string,
  ): Promise<{ members: string[]; nextCursor: string | undefined }> {
    const res = await this.client.conversations.members({
      channel: channelId,
      limit: 200,
      ...(cursor ? { cursor } : {}),
    });
    return { members: res.members ?? [], nextCursor: res.response_metadata?.next_cursor || undefined };
  }

  /** Opens a modal from an interaction's trigger_id (valid 3 s, once). */
  async openModal(triggerId: string, view: ModalView): Promise<void> {
    await this.client.views.open({ trigger_id: triggerId, view });
  }

  /**
   * Replaces an open modal (an input's dispatch_action, a button in it). With `hash`, Slack refuses
   * (`hash_conflict`) when the view changed since the payload was sent, so a late update never
   * overwrites a newer one.
   */
  async updateView(viewId: string, view: ModalView, hash?: string): Promise<void> {
    await this.client.views.update({ view_id: viewId, view, ...(hash ? { hash } : {}) });
  }

  /**
   * Sends a file in the app's DM with the user (conversations.open, then files.uploadV2: upload URL,
   * the bytes, completion in the channel). Not paced with the posts (files are rare, Tier 2–4).
   */
  async sendFileDm(
    userId: string,
    file: { filename: string; title: string; content: Buffer; comment?: string },
  ): Promise<void> {
    const opened = await this.client.conversations.open({ users: userId });
    const channel = opened.channel?.id;
    if (!channel) throw new Error('conversations.open returned no channel');
    await this.client.filesUploadV2({
      channel_id: channel,
      file: file.content,
      filename: file.filename,
      title: file.title,
      ...(file.comment ? { initial_comment: file.comment } : {}),
    });
  }

  /** Publishes a user's App Home. */
  async publishHome(userId: string, view: HomeView): Promise<void> {
    await this.client.views.publish({ user_id: userId, view });
  }
}
