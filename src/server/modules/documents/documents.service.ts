/**
 * Administrative documents (văn bản hành chính) as DOCX, in the layout of Decree 30/2020/NĐ-CP, Phụ lục I
 * ("Thể thức, kỹ thuật trình bày văn bản hành chính"):
 *  - A4 paper, margins top and bottom 20 mm, left 30 mm, right 15 mm (the Decree allows 20–25 / 30–35 / 15–20);
 *  - Times New Roman, body 13 or 14 pt, justified, first line indented 1 cm, at least 6 pt between paragraphs;
 *  - the header as a borderless two-column table: governing body (upright capitals) and issuing agency (bold
 *    capitals, a short rule under it) with "Số: …" on the left; the national motto (bold capitals 12 pt), the
 *    slogan "Độc lập - Tự do - Hạnh phúc" (bold, a rule as long as the line under it) and the italic place-and-date
 *    line on the right;
 *  - document type in bold capitals and its title in bold, centred;
 *  - at the end "Nơi nhận:" (bold italic 12 pt) with its list (11 pt) on the left and the signature block on the
 *    right (authority and position in bold capitals, space to sign, the name in bold);
 *  - page numbers centred in the header from the second page.
 * The input is plain data validated by `AdministrativeDocument` (src/shared/schemas/documents.ts).
 */
import {
  AlignmentType, BorderStyle, Document, Header, Packer, PageNumber, Paragraph, Table, TableCell, TableLayoutType,
  TableRow, TextRun, VerticalAlignTable, WidthType, type FileChild, type IBorderOptions,
} from 'docx';
import { formatDateLong } from '../../../lib/vi/format.ts';
import {
  AdministrativeDocument, type DocBlock, type DocInline, type DocRun, type DocSigner,
} from '../../../shared/schemas/documents.ts';

/** Millimetres to twips (1/20 pt; 1 inch = 25.4 mm = 1440 twips). */
export const mm = (v: number) => Math.round((v * 1440) / 25.4);

/** The page of Decree 30: A4 (210 × 297 mm) and its margins, in twips. */
export const PAGE = {
  width: 11906,
  height: 16838,
  margin: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15), header: mm(10), footer: mm(10) },
} as const;
export const FONT = 'Times New Roman';
/** Width of the text area. */
const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;
/**
 * Header table: the agency column and the motto column. Measured in Liberation Serif (metrically identical to
 * Times New Roman): "SỞ KHOA HỌC VÀ CÔNG NGHỆ" bold 12 pt is 6.3 cm, the motto bold 12 pt 9.0 cm.
 */
const HEADER_LEFT = mm(70);
const HEADER_RIGHT = TEXT_WIDTH - HEADER_LEFT;
/** Signature table: recipients on the left, signer on the right. */
const SIGN_LEFT = Math.round(TEXT_WIDTH * 0.45);
const SIGN_RIGHT = TEXT_WIDTH - SIGN_LEFT;
const FIRST_LINE_INDENT = mm(10);

const pt = (v: number) => v * 2; // docx sizes are half-points
const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'auto' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 };
const THIN: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

/**
 * Rough width in twips of a line of Times New Roman (average advance widths by character class, bold ≈ +5 %).
 * Used only to size the rules under the agency name and the slogan, which the Decree ties to the text length.
 */
export function estimateTextWidth(text: string, sizePt: number, bold = false): number {
  let em = 0;
  for (const ch of text.normalize('NFC')) {
    const base = ch.normalize('NFD')[0];
    if (base === ' ') em += 0.25;
    else if (/[-.,;:!()'/]/.test(base)) em += 0.3;
    else if (/[0-9]/.test(base)) em += 0.5;
    else if (/[ilj]/.test(base)) em += 0.28;
    else if (/[mw]/.test(base)) em += 0.75;
    else if (/[MW]/.test(base)) em += 0.92;
    else if (/[IJ]/.test(base)) em += 0.4;
    else if (/\p{Lu}|Đ/u.test(base)) em += 0.7;
    else em += 0.47;
  }
  return Math.round(em * sizePt * 20 * (bold ? 1.05 : 1));
}

interface RunStyle { size: number; bold?: boolean; italic?: boolean; underline?: boolean }

function runs(inline: DocInline, style: RunStyle): TextRun[] {
  const parts: DocRun[] = typeof inline === 'string' ? [{ text: inline }] : inline;
  return parts.map((p) => new TextRun({
    text: p.text,
    size: pt(style.size),
    bold: p.bold ?? style.bold,
    italics: p.italic ?? style.italic,
    underline: (p.underline ?? style.underline) ? {} : undefined,
  }));
}

/** Line height of the header, title and signature lines: 1.1 lines, room for stacked Vietnamese diacritics (Ầ, Ể). */
const TIGHT_LINE = 264;

interface LineStyle extends RunStyle {
  align?: (typeof AlignmentType)[keyof typeof AlignmentType];
  after?: number;
  before?: number;
  /** Line height in 240ths of a line. */
  height?: number;
}

function line(text: string, style: LineStyle) {
  return new Paragraph({
    alignment: style.align ?? AlignmentType.CENTER,
    spacing: { before: style.before ?? 0, after: style.after ?? 0, line: style.height ?? TIGHT_LINE },
    children: runs(text, style),
  });
}

/** A horizontal rule of the given length, centred in a cell of the given width (an empty paragraph's top border). */
function rule(length: number, cellWidth: number) {
  const side = Math.max(0, Math.round((cellWidth - length) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    // Spacing before keeps the rule clear of the dots below (ạ, ọ, ệ) of the line above.
    spacing: { before: 50, after: 0, line: 240 },
    border: { top: LINE },
    run: { size: 2 },
    children: [],
  });
}

function borderlessCell(width: number, children: Paragraph[], vertical: 'top' | 'bottom' = 'top') {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
    borders: { top: NONE, bottom: NONE, left: NONE, right: NONE },
    verticalAlign: vertical === 'top' ? VerticalAlignTable.TOP : VerticalAlignTable.BOTTOM,
    children: children.length ? children : [new Paragraph({ children: [] })],
  });
}

function borderlessTable(widths: number[], rows: Paragraph[][][]) {
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: rows.map((cells) => new TableRow({
      children: cells.map((c, i) => borderlessCell(widths[i], c)),
    })),
  });
}

/** Capitals with Vietnamese rules (toLocaleUpperCase keeps the tone marks: "Sở" → "SỞ"). */
const caps = (s: string) => s.toLocaleUpperCase('vi-VN');

function headerBlock(doc: ReturnType<typeof AdministrativeDocument.parse>): Table {
  const agencySize = 12;
  const left: Paragraph[] = [];
  if (doc.governingBody) left.push(line(caps(doc.governingBody), { size: agencySize }));
  const agency = caps(doc.issuingAgency);
  left.push(line(agency, { size: agencySize, bold: true }));
  // A rule one third of the agency name, at least 2 cm (Decree 30: "từ 1/3 đến 1/2 độ dài của dòng chữ").
  left.push(rule(Math.max(mm(20), Math.round(estimateTextWidth(agency, agencySize, true) / 3)), HEADER_LEFT));

  const motto = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
  const slogan = 'Độc lập - Tự do - Hạnh phúc';
  const sloganSize = 13;
  // The rule under the slogan is as long as the slogan (Decree 30, Phụ lục I, mục II.1): measured, 5.87 cm.
  const SLOGAN_WIDTH_13PT = 3330;
  const right: Paragraph[] = [
    line(motto, { size: 12, bold: true }),
    line(slogan, { size: sloganSize, bold: true }),
    rule(SLOGAN_WIDTH_13PT, HEADER_RIGHT),
  ];
  const numberLine = line(`Số: ${doc.number}`, { size: 13, before: 120 });
  const dateLine = line(`${doc.place}, ${formatDateLong(doc.date)}`, { size: doc.fontSize, italic: true, before: 120 });
  return borderlessTable([HEADER_LEFT, HEADER_RIGHT], [[left, right], [[numberLine], [dateLine]]]);
}

function titleBlock(doc: ReturnType<typeof AdministrativeDocument.parse>): Paragraph[] {
  const out = [line(caps(doc.documentType), { size: doc.fontSize, bold: true, before: 480, after: 0, height: 288 })];
  if (doc.title) {
    out.push(line(doc.title, { size: doc.fontSize, bold: true, after: 0, height: 288 }));
    // The rule under the title: a third of its (first line) length (Decree 30, Phụ lục I, mục II.6).
    const len = Math.min(Math.round(estimateTextWidth(doc.title, doc.fontSize, true) / 3), mm(40));
    out.push(rule(Math.max(len, mm(15)), TEXT_WIDTH));
  }
  out.push(new Paragraph({ spacing: { after: 120 }, children: [] }));
  return out;
}

const ALIGN = {
  justify: AlignmentType.JUSTIFIED, left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT,
} as const;

function prefix(style: 'decimal' | 'alpha' | 'dash' | 'plus', i: number): string {
  switch (style) {
    case 'decimal': return `${i + 1}. `;
    case 'alpha': return `${'abcdeghiklmnopqrstuvxy'[i % 22]}) `; // Vietnamese documents skip f, j, w, z
    case 'dash': return '- ';
    case 'plus': return '+ ';
  }
}

function withPrefix(inline: DocInline, p: string): DocRun[] {
  return typeof inline === 'string' ? [{ text: p + inline }] : [{ text: p }, ...inline];
}

function bodyBlock(block: DocBlock, size: number): FileChild[] {
  const spacing = { before: 0, after: 120, line: 276 }; // 6 pt after; 1.15 lines
  switch (block.type) {
    case 'paragraph':
      return [new Paragraph({
        alignment: ALIGN[block.align ?? 'justify'],
        indent: block.indent === false || block.align === 'center' ? undefined : { firstLine: FIRST_LINE_INDENT },
        spacing,
        children: runs(block.text, { size, italic: block.italic }),
      })];
    case 'heading':
      return [new Paragraph({
        alignment: block.align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
        indent: block.align === 'center' ? undefined : { firstLine: FIRST_LINE_INDENT },
        spacing: { ...spacing, before: 120 },
        keepNext: true,
        children: runs(block.text, { size, bold: true }),
      })];
    case 'list': {
      const style = block.style ?? 'decimal';
      return block.items.map((item, i) => new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        indent: { firstLine: FIRST_LINE_INDENT },
        spacing,
        children: runs(withPrefix(item, prefix(style, i)), { size }),
      }));
    }
    case 'table':
      return [dataTable(block, size), new Paragraph({ spacing: { after: 120 }, children: [] })];
    case 'pageBreak':
      return [new Paragraph({ pageBreakBefore: true, children: [] })];
  }
}

function dataTable(block: Extract<DocBlock, { type: 'table' }>, bodySize: number): Table {
  const size = block.fontSize ?? Math.min(bodySize, 12);
  const shares = block.columns.map((c) => c.width ?? 1);
  const total = shares.reduce((a, b) => a + b, 0);
  const widths = shares.map((s) => Math.floor((TEXT_WIDTH * s) / total));
  const cell = (text: string, width: number, o: { bold?: boolean; align?: 'left' | 'center' | 'right' }) => new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: { left: 80, right: 80, top: 40, bottom: 40 },
    verticalAlign: VerticalAlignTable.CENTER,
    children: text.split('\n').map((t) => new Paragraph({
      alignment: ALIGN[o.align ?? 'left'],
      spacing: { before: 0, after: 0, line: 240 },
      children: runs(t, { size, bold: o.bold }),
    })),
  });
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.columns.map((c, i) => cell(c.header, widths[i], { bold: true, align: 'center' })),
  });
  const rows = block.rows.map((r, ri) => new TableRow({
    cantSplit: true,
    children: block.columns.map((c, i) => cell(r[i] === undefined ? '' : String(r[i]), widths[i], {
      align: c.align, bold: block.totalRow && ri === block.rows.length - 1,
    })),
  }));
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN },
    rows: [header, ...rows],
  });
}

/** Recipients as Decree 30 writes them: "- Như trên;" … "- Lưu: VT, …." */
function recipientParagraphs(recipients: string[]): Paragraph[] {
  if (recipients.length === 0) return [];
  const items = recipients.map((r, i) => {
    const t = r.trim().replace(/^[-–+]\s*/, '').replace(/[;.,]+$/, '');
    return `- ${t}${i === recipients.length - 1 ? '.' : ';'}`;
  });
  return [
    line('Nơi nhận:', { size: 12, bold: true, italic: true, align: AlignmentType.LEFT }),
    ...items.map((t) => line(t, { size: 11, align: AlignmentType.LEFT })),
  ];
}

function signerParagraphs(s: DocSigner, size: number, alignWithAuthority = false): Paragraph[] {
  const out: Paragraph[] = [];
  if (s.authority) out.push(line(caps(s.authority), { size, bold: true }));
  // Side by side with a signer who has an authority line: a blank line keeps titles and names level.
  else if (alignWithAuthority) out.push(line('', { size, bold: true }));
  out.push(line(caps(s.title), { size, bold: true }));
  // Space to sign and stamp (about 3 cm).
  for (let i = 0; i < 4; i++) out.push(line('', { size }));
  if (s.name) out.push(line(s.name, { size, bold: true }));
  return out;
}

function closingBlock(doc: ReturnType<typeof AdministrativeDocument.parse>): Table {
  const rec = recipientParagraphs(doc.recipients);
  if (doc.signers.length === 1) {
    return borderlessTable([SIGN_LEFT, SIGN_RIGHT], [[rec, signerParagraphs(doc.signers[0], doc.fontSize)]]);
  }
  const half = Math.round(TEXT_WIDTH / 2);
  const [a, b] = doc.signers;
  const rows: Paragraph[][][] = [[
    signerParagraphs(a, doc.fontSize, !!b.authority), signerParagraphs(b, doc.fontSize, !!a.authority),
  ]];
  if (rec.length) rows.push([[new Paragraph({ spacing: { before: 240 }, children: [] }), ...rec], []]);
  return borderlessTable([half, TEXT_WIDTH - half], rows);
}

/** Renders the document as a .docx file. */
export async function renderAdministrativeDocument(input: AdministrativeDocument): Promise<Buffer> {
  const doc = AdministrativeDocument.parse(input);
  const children: FileChild[] = [
    headerBlock(doc),
    ...titleBlock(doc),
    ...doc.body.flatMap((b) => bodyBlock(b, doc.fontSize)),
    new Paragraph({ spacing: { after: 120 }, keepNext: true, children: [] }),
    closingBlock(doc),
  ];
  const file = new Document({
    creator: doc.issuingAgency,
    title: [doc.documentType, doc.title].filter(Boolean).join(' '),
    description: `Số: ${doc.number}`,
    styles: {
      default: {
        document: {
          run: { font: FONT, size: pt(doc.fontSize), language: { value: 'vi-VN' } },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
      },
    },
    sections: [{
      properties: {
        titlePage: true,
        page: { size: { width: PAGE.width, height: PAGE.height }, margin: { ...PAGE.margin } },
      },
      headers: {
        // Decree 30: page numbers in the top margin, centred, from the second page on.
        first: new Header({ children: [new Paragraph({ children: [] })] }),
        default: new Header({
          children: [new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ children: [PageNumber.CURRENT], size: pt(13) })],
          })],
        }),
      },
      children,
    }],
  });
  return Packer.toBuffer(file);
}

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * Most UTF-8 bytes of a generated file's name, extension included. File systems allow 255 (ext4, APFS; NTFS 255
 * UTF-16 units) and Windows paths 260 characters in all, so a name saved into a Downloads folder stays below both.
 */
export const MAX_FILENAME_BYTES = 200;

const utf8Bytes = (s: string) => Buffer.byteLength(s, 'utf8');

/**
 * Where a long name is cut: at the end of the last phrase that fits (before ", ", "; ", " - ", " (" or after ")"),
 * unless that leaves less than half the room; else after the last whole syllable that fits. Vietnamese words are
 * syllables separated by spaces, so a cut elsewhere splits a word ("…Đức Huệ, Vĩnh" of "Vĩnh Hưng" was one).
 */
function cutAtWord(text: string, budget: number): string {
  let phrase = -1;
  let space = -1;
  for (let i = 1; i < text.length; i++) {
    if (text[i] !== ' ') continue;
    if (utf8Bytes(text.slice(0, i)) > budget) break;
    space = i;
    if (/[,;)]/.test(text[i - 1]) || /[(\-–]/.test(text[i + 1] ?? '')) phrase = i;
  }
  const at = phrase > 0 && utf8Bytes(text.slice(0, phrase)) >= budget / 2 ? phrase : space;
  if (at > 0) return text.slice(0, at);
  // One word longer than all the room: cut it between characters, the only place left.
  let out = '';
  for (const ch of text) {
    if (utf8Bytes(out + ch) > budget) break;
    out += ch;
  }
  return out;
}

/**
 * The name of a generated file: a colon becomes " - ", other characters file systems refuse (\ / * ? " < > | and
 * control characters) spaces; NFC with single spaces; a long name is cut at a phrase or word (`cutAtWord`) to fit
 * in `maxBytes` UTF-8 bytes with its extension, without the punctuation left dangling at the cut, and never ends
 * in a dot or a space (Windows drops them). The download header carries it as UTF-8 (`contentDisposition`).
 */
export function documentFilename(stem: string, extension: string, maxBytes = MAX_FILENAME_BYTES): string {
  const ext = `.${extension}`;
  const budget = maxBytes - utf8Bytes(ext);
  let out = stem.normalize('NFC').replace(/\s*:\s*/gu, ' - ').replace(/[\\/*?"<>|\p{Cc}]+/gu, ' ').replace(/\s+/gu, ' ').trim();
  if (utf8Bytes(out) > budget) out = cutAtWord(out, budget).replace(/[\s,;:\-–—(]+$/u, '');
  out = out.replace(/[\s.]+$/u, '');
  return `${out || 'document'}${ext}`;
}
