/**
 * The document references a Vietnamese (or English) text cites: "Quyết định số 9737/QĐ-UBND ngày 19/10/2023",
 * "Kết luận 69-KL/TW", "Luật Khoa học, công nghệ và đổi mới sáng tạo số 93/2025/QH15", "Decision No. 1322/QD-TTg
 * dated August 31, 2020". Pure and dependency-free: the CLI (`khcn refs`) and, later, the web's "paste a text, link
 * the documents it cites" call the same `extractLegalRefs`.
 *
 * What a reference is
 * - A number/symbol (số, ký hiệu): digits, optionally `/year`, then symbol parts joined by `/` or `-` that start with
 *   a capital letter (`9737/QĐ-UBND`, `12/2022/NQ-HĐND`, `93/2025/QH15`, `561/SKHCN-QLCN`; party documents with a
 *   dash: `05-NQ/TW`, `16-CTr/TU`). Mixed case is allowed only in the codes that are written that way (TTg, CTr, QĐi,
 *   TTr), so a following word is never swallowed. A type word followed by `số`/`No.` also accepts a number without a
 *   symbol (`Thông tư số 15/2022`). National standards and technical regulations: `TCVN 5603:2008`,
 *   `TCVN ISO 9001`, `QCVN 01:2009/BYT`. Bare `ISO 9001` (an international standard) and names such as
 *   "Đề án 06" are not references.
 * - `number` is the number as written, spaces around `-` and `/` removed (`98 / KH - UBND` → `98/KH-UBND`; an en dash
 *   inside a number is written `-`), other space runs collapsed to one.
 * - `type` is the type word written with it, in its dictionary spelling (Quyết định, Nghị quyết, Kế hoạch,
 *   Chương trình, Thông tư, Nghị định, Luật, Kết luận, Chỉ thị, Công văn, Văn bản, Thông báo, Tiêu chuẩn, Quy chuẩn…;
 *   Decision, Resolution, Circular, Decree, Law… in English). Written means directly before the number (`Nghị định
 *   267/2025/NĐ-CP`, `Quyết định số …`, `Decision No. …`) or, for a capitalised type, before a title that ends in
 *   `số` (`Luật Khoa học, công nghệ và đổi mới sáng tạo số 93/2025/QH15`; there the nearest type word that agrees
 *   with the symbol's code is taken). When no type is written it is inferred from the first symbol part's code
 *   (QĐ → Quyết định, NQ → Nghị quyết, KH → Kế hoạch, CTr → Chương trình, TT → Thông tư, NĐ → Nghị định, QH15 → Luật,
 *   KL → Kết luận, CT → Chỉ thị, TB → Thông báo, HD → Hướng dẫn…; an issuer such as `SKHCN-QLCN` or `UBND-KT` first
 *   means an official letter, Công văn), in English when the text is English (`options.language`, else guessed from
 *   how many letters carry Vietnamese marks and which function words it uses).
 *
 * Offsets
 * - `start`/`end` are JavaScript string indices (UTF-16 code units) into `text` exactly as passed, `end` exclusive.
 *   The span covers the reference as cited: from the type word when one is written (`Quyết định số 9737/QĐ-UBND`,
 *   `Luật … số 93/2025/QH15` including the title), else the number alone; never the date.
 * - The text is not normalised for the caller. Internally each character with its combining marks is composed
 *   (NFC) and folded (no marks, đ → d, lower case) for matching, so decomposed diacritics ("Quyê\u0301t đi\u0323nh") and
 *   unaccented Vietnamese match too, and every offset is mapped back to the text as given.
 *
 * Dates
 * - The date written with the reference: right after the number, `ngày 19/10/2023`, `ngày 13 tháng 8 năm 2024`
 *   (line breaks allowed), `(ngày …)`, `ban hành ngày …`, English `dated December 22, 2024`,
 *   `of 22 December 2024`, `issued on …`. (Not after an issuer, "số X của UBND tỉnh ngày …": the date written there
 *   may as well belong to what follows.)
 * - Or a date that opens the clause when the clause says this numbered document was issued on it: `Ngày 12/7/2017,
 *   UBND tỉnh … đã ban hành Kế hoạch số 98/KH-UBND` — the verb (ban hành, ký, thông qua, phát hành, có; issued,
 *   signed, promulgated, adopted, passed) must be followed directly by the reference (or a list of references joined
 *   by `,`/`và`), within the same sentence and with no other date between. `Ngày 25/11/2022, Bộ … ban hành Kế hoạch
 *   triển khai Thông tư số 15/2022/TT-BKHCN` issues an unnumbered plan, so the circular's date stays null. A date
 *   written after a reference belongs to that reference and never opens a clause for another.
 * - An impossible date (31/02/2023) is null. Otherwise null: the text does not state it.
 *
 * Each number once: the result holds one entry per number (compared without case, Đ as D) at its first occurrence,
 * sorted by `start`; the date is the first one any occurrence states; the type the first written one, else the
 * inferred one. A number without a symbol that abbreviates the only one cited in full with the same type (`Thông tư
 * số 15/2022` and `Thông tư số 15/2022/TT-BKHCN`, dates not in conflict) is that document, not a second entry.
 */

import { parseDate } from './format.ts';

export interface LegalRef {
  /** As written, spaces around `-` and `/` removed: `9737/QĐ-UBND`. */
  number: string;
  /** The document type written with it (or inferred from the symbol): `Quyết định`, `Decision`. */
  type: string;
  /** ISO yyyy-mm-dd, or null when the text does not state it (or states an impossible date). */
  date: string | null;
  /** Offsets into the text as given (UTF-16, end exclusive): from the type word when written, else the number. */
  start: number;
  end: number;
}

export interface LegalRefOptions {
  /** The language of inferred types; by default guessed from the text (English when few letters carry marks). */
  language?: 'vi' | 'en';
}

// ---- the text as matched: NFC per character cluster (for numbers) and folded (for words), same indices ----

interface View {
  /** NFC, cluster by cluster. */
  t: string;
  /** `t` folded character by character (same length): no marks, đ → d, lower case. */
  f: string;
  /** Original offset where the cluster holding t[i] starts / ends. Null when `t` is the input unchanged. */
  from: number[] | null;
  to: number[] | null;
}

const foldCache = new Map<string, string>();

function foldChar(c: string): string {
  let d = foldCache.get(c);
  if (d === undefined) {
    if (c === 'đ' || c === 'Đ') d = 'd';
    else {
      const stripped = c.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
      const lower = c.toLowerCase();
      d = stripped.length === 1 ? stripped : lower.length === 1 ? lower : c;
    }
    foldCache.set(c, d);
  }
  return d;
}

function viewOf(input: string): View {
  let t = input;
  let from: number[] | null = null;
  let to: number[] | null = null;
  if (input.normalize('NFC') !== input) {
    const parts: string[] = [];
    from = [];
    to = [];
    for (const m of input.matchAll(/\P{M}\p{M}*|\p{M}+/gsu)) {
      const n = m[0].normalize('NFC');
      parts.push(n);
      for (let k = 0; k < n.length; k++) {
        from.push(m.index);
        to.push(m.index + m[0].length);
      }
    }
    t = parts.join('');
  }
  let f = '';
  for (let i = 0; i < t.length; i++) f += foldChar(t[i]);
  return { t, f, from, to };
}

const origStart = (v: View, i: number) => (v.from ? v.from[i] : i);
const origEnd = (v: View, e: number) => (v.to ? (e === 0 ? 0 : v.to[e - 1]) : e);

// ---- document types ----

interface TypeName {
  /** As matched (folded for matching). */
  name: string;
  lang: 'vi' | 'en';
  /** The symbol codes a document of this type carries (for the title form); '' is an issuer first. */
  codes: string[];
  /** The type reported when it is not `name`. */
  as?: string;
}

/** Written type words (longest first within a prefix is not needed: a leftmost match is the longest). */
const TYPE_NAMES: TypeName[] = [
  { name: 'Thông tư liên tịch', lang: 'vi', codes: ['TTLT'] },
  { name: 'Nghị quyết liên tịch', lang: 'vi', codes: ['NQLT'] },
  { name: 'Văn bản hợp nhất', lang: 'vi', codes: ['VBHN'] },
  { name: 'Quyết định', lang: 'vi', codes: ['QĐ', 'QD'] },
  { name: 'Quy định', lang: 'vi', codes: ['QĐI', 'QDI'] },
  { name: 'Nghị quyết', lang: 'vi', codes: ['NQ', 'QH'] },
  { name: 'Nghị định', lang: 'vi', codes: ['NĐ', 'ND'] },
  { name: 'Kế hoạch', lang: 'vi', codes: ['KH'] },
  { name: 'Chương trình', lang: 'vi', codes: ['CTR'] },
  { name: 'Thông tư', lang: 'vi', codes: ['TT', 'TTLT'] },
  { name: 'Hiến pháp', lang: 'vi', codes: ['QH'] },
  { name: 'Bộ luật', lang: 'vi', codes: ['QH'] },
  { name: 'Luật', lang: 'vi', codes: ['QH'] },
  { name: 'Pháp lệnh', lang: 'vi', codes: ['PL'] },
  { name: 'Lệnh', lang: 'vi', codes: ['L'] },
  { name: 'Kết luận', lang: 'vi', codes: ['KL'] },
  { name: 'Chỉ thị', lang: 'vi', codes: ['CT'] },
  { name: 'Công văn', lang: 'vi', codes: ['', 'CV'] },
  { name: 'Văn bản', lang: 'vi', codes: ['', 'CV', 'VBHN'] },
  { name: 'Công điện', lang: 'vi', codes: ['CĐ', 'CD'] },
  { name: 'Thông báo', lang: 'vi', codes: ['TB'] },
  { name: 'Hướng dẫn', lang: 'vi', codes: ['HD'] },
  { name: 'Báo cáo', lang: 'vi', codes: ['BC'] },
  { name: 'Tờ trình', lang: 'vi', codes: ['TTR'] },
  { name: 'Đề án', lang: 'vi', codes: ['ĐA', 'DA'] },
  { name: 'Hợp đồng', lang: 'vi', codes: ['HĐ'] },
  { name: 'Tiêu chuẩn', lang: 'vi', codes: ['TCVN'] },
  { name: 'Quy chuẩn kỹ thuật quốc gia', lang: 'vi', codes: ['QCVN'], as: 'Quy chuẩn' },
  { name: 'Quy chuẩn', lang: 'vi', codes: ['QCVN'] },
  { name: 'Joint Circular', lang: 'en', codes: ['TTLT'] },
  { name: 'Decision', lang: 'en', codes: ['QĐ', 'QD'] },
  { name: 'Regulation', lang: 'en', codes: ['QĐI', 'QDI'] },
  { name: 'Resolution', lang: 'en', codes: ['NQ', 'QH'] },
  { name: 'Decree', lang: 'en', codes: ['NĐ', 'ND'] },
  { name: 'Plan', lang: 'en', codes: ['KH'] },
  { name: 'Programme', lang: 'en', codes: ['CTR'] },
  { name: 'Program', lang: 'en', codes: ['CTR'] },
  { name: 'Circular', lang: 'en', codes: ['TT', 'TTLT'] },
  { name: 'Law', lang: 'en', codes: ['QH'] },
  { name: 'Code', lang: 'en', codes: ['QH'] },
  { name: 'Constitution', lang: 'en', codes: ['QH'] },
  { name: 'Ordinance', lang: 'en', codes: ['PL'] },
  { name: 'Conclusion', lang: 'en', codes: ['KL'] },
  { name: 'Directive', lang: 'en', codes: ['CT'] },
  { name: 'Official Letter', lang: 'en', codes: ['', 'CV'] },
  { name: 'Official Dispatch', lang: 'en', codes: ['', 'CV', 'CĐ', 'CD'] },
  { name: 'Official Telegram', lang: 'en', codes: ['CĐ', 'CD'] },
  { name: 'Notice', lang: 'en', codes: ['TB'] },
  { name: 'Notification', lang: 'en', codes: ['TB'] },
  { name: 'Guidance', lang: 'en', codes: ['HD'] },
  { name: 'Guideline', lang: 'en', codes: ['HD'] },
  { name: 'Report', lang: 'en', codes: ['BC'] },
  { name: 'Submission', lang: 'en', codes: ['TTR'] },
  { name: 'Scheme', lang: 'en', codes: ['ĐA', 'DA'] },
  { name: 'Contract', lang: 'en', codes: ['HĐ'] },
  { name: 'Standard', lang: 'en', codes: ['TCVN'] },
  { name: 'Technical Regulation', lang: 'en', codes: ['QCVN'] },
];

/**
 * The type a symbol code stands for, Vietnamese and English (codes upper-cased, trailing digits dropped: QH15 → QH;
 * the unaccented spellings of English texts too). '' is an issuer first (SKHCN-QLCN, UBND-KT): an official letter.
 */
const INFERRED: Record<string, { vi: string; en: string }> = {
  QĐ: { vi: 'Quyết định', en: 'Decision' },
  QD: { vi: 'Quyết định', en: 'Decision' },
  QĐI: { vi: 'Quy định', en: 'Regulation' },
  QDI: { vi: 'Quy định', en: 'Regulation' },
  NQ: { vi: 'Nghị quyết', en: 'Resolution' },
  NQLT: { vi: 'Nghị quyết liên tịch', en: 'Joint Resolution' },
  KH: { vi: 'Kế hoạch', en: 'Plan' },
  CTR: { vi: 'Chương trình', en: 'Programme' },
  TT: { vi: 'Thông tư', en: 'Circular' },
  TTLT: { vi: 'Thông tư liên tịch', en: 'Joint Circular' },
  NĐ: { vi: 'Nghị định', en: 'Decree' },
  ND: { vi: 'Nghị định', en: 'Decree' },
  QH: { vi: 'Luật', en: 'Law' },
  PL: { vi: 'Pháp lệnh', en: 'Ordinance' },
  L: { vi: 'Lệnh', en: 'Order' },
  KL: { vi: 'Kết luận', en: 'Conclusion' },
  CT: { vi: 'Chỉ thị', en: 'Directive' },
  CV: { vi: 'Công văn', en: 'Official Letter' },
  CĐ: { vi: 'Công điện', en: 'Official Telegram' },
  CD: { vi: 'Công điện', en: 'Official Telegram' },
  TB: { vi: 'Thông báo', en: 'Notice' },
  HD: { vi: 'Hướng dẫn', en: 'Guidance' },
  BC: { vi: 'Báo cáo', en: 'Report' },
  TTR: { vi: 'Tờ trình', en: 'Submission' },
  ĐA: { vi: 'Đề án', en: 'Scheme' },
  DA: { vi: 'Đề án', en: 'Scheme' },
  HĐ: { vi: 'Hợp đồng', en: 'Contract' },
  VBHN: { vi: 'Văn bản hợp nhất', en: 'Consolidated Document' },
  TCVN: { vi: 'Tiêu chuẩn', en: 'Standard' },
  QCVN: { vi: 'Quy chuẩn', en: 'Technical Regulation' },
  '': { vi: 'Công văn', en: 'Official Letter' },
};

const foldWord = (s: string) => [...s.normalize('NFC')].map(foldChar).join('');
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const TYPE_BY_FOLDED = new Map(TYPE_NAMES.map((n) => [foldWord(n.name), n]));
const TYPES_RE = TYPE_NAMES.map((n) => escapeRe(foldWord(n.name)).replace(/ /g, '\\s+')).join('|');
const typeOfMatch = (folded: string) => TYPE_BY_FOLDED.get(folded.replace(/\s+/g, ' '))!;

/** A type word, then `số`/`No.`, at the end of the text before a number. */
const DIRECT = new RegExp(`(?<![\\p{L}\\p{N}])(${TYPES_RE})(\\s*(?:(?:so|no|nos|number)\\.?\\s*:?))?\\s*$`, 'u');
/** Every type word (for the title form). */
const TYPE_ANY = new RegExp(`(?<![\\p{L}\\p{N}])(?:${TYPES_RE})(?![\\p{L}\\p{N}])`, 'gu');
/** What may stand between a title's type word and `số`: no sentence punctuation, quotes or blank line. */
const TITLE_TAIL = /^(?:[^.;:!?()[\]"“”‘’…\n]|\n(?!\s*\n)){0,160}?\s(?:so|no\.?)\s*:?\s*$/;

// ---- numbers ----

const SP = '[ \\t\\u00a0]';
const DIGITS = /\d{1,5}(?!\d)/y;
const SEP = new RegExp(`(${SP}*)([-/–‑])(${SP}*)`, 'y');
const YEAR = /(?:19|20)\d{2}(?![\p{L}\p{N}])/uy;
const SYMBOL = /[A-ZĐ][A-ZĐ0-9&]*[a-z]{0,2}(?![\p{L}\p{N}])/uy;
/** Codes written in mixed case; any other token with a small letter is a word, not a symbol part. */
const MIXED_CASE = new Set(['TTg', 'CTr', 'Ctr', 'QĐi', 'QDi', 'TTr', 'Ttr']);
/** Where a number may start: not inside a word, a decimal, a date or another number (`12 / 7 / 2017`). */
const NUMBER_START = /(?<![\p{L}\p{N}_.:,]|[\p{L}\p{N}][ \t\u00a0]*[/–‑-][ \t\u00a0]*)\d/gu;
const STANDARD = new RegExp(
  `(?<![\\p{L}\\p{N}])(TCVN|QCVN)(?:${SP}+(ISO(?:${SP}*\\/${SP}*IEC)?|IEC))?${SP}+\\d{1,5}(?:${SP}*[-.:]${SP}*\\d{1,5})*`
  + `(?:${SP}*\\/${SP}*[A-ZĐ][A-ZĐ0-9&]*(?:${SP}*-${SP}*[A-ZĐ][A-ZĐ0-9&]*)*)?(?![\\p{L}\\p{N}])`, 'gu');

interface NumberMatch {
  start: number;
  end: number;
  number: string;
  /** The code of the first symbol part ('' when it is an issuer), null without a symbol. */
  code: string | null;
}

function at(re: RegExp, s: string, i: number): RegExpExecArray | null {
  re.lastIndex = i;
  return re.exec(s);
}

const codeKey = (token: string) => token.toUpperCase().replace(/\d+$/, '');

function readNumber(t: string, i: number): NumberMatch | null {
  const d = at(DIGITS, t, i);
  if (!d) return null;
  let pos = i + d[0].length;
  let number = d[0];
  let hasYear = false;
  let symbols = 0;
  let code: string | null = null;
  for (;;) {
    const sep = at(SEP, t, pos);
    if (!sep) break;
    const spaced = sep[1].length > 0 || sep[3].length > 0;
    if (spaced && sep[2] !== '-' && sep[2] !== '/') break;
    const next = pos + sep[0].length;
    const slash = sep[2] === '/';
    const year = slash && !hasYear && symbols === 0 ? at(YEAR, t, next) : null;
    if (year) {
      hasYear = true;
      number += `/${year[0]}`;
      pos = next + year[0].length;
      continue;
    }
    const sym = hasYear && symbols === 0 && !slash ? null : at(SYMBOL, t, next); // 12/2022/NQ, not 12/2022-NQ
    if (!sym) break;
    const token = sym[0];
    if (/[a-z]/.test(token) && (spaced || !MIXED_CASE.has(token))) break;
    if (symbols === 0) code = codeKey(token);
    symbols++;
    number += (slash ? '/' : '-') + token;
    pos = next + token.length;
  }
  if (symbols === 0) {
    // A number without a symbol must not be the start of a date or a fraction (12/7/2017, 1/2).
    const sep = at(SEP, t, pos);
    if (sep && /\d/.test(t[pos + sep[0].length] ?? '')) return null;
    if (/[\p{L}]/u.test(t[pos] ?? '')) return null;
  }
  return { start: i, end: pos, number, code: symbols > 0 ? (code! in INFERRED ? code : '') : null };
}

function findNumbers(t: string): NumberMatch[] {
  const out: NumberMatch[] = [];
  const taken: [number, number][] = [];
  for (const m of t.matchAll(STANDARD)) {
    const number = m[0].replace(/\s+/g, ' ').replace(/ ?([-/:.]) ?/g, '$1');
    out.push({ start: m.index, end: m.index + m[0].length, number, code: m[1] });
    taken.push([m.index, m.index + m[0].length]);
  }
  let last = 0;
  for (const m of t.matchAll(NUMBER_START)) {
    if (m.index < last || taken.some(([s, e]) => m.index >= s && m.index < e)) continue;
    const n = readNumber(t, m.index);
    if (!n) continue;
    out.push(n);
    last = n.end;
  }
  return out.sort((a, b) => a.start - b.start);
}

// ---- dates ----

const MONTHS_EN = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december'];
const MONTH_EN = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DATE_FORMS: { re: RegExp; parts: (m: RegExpExecArray) => [string, string | number, string] }[] = [
  { re: /(\d{1,2})[ \t]*([/.-])[ \t]*(\d{1,2})[ \t]*\2[ \t]*(\d{4})(?!\d)/y, parts: (m) => [m[1], m[3], m[4]] },
  { re: /(\d{1,2})\s+thang\s+(\d{1,2})\s*,?\s+nam\s+(\d{4})(?!\d)/y, parts: (m) => [m[1], m[2], m[3]] },
  { re: new RegExp(`${MONTH_EN}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s*,?\\s+(\\d{4})(?!\\d)`, 'y'), parts: (m) => [m[2], monthEn(m[1]), m[3]] },
  { re: new RegExp(`(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_EN}\\s*,?\\s+(\\d{4})(?!\\d)`, 'y'), parts: (m) => [m[1], monthEn(m[2]), m[3]] },
];

const monthEn = (name: string) => MONTHS_EN.findIndex((full) => full.startsWith(name.slice(0, 3))) + 1;

/** ISO yyyy-mm-dd of a day, month and year, null when there is no such day (31/02). */
const isoDate = (d: string, m: string | number, y: string): string | null => parseDate(`${d}/${m}/${y}`);

interface DateMatch { end: number; iso: string | null }

/** A date written at `i` of the folded text (numeric, "13 tháng 8 năm 2024", English): its ISO value and end. */
function readDate(f: string, i: number): DateMatch | null {
  for (const form of DATE_FORMS) {
    const m = at(form.re, f, i);
    if (m) return { end: i + m[0].length, iso: isoDate(...form.parts(m)) };
  }
  return null;
}

/** After a number: the words that lead to its own date (`ngày`, `dated`…), matched on the folded text. */
const TRAILING = [
  new RegExp(`${SP}*,?\\s*\\(?\\s*(?:(?:duoc\\s+)?(?:ky\\s+)?ban\\s+hanh\\s+)?ngay\\s*:?\\s*`, 'y'),
  new RegExp(`${SP}*,?\\s*(?:dated|issued\\s+on|signed\\s+on|adopted\\s+on|of|on)\\s+`, 'y'),
];
/** A date that opens a clause: "Ngày 12/7/2017, …", "On July 12, 2017, …". */
const LEAD = /(?<![\p{L}\p{N}])(?:ngay|on)\s*:?\s*/gu;
/** The verbs that say the reference right after them was issued then. */
const ISSUED = /(?<![\p{L}\p{N}])(?:ky\s+ban\s+hanh|ban\s+hanh|ky|thong\s+qua|phat\s+hanh|co|issued|promulgated|signed|adopted|passed)\s+/gu;
/** A sentence ends at . ; ! ? before a space (not the last dot of "..."), or at a line break. */
const SENTENCE_END = /(?<!\.)[.;!?](?=\s|$)|\n/;
const LIST_JOIN = /\s*(?:,\s*(?:(?:va|and)\s+)?|(?:va|and)\s+)/y;

// ---- the extraction ----

interface Occurrence {
  start: number;
  end: number;
  number: string;
  key: string;
  code: string | null;
  written: TypeName | null;
  date: string | null;
  /** The trailing date phrase, if any: from the end of the number, where its date starts, where it ends. */
  dateFrom?: number;
  dateAt?: number;
  dateTo?: number;
}

const VI_WORDS = new Set(['cua', 'va', 'so', 'ngay', 'theo', 'can', 'cu', 'thuc', 'hien', 've', 'viec', 'cac', 'tinh',
  'ban', 'hanh', 'trien', 'khai', 'nam', 'thang', 'tai', 'cho', 'voi', 'duoc']);
const EN_WORDS = new Set(['the', 'of', 'and', 'to', 'in', 'on', 'for', 'by', 'with', 'under', 'pursuant', 'dated', 'no',
  'is', 'was', 'issued', 'provincial', 'people']);

/**
 * English when under 5 % of the letters carry Vietnamese marks and English function words outnumber Vietnamese
 * ones (unaccented Vietnamese, short texts such as "Theo 98/KH-UBND" stay Vietnamese).
 */
function guessLanguage(v: View): 'vi' | 'en' {
  const sample = v.t.slice(0, 20_000);
  let letters = 0;
  let marked = 0;
  for (const c of sample) {
    if (!/\p{L}/u.test(c)) continue;
    letters++;
    if (c === 'đ' || c === 'Đ' || c.normalize('NFD').length > 1) marked++;
  }
  if (letters === 0 || marked / letters >= 0.05) return 'vi';
  let vi = 0;
  let en = 0;
  for (const w of v.f.slice(0, 20_000).split(/[^\p{L}]+/u)) {
    if (VI_WORDS.has(w)) vi++;
    if (EN_WORDS.has(w)) en++;
  }
  return en > vi ? 'en' : 'vi';
}

const numberKey = (n: string) => n.toUpperCase().replace(/Đ/g, 'D');

/**
 * A number/symbol typed by a person, written as `extractLegalRefs` reports numbers: NFC, an en dash as `-`, the
 * spaces around `-`, `/` and `:` removed, other space runs collapsed (`98 / KH – UBND` → `98/KH-UBND`).
 */
export function normalizeLegalNumber(n: string): string {
  return n.normalize('NFC').trim().replace(/[–‑]/g, '-').replace(/[ \t\u00a0]*([-/:])[ \t\u00a0]*/g, '$1').replace(/\s+/g, ' ');
}

/** What two numbers are compared by (the registry's uniqueness, matching a reference): normalised, case-free, Đ as D. */
export const legalNumberKey = (n: string): string => numberKey(normalizeLegalNumber(n));

/** The written type of a number at [n.start, …): directly before it, or a capitalised type before a title. */
function writtenType(v: View, n: NumberMatch, floor: number): { type: TypeName; start: number } | null {
  const from = Math.max(floor, n.start - 200);
  const before = v.f.slice(from, n.start);
  const direct = DIRECT.exec(before);
  if (direct) {
    const hasSo = Boolean(direct[2]);
    if (n.code !== null || hasSo) return { type: typeOfMatch(direct[1]), start: from + direct.index };
  }
  if (n.code === null) return null;
  let best: { type: TypeName; start: number } | null = null;
  for (const m of before.matchAll(TYPE_ANY)) {
    const s = from + m.index;
    const type = typeOfMatch(m[0]);
    if (v.t[s] === v.t[s].toLowerCase()) continue;
    if (!type.codes.includes(n.code)) continue;
    if (!TITLE_TAIL.test(v.f.slice(s + m[0].length, n.start))) continue;
    best = { type, start: s };
  }
  return best;
}

function occurrencesOf(v: View): Occurrence[] {
  const out: Occurrence[] = [];
  let floor = 0;
  for (const n of findNumbers(v.t)) {
    const w = writtenType(v, n, floor);
    if (n.code === null && !w) continue;
    const occ: Occurrence = {
      start: w ? w.start : n.start, end: n.end, number: n.number, key: numberKey(n.number), code: n.code,
      written: w ? w.type : null, date: null,
    };
    for (const re of TRAILING) {
      const lead = at(re, v.f, n.end);
      if (!lead) continue;
      const d = readDate(v.f, n.end + lead[0].length);
      if (!d) continue;
      occ.date = d.iso;
      occ.dateFrom = n.end;
      occ.dateAt = n.end + lead[0].length;
      occ.dateTo = d.end;
      break;
    }
    out.push(occ);
    floor = occ.dateTo ?? occ.end;
  }
  return out;
}

/** Dates that open a clause whose verb issues the reference right after it. */
function attachLeadDates(v: View, occs: Occurrence[]) {
  const byStart = new Map(occs.map((o) => [o.start, o]));
  const claimed = new Set(occs.map((o) => o.dateAt));
  const dates: { start: number; end: number; iso: string | null }[] = [];
  for (const m of v.f.matchAll(LEAD)) {
    const pos = m.index + m[0].length;
    const d = claimed.has(pos) ? null : readDate(v.f, pos);
    if (d) dates.push({ start: m.index, end: d.end, iso: d.iso });
  }
  for (const [k, date] of dates.entries()) {
    const window = v.f.slice(date.end, Math.min(date.end + 300, dates[k + 1]?.start ?? v.f.length));
    const end = window.search(SENTENCE_END);
    const clause = end < 0 ? window : window.slice(0, end);
    for (const verb of clause.matchAll(ISSUED)) {
      let occ = byStart.get(date.end + verb.index + verb[0].length);
      while (occ) {
        if (occ.dateFrom === undefined) occ.date = date.iso;
        const join = at(LIST_JOIN, v.f, occ.dateTo ?? occ.end);
        occ = join ? byStart.get((occ.dateTo ?? occ.end) + join[0].length) : undefined;
      }
    }
  }
}

/** The document references `text` cites, once per number, in order of first occurrence (see the file comment). */
export function extractLegalRefs(text: string, options: LegalRefOptions = {}): LegalRef[] {
  const v = viewOf(text);
  const language = options.language ?? guessLanguage(v);
  const occs = occurrencesOf(v);
  attachLeadDates(v, occs);

  interface Entry { occ: Occurrence; type: TypeName | null; date: string | null }
  const entries = new Map<string, Entry>();
  for (const o of occs) {
    const e = entries.get(o.key);
    if (!e) {
      entries.set(o.key, { occ: o, type: o.written, date: o.date });
      continue;
    }
    e.type ??= o.written;
    if (e.date === null && o.date !== null) e.date = o.date;
  }
  const typeName = (e: Entry) => {
    if (e.type) return e.type.as ?? e.type.name;
    const inferred = INFERRED[e.occ.code ?? ''] ?? INFERRED[''];
    return inferred[language];
  };
  // An abbreviated number (no symbol) of a document cited in full with the same type is that document.
  for (const [key, e] of entries) {
    if (e.occ.code !== null) continue;
    const full = [...entries.values()].filter((x) => x.occ.code !== null && x.occ.key.startsWith(`${key}/`)
      && typeName(x) === typeName(e) && (x.date === null || e.date === null || x.date === e.date));
    if (full.length !== 1) continue;
    full[0].date ??= e.date;
    entries.delete(key);
  }

  return [...entries.values()]
    .sort((a, b) => a.occ.start - b.occ.start)
    .map((e) => ({
      number: e.occ.number, type: typeName(e), date: e.date,
      start: origStart(v, e.occ.start), end: origEnd(v, e.occ.end),
    }));
}
