import type { Message } from '../catalogue.js';

/** Messages of the home feature. */
const en = {} as const satisfies Record<string, Message>;

const fr: Record<keyof typeof en, Message> = {};

export const home = { en, fr };
