/**
 * An administrative document (văn bản hành chính) to be rendered in the layout of Decree 30/2020/NĐ-CP
 * (Nghị định 30/2020/NĐ-CP về công tác văn thư, Phụ lục I). The content is plain data; the layout (page, fonts,
 * header table, signature block) belongs to src/server/modules/documents.
 */
import { z } from 'zod';
import { IsoDate } from './common.ts';

/**
 * Who issues a document and where (Decree 30/2020, Phụ lục I, mục II): the two header lines, the place of the date
 * line and the symbol of the number. A province's DOST documents take it from the agency issuing them on the
 * document's date (`documentHeadingOn` of the agencies module).
 */
export interface DocumentHeading {
  /** Governing body, upper case: "UBND TỈNH LONG AN"; null for an agency with none. */
  governingBody: string | null;
  /** Issuing agency, upper case: "SỞ KHOA HỌC VÀ CÔNG NGHỆ". */
  issuingAgency: string;
  /** Place name of the date line: "Long An". */
  place: string;
  /** Abbreviation of the agency in document numbers: "SKHCN". */
  symbol: string;
}

/** A piece of text with its emphasis; a paragraph is a string or a list of these. */
export const DocRun = z.object({
  text: z.string().max(20_000),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  underline: z.boolean().optional(),
});
export type DocRun = z.infer<typeof DocRun>;

export const DocInline = z.union([z.string().max(20_000), z.array(DocRun).max(200)]);
export type DocInline = z.infer<typeof DocInline>;

export const DocBlock = z.discriminatedUnion('type', [
  /** Body text: justified, first line indented 1 cm (Decree 30, Phụ lục I, khoản 8 mục II). */
  z.object({
    type: z.literal('paragraph'),
    text: DocInline,
    align: z.enum(['justify', 'left', 'center', 'right']).optional(),
    /** false: no first-line indent (for label lines such as "Thời gian: …"). */
    indent: z.boolean().optional(),
    italic: z.boolean().optional(),
  }),
  /** A section heading: bold, e.g. "I. THÀNH PHẦN THAM DỰ" or "1. Kết quả bỏ phiếu". */
  z.object({ type: z.literal('heading'), text: z.string().max(1000), align: z.enum(['left', 'center']).optional() }),
  /** Items numbered "1.", "a)", "-" or "+" by the generator (hanging indent, as Vietnamese documents write them). */
  z.object({
    type: z.literal('list'),
    style: z.enum(['decimal', 'alpha', 'dash', 'plus']).default('decimal'),
    items: z.array(DocInline).max(500),
  }),
  /** A bordered table; the header row repeats on each page. */
  z.object({
    type: z.literal('table'),
    columns: z.array(z.object({
      header: z.string().max(200),
      /** Relative width (any unit; shares of the text width). */
      width: z.number().positive().optional(),
      align: z.enum(['left', 'center', 'right']).optional(),
    })).min(1).max(20),
    rows: z.array(z.array(z.union([z.string().max(5000), z.number()]))).max(5000),
    /** Bold last row (totals). */
    totalRow: z.boolean().optional(),
    fontSize: z.number().min(9).max(14).optional(),
  }),
  /** A page break (e.g. before an annex). */
  z.object({ type: z.literal('pageBreak') }),
]);
export type DocBlock = z.input<typeof DocBlock>;

/** One signature: "TM. HỘI ĐỒNG" / "CHỦ TỊCH" / (signature space) / "Nguyễn Văn A". */
export const DocSigner = z.object({
  /** Authority to sign (quyền hạn): "TM. HỘI ĐỒNG", "KT. GIÁM ĐỐC", "Q. GIÁM ĐỐC"… Upper case, bold. */
  authority: z.string().max(200).nullable().optional(),
  /** Position (chức vụ), upper case, bold: "CHỦ TỊCH", "THƯ KÝ", "PHÓ GIÁM ĐỐC". */
  title: z.string().min(1).max(200),
  /** Full name, bold, with initial capitals. */
  name: z.string().max(200).nullable().optional(),
});
export type DocSigner = z.infer<typeof DocSigner>;

export const AdministrativeDocument = z.object({
  /** Governing body (cơ quan chủ quản), upright capitals: "UBND TỈNH TÂY NINH". Omitted for top-level agencies. */
  governingBody: z.string().max(200).nullable().optional(),
  /** Issuing agency (cơ quan ban hành), bold capitals: "SỞ KHOA HỌC VÀ CÔNG NGHỆ". */
  issuingAgency: z.string().min(1).max(200),
  /** Number and symbol without "Số:", e.g. "12/BB-SKHCN"; a draft may leave the number blank: "   /BB-SKHCN". */
  number: z.string().max(100),
  /** Place name of the date line: "Tây Ninh". */
  place: z.string().min(1).max(100),
  date: IsoDate,
  /** Document type (tên loại), bold capitals: "BIÊN BẢN", "QUYẾT ĐỊNH", "BÁO CÁO". */
  documentType: z.string().min(1).max(100),
  /** Summary title (trích yếu), bold, under the type: "Họp Hội đồng tư vấn tuyển chọn …". */
  title: z.string().max(1000).nullable().optional(),
  body: z.array(DocBlock).max(5000),
  /** Recipients (nơi nhận), without the leading "-" or trailing ";" (added by the generator). */
  recipients: z.array(z.string().max(300)).max(100).default([]),
  /**
   * One signer (on the right, recipients on the left), or two: the first on the left (e.g. the secretary of a
   * meeting, "THƯ KÝ"), the second on the right (the chair, "CHỦ TỌA"), with the recipients under them.
   */
  signers: z.array(DocSigner).min(1).max(2),
  /** Body font size in points: 13 or 14 (Decree 30 allows both). */
  fontSize: z.union([z.literal(13), z.literal(14)]).default(14),
});
export type AdministrativeDocument = z.input<typeof AdministrativeDocument>;
