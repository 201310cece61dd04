import type { Message } from '../catalogue.js';

/** Messages of the onboarding feature. */
const en = {} as const satisfies Record<string, Message>;

const fr: Record<keyof typeof en, Message> = {};

export const onboarding = { en, fr };
