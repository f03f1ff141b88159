/**
 * The heading of a province's documents (Decree 30/2020/NĐ-CP, Phụ lục I, mục II), from the agency that issues them
 * on the document's date. Pure functions of the agency's data, tested without a database.
 */
import { fold } from '../../../lib/vi/fold.ts';
import type { DocumentHeading } from '../../../shared/schemas/documents.ts';

/** An agency issuing documents, as the heading needs it. */
export interface Issuer {
  name: string;
  placeName: string;
  documentSymbol: string;
  /** Its parent agency: the People's Committee it answers to (the governing body line). */
  parentName: string | null;
}

const upper = (s: string) => s.normalize('NFC').trim().toLocaleUpperCase('vi-VN');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * "Sở Khoa học và Công nghệ tỉnh Long An" under "UBND tỉnh Long An" → "SỞ KHOA HỌC VÀ CÔNG NGHỆ": under a governing
 * body that names the place, the issuing agency's line leaves the province out, as DOST documents print it.
 */
function agencyLine(name: string, place: string, governingBody: string | null): string {
  const n = name.normalize('NFC').trim();
  if (!governingBody || !fold(governingBody).endsWith(fold(place))) return upper(n);
  const m = new RegExp(`^(.+?)\\s+(?:tỉnh|thành phố|tp\\.?)\\s+${escape(place.normalize('NFC').trim())}$`, 'iu').exec(n);
  return upper(m ? m[1] : n);
}

/** The heading of the documents an agency issues: its parent as the governing body, its place and symbol. */
export function issuerHeading(a: Issuer): DocumentHeading {
  const governingBody = a.parentName ? upper(a.parentName) : null;
  return { governingBody, issuingAgency: agencyLine(a.name, a.placeName, governingBody), place: a.placeName.trim(), symbol: a.documentSymbol };
}

/**
 * The heading of a province that has recorded no issuing agency (installations from before migration 0052), drawn
 * from the tenant and its province in force: "UBND TỈNH TÂY NINH" / "SỞ KHOA HỌC VÀ CÔNG NGHỆ", place "Tây Ninh".
 */
export function provinceHeading(p: { tenantName: string; provinceName: string | null; provinceKind: string | null } | null): DocumentHeading {
  const symbol = 'SKHCN';
  if (p?.provinceName) {
    const m = /^(Tỉnh|Thành phố)\s+(.+)$/u.exec(p.provinceName.trim());
    const place = m ? m[2] : p.provinceName.trim();
    const type = m ? m[1] : p.provinceKind === 'municipality' ? 'Thành phố' : 'Tỉnh';
    return { governingBody: upper(`UBND ${type} ${place}`), issuingAgency: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ', place, symbol };
  }
  const name = p?.tenantName ?? 'Sở Khoa học và Công nghệ';
  const m = /(?:tỉnh|thành phố)\s+(.+)$/iu.exec(name);
  return { governingBody: null, issuingAgency: upper(name), place: m ? m[1] : name, symbol };
}
