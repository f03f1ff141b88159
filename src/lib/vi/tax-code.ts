/**
 * Vietnamese enterprise tax code (mã số thuế) format and check digit.
 *
 * Rule implemented (the structure set by the Ministry of Finance, Circular 105/2020/TT-BTC and its predecessors
 * Circular 95/2016/TT-BTC and 80/2012/TT-BTC): a code is `N1…N10` or, for a dependent unit (branch),
 * `N1…N10-N11N12N13`. N10 is the check digit:
 *   N10 = 10 − ((31·N1 + 29·N2 + 23·N3 + 19·N4 + 17·N5 + 13·N6 + 7·N7 + 5·N8 + 3·N9) mod 11)
 * A result of 10 cannot be a digit, so no valid code has it. The branch suffix N11–N13 runs 001–999.
 */
const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3];

export type TaxCodeProblem = 'format' | 'check_digit' | 'branch';

export function taxCodeCheckDigit(first9: string): number | null {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += WEIGHTS[i] * Number(first9[i]);
  const digit = 10 - (sum % 11);
  return digit === 10 ? null : digit;
}

/** Returns null when the tax code is valid, otherwise what is wrong with it. */
export function taxCodeProblem(code: string): TaxCodeProblem | null {
  const m = /^(\d{10})(?:-(\d{3}))?$/.exec(code);
  if (!m) return 'format';
  const main = m[1];
  if (taxCodeCheckDigit(main.slice(0, 9)) !== Number(main[9])) return 'check_digit';
  if (m[2] !== undefined && m[2] === '000') return 'branch';
  return null;
}

export function isValidTaxCode(code: string): boolean {
  return taxCodeProblem(code) === null;
}

/** Completes nine digits with their check digit; null when those nine digits have no valid check digit. */
export function withCheckDigit(first9: string): string | null {
  const d = taxCodeCheckDigit(first9);
  return d === null ? null : first9 + d;
}
