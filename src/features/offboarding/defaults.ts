import { inEveryLocale } from '../../i18n/index.js';
import type { ItemOwner } from './model.js';

/** One item of the handover template. */
export interface TemplateItem {
  key: string;
  owner: ItemOwner;
  takesLinks: boolean;
}

/** The default handover checklist (labels in fr and en from the catalogue). */
export const defaultHandoverTemplate: readonly TemplateItem[] = [
  { key: 'deliverables', owner: 'freelancer', takesLinks: true },
  { key: 'knowledge', owner: 'freelancer', takesLinks: false },
  { key: 'access', owner: 'manager', takesLinks: false },
  { key: 'equipment', owner: 'freelancer', takesLinks: false },
];

const labelKeys = {
  deliverables: 'offboarding.item.deliverables',
  knowledge: 'offboarding.item.knowledge',
  access: 'offboarding.item.access',
  equipment: 'offboarding.item.equipment',
} as const;

/** An item's label in every language. */
export function templateLabel(key: string) {
  return inEveryLocale(labelKeys[key as keyof typeof labelKeys] ?? 'offboarding.item.deliverables');
}
