import { z } from 'zod';

/** A `/passerelle` subcommand of the privacy feature. */
export type PrivacyCommand =
  | { kind: 'export' }
  | { kind: 'eraseSelf' }
  | { kind: 'eraseOther'; userId: string }
  | { kind: 'eraseUsage' };

const userId = z.string().regex(/^[UW][A-Z0-9]{2,20}$/);
/** `<@U123>` or `<@U123|name>` (commands with should_escape), or a bare id. */
const mention = /^<@([UW][A-Z0-9]{2,20})(?:\|[^>]*)?>$/;

/** Parses the words after `/passerelle`; undefined when they are not a privacy subcommand. */
export function parsePrivacyCommand(words: readonly string[]): PrivacyCommand | undefined {
  const sub = words[0]?.toLowerCase();
  if (sub === 'my-data') return { kind: 'export' };
  if (sub === 'erase-me') return { kind: 'eraseSelf' };
  if (sub !== 'erase') return undefined;
  if (words.length !== 2) return { kind: 'eraseUsage' };
  const raw = words[1] ?? '';
  const parsed = userId.safeParse(mention.exec(raw)?.[1] ?? raw);
  return parsed.success ? { kind: 'eraseOther', userId: parsed.data } : { kind: 'eraseUsage' };
}

/** What the confirmation modal carries: whose data it erases. */
export const eraseMetadata = z.object({ v: z.literal(1), subject: userId });
export type EraseMetadata = z.infer<typeof eraseMetadata>;

/** The metadata of a submitted confirmation modal, or undefined when it is not ours or was tampered with. */
export function parseEraseMetadata(raw: string): EraseMetadata | undefined {
  try {
    const parsed = eraseMetadata.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** A job's payload: the person it is about (and, for an erasure, who asked). */
export const exportPayload = z.object({ userId });
export const erasePayload = z.object({
  userId,
  by: z.enum(['self', 'admin', 'slack']),
  requestedBy: userId.nullable(),
});
export type ErasePayload = z.infer<typeof erasePayload>;
