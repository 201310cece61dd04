import { inEveryLocale, type LocalizedText, type MessageKey } from '../../i18n/index.js';
import type { ItemOwner, TemplateItem } from './model.js';

export const DEFAULT_TEMPLATE_KEY = 'default';

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

/** The default template as stored at first use (name and items in every language). */
export function defaultTemplate(): { key: string; name: LocalizedText; items: TemplateItem[] } {
  return {
    key: DEFAULT_TEMPLATE_KEY,
    name: inEveryLocale('onboarding.template.default.name'),
    items: steps.map((s) => ({
      label: inEveryLocale(s.label),
      owner: s.owner,
      dueOffsetDays: s.dueOffsetDays,
    })),
  };
}
