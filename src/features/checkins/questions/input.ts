import { z } from 'zod';
import { builtinKeys } from './model.js';

/** A label in every language; input labels allow 2000 characters, a question stays far shorter. */
export const localizedLabel = z.object({
  fr: z.string().trim().min(1).max(200),
  en: z.string().trim().min(1).max(200),
});

/** A custom question as an admin defines it: a key for `answer.extra`, its label, whether optional. */
export const customQuestionInput = z.object({
  key: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,31}$/)
    .refine((k) => !(builtinKeys as readonly string[]).includes(k), 'reserved key'),
  label: localizedLabel,
  optional: z.boolean().default(true),
});
export type CustomQuestionInput = z.input<typeof customQuestionInput>;
