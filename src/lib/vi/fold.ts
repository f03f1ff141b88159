/**
 * The one folding function for search. It is applied to the stored `search_text` column when a record is
 * written and to the query when it is searched, so both sides always fold the same way.
 *
 * Folding: Unicode NFD, drop combining marks (tones and letter modifiers), `đ`/`Đ` → `d`, lower case,
 * punctuation → space, runs of white space → one space.
 */
const COMBINING = /[\u0300-\u036f]/g;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

export function fold(input: string): string {
  return input
    .normalize('NFD')
    .replace(COMBINING, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(NOT_WORD, ' ')
    .trim();
}

/** Folded words of a query, without duplicates; empty when the query has nothing searchable. */
export function foldWords(query: string): string[] {
  const folded = fold(query);
  return folded ? [...new Set(folded.split(' '))] : [];
}

/** Escapes a folded word for use inside a SQL LIKE pattern (with the default backslash escape). */
export function likeContains(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A typed word: its folded form (matched against the index) and, when it carries diacritics, its exact form. */
export interface QueryWord { folded: string; exact: string | null }

/**
 * The words of a query as typed, for whole-syllable search: each word folded with `fold()` (so the index and the
 * query agree), plus its lower-cased NFC spelling when that differs from the folded one (`cà` → exact `cà`,
 * `ca` → exact null). `prefix` says whether the last word may be a prefix: true unless the query ends in a space
 * (people type as they go; a finished word is followed by a space).
 */
export function queryWords(query: string): { words: QueryWord[]; prefix: boolean } {
  const seen = new Set<string>();
  const words: QueryWord[] = [];
  for (const raw of query.normalize('NFC').toLowerCase().split(NOT_WORD)) {
    if (!raw) continue;
    const folded = fold(raw);
    const key = `${folded}\u0000${raw}`;
    if (!folded || seen.has(key)) continue;
    seen.add(key);
    words.push({ folded, exact: raw === folded ? null : raw });
  }
  return { words, prefix: !/\s$/.test(query) };
}
