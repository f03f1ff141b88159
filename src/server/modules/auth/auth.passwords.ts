/**
 * The server's password check, the authority: the shared policy (src/shared/passwords.ts: length, the common
 * Vietnamese list, repetition, sequences, the username and name) and then zxcvbn-ts with its common-password,
 * English-word and name dictionaries plus the Vietnamese list (no network matcher). A password zxcvbn scores below
 * 3 (fewer than 10^8 guesses) is refused, with the reason its weakest part shows. The dictionaries (~800 kB gzip)
 * stay on the server; they are loaded on the first check.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as zxcvbnCommon from '@zxcvbn-ts/language-common';
import * as zxcvbnEn from '@zxcvbn-ts/language-en';
import { COMMON_VI_PASSWORDS, compact, passwordProblem, type PasswordContext, type PasswordProblem } from '../../../shared/passwords.ts';

const MIN_SCORE = 3;

let factory: ZxcvbnFactory | undefined;
const zxcvbn = () => (factory ??= new ZxcvbnFactory({
  dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnEn.dictionary, vietnamese: [...COMMON_VI_PASSWORDS] },
  graphs: zxcvbnCommon.adjacencyGraphs,
}));

/** The first reason to refuse a password, or null when it is acceptable. */
export function checkPasswordStrength(password: string, context: PasswordContext = {}): PasswordProblem | null {
  const shared = passwordProblem(password, context);
  if (shared) return shared;
  const userInputs = [context.username, context.displayName].filter((s): s is string => !!s).map(compact);
  const result = zxcvbn().check(password, userInputs);
  if (result.score >= MIN_SCORE) return null;
  const patterns = new Set(result.sequence.map((m) => m.pattern));
  if (patterns.has('dictionary')) return 'common';
  if (patterns.has('repeat')) return 'repetitive';
  if (patterns.has('sequence') || patterns.has('spatial')) return 'sequence';
  return 'common';
}
