/**
 * Vietnamese collation as a sort key.
 *
 * PGlite has no Vietnamese collation and PostgreSQL's `vi-VN-x-icu` is only on some servers, so names are sorted
 * by a key computed here and compared bytewise (`ORDER BY sort_key COLLATE "C"`), which is the same on both
 * engines. The key follows the three levels of the CLDR Vietnamese tailoring that `Intl.Collator('vi')` uses:
 *   1. letters in the Vietnamese alphabet order a ă â b c d đ e ê … o ô ơ … u ư …, digits before letters,
 *      white space and punctuation before digits;
 *   2. tones: none < huyền (grave) < hỏi (hook) < ngã (tilde) < sắc (acute) < nặng (dot below);
 *   3. case: lower before upper.
 * Each level is a string of weight characters; levels are joined by U+0001, which is lower than every weight,
 * so a shorter string sorts before its extensions. `collate.test.ts` checks agreement with `Intl.Collator('vi')`.
 */
const LETTERS = 'aăâbcdđeêfghijklmnoôơpqrstuưvwxyz';
const TONES = ['\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];
const SEP = '\u0001';
// Weight bases (all > SEP): space 0x02, other non-letters 0x03…, digits 0x100…, letters 0x200…
const W_SPACE = 0x02;
const W_DIGIT = 0x100;
const W_LETTER = 0x200;

function withModifier(base: string, mod: string): string {
  if (base === 'a') return mod === '\u0306' ? 'ă' : mod === '\u0302' ? 'â' : 'a';
  if (base === 'e') return mod === '\u0302' ? 'ê' : 'e';
  if (base === 'o') return mod === '\u0302' ? 'ô' : mod === '\u031b' ? 'ơ' : 'o';
  if (base === 'u') return mod === '\u031b' ? 'ư' : 'u';
  return base;
}

export function sortKey(input: string): string {
  const primary: number[] = [];
  const secondary: number[] = [];
  const tertiary: number[] = [];
  // Split into grapheme-like units: a base character followed by its combining marks.
  const units = input.normalize('NFD').match(/\P{M}\p{M}*/gu) ?? [];
  for (const unit of units) {
    const base = unit[0];
    const marks = unit.slice(1);
    const lower = base.toLowerCase();
    const upper = base !== lower ? 1 : 0;
    let tone = 0;
    let letter = lower === 'đ' ? 'đ' : lower;
    for (const mark of marks) {
      const t = TONES.indexOf(mark);
      if (t >= 0) tone = t + 1;
      else letter = withModifier(letter, mark);
    }
    const idx = LETTERS.indexOf(letter);
    if (idx >= 0) primary.push(W_LETTER + idx);
    else if (/\p{N}/u.test(base)) primary.push(W_DIGIT + (Number.parseInt(base, 10) || 0));
    else if (/\s/u.test(base)) primary.push(W_SPACE);
    else if (/\p{L}/u.test(base)) primary.push(W_LETTER + LETTERS.length + (lower.codePointAt(0) ?? 0));
    else primary.push(0x03 + Math.min(base.codePointAt(0) ?? 0, 0xfc));
    secondary.push(0x02 + tone);
    tertiary.push(0x02 + upper);
  }
  const enc = (ws: number[]) => String.fromCodePoint(...ws);
  return enc(primary) + SEP + enc(secondary) + SEP + enc(tertiary);
}

/** Compares two strings in Vietnamese order, consistent with `sortKey`. */
export function compareVi(a: string, b: string): number {
  const ka = sortKey(a);
  const kb = sortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
