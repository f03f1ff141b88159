/**
 * Labels of coded values (kinds, roles, degrees, ratings…) in both languages, defined once here and read by the
 * server (messages, DOCX, XLSX) and the web (tables, selects) alike.
 */
import type { Lang } from '../i18n/messages.ts';
import type { LocalizedText } from '../schemas/common.ts';

export type Labels<Code extends string> = Readonly<Record<Code, LocalizedText>>;

/** The label of a code in a language; an unknown code (data from a newer version) shows as itself. */
export function labelOf<Code extends string>(labels: Labels<Code>, code: Code | string | null | undefined, lang: Lang): string {
  if (!code) return '';
  return (labels as Record<string, LocalizedText | undefined>)[code]?.[lang] ?? code;
}

/** Options for a select, in the order the labels are declared. */
export function optionsOf<Code extends string>(labels: Labels<Code>, lang: Lang): { value: Code; label: string }[] {
  return (Object.keys(labels) as Code[]).map((value) => ({ value, label: labels[value][lang] }));
}

/** The labels of one language as a plain tree, for the web's i18n resources (`t('org.kinds.cooperative')`). */
export function labelTree<Code extends string>(labels: Labels<Code>, lang: Lang): Record<Code, string> {
  return Object.fromEntries((Object.keys(labels) as Code[]).map((k) => [k, labels[k][lang]])) as Record<Code, string>;
}
