/**
 * The shapes of rule values. A module registers each of its rule keys once, at import time, with the zod schema
 * its values must satisfy and a description in both languages; the rules module then refuses values that do not fit.
 */
import type { z } from 'zod';
import type { LocalizedText } from '../../../shared/schemas/common.ts';
import { RuleKey } from '../../../shared/schemas/rules.ts';

export interface RuleKeyEntry {
  key: string;
  schema: z.ZodType;
  describe: LocalizedText;
}

const registry = new Map<string, RuleKeyEntry>();

/** Declares a rule key. Registering the same key twice with another schema is a programming error. */
export function registerRuleKey(key: string, schema: z.ZodType, describe: { vi: string; en: string }): void {
  if (!RuleKey.safeParse(key).success) throw new Error(`rule key "${key}" must be dotted lower case, e.g. "council.pass_rule"`);
  const existing = registry.get(key);
  if (existing && existing.schema !== schema) throw new Error(`rule key "${key}" is registered twice`);
  registry.set(key, { key, schema, describe });
}

export const ruleKeyEntry = (key: string): RuleKeyEntry | undefined => registry.get(key);

export const registeredRuleKeys = (): string[] => [...registry.keys()].sort();

export type ValueCheck =
  | { ok: true; value: unknown }
  | { ok: false; unknownKey: true }
  | { ok: false; unknownKey: false; issues: z.core.$ZodIssue[] };

/** Checks a value against its key's schema; `value` is the parsed output (defaults applied). */
export function checkRuleValue(key: string, value: unknown): ValueCheck {
  const entry = registry.get(key);
  if (!entry) return { ok: false, unknownKey: true };
  const r = entry.schema.safeParse(value);
  return r.success ? { ok: true, value: r.data } : { ok: false, unknownKey: false, issues: r.error.issues };
}
