/**
 * The payloads of slack-request.ts, delivered through the stand-in's Socket Mode connection instead
 * of signed HTTP: each call resolves with the ack's payload once the app has sent it back. Plain
 * module (no vitest) for reuse by the sandbox.
 */
import {
  type BlockActionInput,
  blockActionPayload,
  type CommandInput,
  commandFields,
  type EventOptions,
  eventBody,
  type ViewSubmissionInput,
  viewSubmissionPayload,
} from './slack-request.js';
import type { SlackStandin } from './slack-standin.js';
import type { Json } from './slack-standin-types.js';

/** What an envelope delivery gives back: the ack's payload, and the trigger / response URL sent. */
export interface SocketDelivery {
  ack: Json | undefined;
  triggerId?: string;
  responseUrl?: string;
}

/** Sends commands, clicks, form submissions and events over Socket Mode, as Slack would. */
export interface SocketRequester {
  sendCommand(input: CommandInput): Promise<SocketDelivery>;
  sendBlockAction(input: BlockActionInput): Promise<SocketDelivery>;
  /** The ack is applied to the stand-in's view stack like Slack does, unless `applyAck` is false. */
  sendViewSubmission(input: ViewSubmissionInput): Promise<SocketDelivery>;
  sendEvent(event: Json, delivery?: EventOptions): Promise<SocketDelivery>;
}

/** Binds the Socket Mode senders to one stand-in (whose app must be connected). */
export function createSocketRequester(standin: SlackStandin): SocketRequester {
  const ctx = { standin };
  return {
    async sendCommand(input) {
      const { fields, triggerId, responseUrl } = commandFields(input, ctx);
      return { ack: await standin.socket.sendSlashCommand(fields), triggerId, responseUrl };
    },
    async sendBlockAction(input) {
      const { payload, triggerId, responseUrl } = blockActionPayload(input, ctx);
      const ack = await standin.socket.sendInteractive(payload);
      return { ack, triggerId, ...(responseUrl !== undefined ? { responseUrl } : {}) };
    },
    async sendViewSubmission(input) {
      const { payload, triggerId, viewId } = viewSubmissionPayload(input, ctx);
      const ack = await standin.socket.sendInteractive(payload);
      if (input.applyAck !== false && viewId !== undefined && standin.view(viewId)) {
        standin.applyViewSubmissionAck(viewId, ack);
      }
      return { ack, triggerId };
    },
    async sendEvent(event, delivery) {
      return { ack: await standin.socket.sendEvent(eventBody(event, ctx, delivery)) };
    },
  };
}
