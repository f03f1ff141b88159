import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { AdministrativeDocument } from '../../../shared/schemas/documents.ts';
import { contentDisposition } from '../exports/exports.service.ts';
import { minutesFilename } from '../councils/councils.minutes.ts';
import { MAX_FILENAME_BYTES, PAGE, documentFilename, renderAdministrativeDocument } from './documents.service.ts';

const sampleMinutes: AdministrativeDocument = {
  governingBody: 'UBND TỈNH TÂY NINH',
  issuingAgency: 'Sở Khoa học và Công nghệ',
  number: '12/BB-SKHCN',
  place: 'Tây Ninh',
  date: '2026-03-05',
  documentType: 'Biên bản',
  title: 'Họp Hội đồng tư vấn tuyển chọn nhiệm vụ khoa học và công nghệ cấp tỉnh',
  body: [
    { type: 'paragraph', indent: false, text: [{ text: 'Thời gian: ', bold: true }, { text: '08 giờ 00, ngày 05 tháng 3 năm 2026.' }] },
    { type: 'heading', text: 'I. THÀNH PHẦN THAM DỰ' },
    { type: 'list', style: 'decimal', items: ['PGS.TS Nguyễn Văn An, Chủ tịch Hội đồng;', 'TS Trần Thị Bình, Thư ký Hội đồng.'] },
    { type: 'list', style: 'alpha', items: ['mục a', 'mục b'] },
    {
      type: 'table',
      columns: [{ header: 'TT', width: 1, align: 'center' }, { header: 'Thành viên', width: 5 }, { header: 'Tổng điểm', width: 2, align: 'right' }],
      rows: [[1, 'PGS.TS Nguyễn Văn An', '82'], [2, 'TS Trần Thị Bình', '76,5'], ['', 'Điểm trung bình', '79,25']],
      totalRow: true,
    },
    { type: 'paragraph', text: 'Hội đồng kết luận: hồ sơ đạt yêu cầu.' },
  ],
  recipients: ['Giám đốc Sở (b/c)', '- Thành viên Hội đồng;', 'Lưu: VT, QLKH'],
  signers: [{ title: 'Thư ký', name: 'Trần Thị Bình' }, { authority: 'TM. Hội đồng', title: 'Chủ tịch', name: 'Nguyễn Văn An' }],
};

async function documentXml(buf: Buffer) {
  const zip = await JSZip.loadAsync(buf);
  const xml = await zip.file('word/document.xml')!.async('string');
  const styles = await zip.file('word/styles.xml')!.async('string');
  return { zip, xml, styles, text: xml.replace(/<[^>]+>/g, '') };
}

describe('documents: Decree 30/2020 layout', () => {
  it('renders a .docx whose document.xml carries the header, number, date line, title, body and signature', async () => {
    const buf = await renderAdministrativeDocument(sampleMinutes);
    expect(buf.subarray(0, 2).toString()).toBe('PK');
    const { xml, styles, text } = await documentXml(buf);
    // Header: governing body, agency (upper-cased), motto and slogan; number; place-and-date line.
    expect(text).toContain('UBND TỈNH TÂY NINH');
    expect(text).toContain('SỞ KHOA HỌC VÀ CÔNG NGHỆ');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('Số: 12/BB-SKHCN');
    expect(text).toContain('Tây Ninh, ngày 05 tháng 3 năm 2026');
    // Type and title, list numbering, table, recipients punctuation, signers.
    expect(text).toContain('BIÊN BẢN');
    expect(text).toContain('Họp Hội đồng tư vấn tuyển chọn');
    expect(text).toContain('1. PGS.TS Nguyễn Văn An');
    expect(text).toContain('b) mục b');
    expect(text).toContain('Điểm trung bình');
    expect(text).toContain('Nơi nhận:');
    expect(text).toContain('- Giám đốc Sở (b/c);');
    expect(text).toContain('- Thành viên Hội đồng;');
    expect(text).toContain('- Lưu: VT, QLKH.');
    expect(text).toContain('TM. HỘI ĐỒNG');
    expect(text).toContain('CHỦ TỊCH');
    expect(text).toContain('THƯ KÝ');
    expect(text).toContain('Nguyễn Văn An');
    // The order of the parts.
    const order = ['CỘNG HÒA', 'Số: 12/BB-SKHCN', 'BIÊN BẢN', 'THÀNH PHẦN', 'Nơi nhận:'].map((s) => text.indexOf(s));
    expect([...order].sort((a, b) => a - b)).toEqual(order);

    // Times New Roman by default (document defaults in styles.xml).
    expect(styles).toMatch(/<w:rFonts w:ascii="Times New Roman"[^>]*w:hAnsi="Times New Roman"/);
    // A4 and the margins in twips: top/bottom 20 mm = 1134, left 30 mm = 1701, right 15 mm = 850.
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const pgMar = /<w:pgMar ([^>]*)\/>/.exec(xml)![1];
    const attr = (n: string) => Number(new RegExp(`w:${n}="(\\d+)"`).exec(pgMar)![1]);
    expect({ top: attr('top'), bottom: attr('bottom'), left: attr('left'), right: attr('right') })
      .toEqual({ top: 1134, bottom: 1134, left: 1701, right: 850 });
    expect(PAGE.margin.left).toBe(1701);
    // Decree 30 ranges: top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm (1 mm = 56.69 twips).
    expect(attr('top') / 56.69).toBeGreaterThanOrEqual(19.99);
    expect(attr('left') / 56.69).toBeGreaterThanOrEqual(29.99);
    expect(attr('right') / 56.69).toBeGreaterThanOrEqual(14.99);
  });

  it('uses the sizes and emphasis of Decree 30: motto bold 12 pt, slogan bold 13 pt, date italic, Nơi nhận bold italic 12 pt, recipients 11 pt', async () => {
    const { xml } = await documentXml(await renderAdministrativeDocument(sampleMinutes));
    const runOf = (t: string) => {
      const i = xml.indexOf(`>${t}</w:t>`);
      expect(i).toBeGreaterThan(0);
      const start = xml.lastIndexOf('<w:r>', i);
      return xml.slice(start, i);
    };
    const props = (t: string) => {
      const r = runOf(t);
      return { bold: /<w:b\/>/.test(r), italic: /<w:i\/>/.test(r), size: Number(/<w:sz w:val="(\d+)"/.exec(r)?.[1]) / 2 };
    };
    expect(props('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')).toEqual({ bold: true, italic: false, size: 12 });
    expect(props('Độc lập - Tự do - Hạnh phúc')).toEqual({ bold: true, italic: false, size: 13 });
    expect(props('UBND TỈNH TÂY NINH')).toEqual({ bold: false, italic: false, size: 12 });
    expect(props('SỞ KHOA HỌC VÀ CÔNG NGHỆ')).toEqual({ bold: true, italic: false, size: 12 });
    expect(props('Tây Ninh, ngày 05 tháng 3 năm 2026')).toEqual({ bold: false, italic: true, size: 14 });
    expect(props('BIÊN BẢN')).toEqual({ bold: true, italic: false, size: 14 });
    expect(props('Nơi nhận:')).toEqual({ bold: true, italic: true, size: 12 });
    expect(props('- Lưu: VT, QLKH.')).toEqual({ bold: false, italic: false, size: 11 });
    expect(props('Nguyễn Văn An')).toMatchObject({ bold: true });
    // The header is a borderless table.
    const firstTable = xml.slice(xml.indexOf('<w:tbl>'), xml.indexOf('</w:tbl>'));
    expect(firstTable).toContain('CỘNG HÒA');
    expect(firstTable).toMatch(/<w:tblBorders>.*w:val="none"/s);
    expect(firstTable).not.toMatch(/w:val="single"[^>]*\/>\s*<\/w:tblBorders>/);
  });

  it('writes a 13 pt document without a governing body and with one signer', async () => {
    const { text, xml } = await documentXml(await renderAdministrativeDocument({
      issuingAgency: 'UBND TỈNH LẠNG SƠN', number: '45/QĐ-UBND', place: 'Lạng Sơn', date: '2025-12-31',
      documentType: 'Quyết định', title: 'Về việc phê duyệt danh mục nhiệm vụ', fontSize: 13,
      body: [{ type: 'paragraph', text: 'Điều 1.' }, { type: 'pageBreak' }, { type: 'paragraph', text: 'Phụ lục' }],
      recipients: [], signers: [{ authority: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: 'Lê Văn Cường' }],
    }));
    expect(text).toContain('Lạng Sơn, ngày 31 tháng 12 năm 2025');
    expect(text).not.toContain('Nơi nhận:');
    expect(text).toContain('KT. CHỦ TỊCH');
    expect(xml).toContain('<w:pageBreakBefore/>');
    expect(xml).toContain('w:val="26"'); // 13 pt
  });

  it('refuses a document that breaks its schema (no signer)', async () => {
    await expect(renderAdministrativeDocument({ ...sampleMinutes, signers: [] })).rejects.toThrow();
  });

  it('names the download in UTF-8 with an ASCII fallback', () => {
    expect(contentDisposition('Biên bản họp Hội đồng.docx')).toBe(
      `attachment; filename="Bien ban hop Hoi dong.docx"; filename*=UTF-8''Bi%C3%AAn%20b%E1%BA%A3n%20h%E1%BB%8Dp%20H%E1%BB%99i%20%C4%91%E1%BB%93ng.docx`);
  });
});

describe('documents: file names', () => {
  // A demo council (Long An, 2023): its minutes were once named "…tại các huyện Đức Huệ, Vĩnh.docx".
  const council = 'Hội đồng tư vấn đánh giá, nghiệm thu kết quả nhiệm vụ: Canh tác sản xuất giống mè đen BS-LA (Black Sesame Long An) tại các huyện Đức Huệ, Vĩnh Hưng';
  const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

  it('cuts a long name at the end of a phrase, never inside a word, within the bytes file systems allow', () => {
    const name = minutesFilename(council);
    expect(name).toBe('Biên bản Hội đồng tư vấn đánh giá, nghiệm thu kết quả nhiệm vụ - Canh tác sản xuất giống mè đen BS-LA (Black Sesame Long An) tại các huyện Đức Huệ.docx');
    expect(bytes(name)).toBeLessThanOrEqual(MAX_FILENAME_BYTES);
    expect(name).not.toContain('Vĩnh');
  });

  it('falls back to the last whole syllable when no phrase ends late enough, and drops the punctuation left at the cut', () => {
    const name = documentFilename('Biên bản họp hội đồng tư vấn xác định nhiệm vụ khoa học và công nghệ cấp tỉnh năm 2026', 'docx', 60);
    expect(name).toBe('Biên bản họp hội đồng tư vấn xác định.docx');
    expect(bytes(name)).toBeLessThanOrEqual(60);
    expect(documentFilename('Báo cáo tiến độ, quý I năm 2026', 'docx', 30)).toBe('Báo cáo tiến độ.docx');
    // One word longer than the room is cut between characters (and only then).
    expect(bytes(documentFilename('x'.repeat(300), 'docx'))).toBe(MAX_FILENAME_BYTES);
  });

  it('keeps a short name whole, in NFC, without the characters file systems refuse or a trailing dot', () => {
    expect(minutesFilename('Hội đồng "A/B": thử?'.normalize('NFD'))).toBe('Biên bản Hội đồng A B - thử.docx');
    expect(documentFilename('Tờ trình số 12/TTr-SKHCN.', 'docx')).toBe('Tờ trình số 12 TTr-SKHCN.docx');
    expect(documentFilename(' ', 'xlsx')).toBe('document.xlsx');
  });

  it('sends the cut name whole in the download header: UTF-8 (RFC 5987) and an ASCII fallback without quotes', () => {
    const name = minutesFilename(council);
    const header = contentDisposition(name);
    const utf8 = /filename\*=UTF-8''(.+)$/.exec(header)![1];
    expect(decodeURIComponent(utf8)).toBe(name);
    expect(utf8).toMatch(/^[A-Za-z0-9%!#$&+.^_`|~-]+$/); // RFC 5987 attr-chars only
    const ascii = /filename="([^"]*)"/.exec(header)![1];
    expect(ascii).toBe('Bien ban Hoi dong tu van danh gia, nghiem thu ket qua nhiem vu - Canh tac san xuat giong me den BS-LA (Black Sesame Long An) tai cac huyen Duc Hue.docx');
  });
});
