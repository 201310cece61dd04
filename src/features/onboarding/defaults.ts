import type { Locale } from '../../config.js';
import { type MessageKey, t } from '../../i18n/index.js';
import type { ItemOwner } from './contract.js';
import type { LocalizedText, TemplateItem } from './model.js';

export const DEFAULT_TEMPLATE_KEY = 'default';

const locales: readonly Locale[] = ['en', 'fr'];

/** The steps of the default template: texts come from the catalogue so every language is covered. */
const steps: readonly { label: MessageKey; owner: ItemOwner; dueOffsetDays: number | null }[] = [
  // Access is granted by the manager (the freelancer cannot give it to themselves).
  { label: 'onboarding.template.default.access', owner: 'manager', dueOffsetDays: 0 },
  { label: 'onboarding.template.default.contract', owner: 'manager', dueOffsetDays: 0 },
  { label: 'onboarding.template.default.context', owner: 'freelancer', dueOffsetDays: 2 },
  { label: 'onboarding.template.default.buddy', owner: 'freelancer', dueOffsetDays: 3 },
  { label: 'onboarding.template.default.team', owner: 'manager', dueOffsetDays: 3 },
  { label: 'onboarding.template.default.plan', owner: 'freelancer', dueOffsetDays: 5 },
];

function localized(key: MessageKey): LocalizedText {
  return Object.fromEntries(locales.map((l) => [l, t(l, key)])) as LocalizedText;
}

/** The default template as stored at first use (name and items in every language). */
export function defaultTemplate(): { key: string; name: LocalizedText; items: TemplateItem[] } {
  return {
    key: DEFAULT_TEMPLATE_KEY,
    name: localized('onboarding.template.default.name'),
    items: steps.map((s) => ({ label: localized(s.label), owner: s.owner, dueOffsetDays: s.dueOffsetDays })),
  };
}
