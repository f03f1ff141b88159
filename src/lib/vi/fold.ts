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
