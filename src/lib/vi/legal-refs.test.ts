/**
 * Reference extraction: every reference of the five seed articles (expected lists written by hand from reading them),
 * then cases written from other real documents (English, line breaks, spaced numbers, party documents, laws, the
 * date that belongs to another document).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractLegalRefs } from './legal-refs.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SEEDS = process.env.KHCN_SEEDS ?? path.resolve(ROOT, 'test/fixtures/seeds');

/** [number, type, date, the text the span covers]. */
type Expected = [string, string, string | null, string];

const SEED_REFS: Record<string, Expected[]> = {
  // Long An DOST: results of Nghị quyết 05-NQ/TW → Chương trình 16-Ctr/TU → Kế hoạch 98/KH-UBND.
  '000_6abd7135720da939.txt': [
    // "Ngày 12/7/2017, UBND tỉnh Long An đã ban hành Kế hoạch số 98/KH-UBND"
    ['98/KH-UBND', 'Kế hoạch', '2017-07-12', 'Kế hoạch số 98/KH-UBND'],
    ['16-Ctr/TU', 'Chương trình', '2017-05-17', 'Chương trình số 16-Ctr/TU'],
    // Same sentence as the plan's date, but the resolution is not what was issued on 12/7/2017.
    ['05-NQ/TW', 'Nghị quyết', null, 'Nghị quyết số 05-NQ/TW'],
    ['12/2022/NQ-HĐND', 'Nghị quyết', '2022-07-13', 'Nghị quyết số 12/2022/NQ-HĐND'],
    ['522/KH-SKHCN', 'Kế hoạch', '2023-04-26', 'Kế hoạch số 522/KH-SKHCN'],
    ['393/KH-UBND', 'Kế hoạch', '2023-02-17', 'Kế hoạch số 393/KH-UBND'],
    // The article also writes 522/KH-UBND (same date, probably the same plan): a different number as written.
    ['522/KH-UBND', 'Kế hoạch', '2023-04-26', 'Kế hoạch số 522/KH-UBND'],
    // "Ngày 19/10/2023, Sở … đã tham mưu UBND tỉnh ban hành Quyết định số 9737/QĐ-UBND"
    ['9737/QĐ-UBND', 'Quyết định', '2023-10-19', 'Quyết định số 9737/QĐ-UBND'],
    ['712/QĐ-TTg', 'Quyết định', '2010-05-21', 'Quyết định số 712/QĐ-TTg'],
    ['1322/QĐ-TTg', 'Quyết định', '2020-08-31', 'Quyết định số 1322/QĐ-TTg'],
    ['692/QĐ-UBND', 'Quyết định', '2021-01-25', 'Quyết định số 692/QĐ-UBND'],
    // Later cited again as "Thông tư số 15/2022 ngày 12/10/2022": the same circular, not a second entry.
    ['15/2022/TT-BKHCN', 'Thông tư', '2022-10-12', 'Thông tư số 15/2022/TT-BKHCN'],
    ['164/2014/NQ-HĐND', 'Nghị quyết', '2014-12-10', 'Nghị quyết số 164/2014/NQ-HĐND'],
    ['03/2021/NQ-HĐND', 'Nghị quyết', '2021-03-30', 'Nghị quyết số 03/2021/NQ-HĐND'],
    ['10883/QĐ-UBND', 'Quyết định', '2023-11-20', 'Quyết định số 10883/QĐ-UBND'],
    ['561/SKHCN-QLCN', 'Văn bản', '2023-05-04', 'Văn bản số 561/SKHCN-QLCN'],
    ['03/2021/TT-BKHCN', 'Thông tư', '2021-06-11', 'Thông tư số 03/2021/TT-BKHCN'],
  ],
  // Long An: the S&T development plan of QĐ 9737.
  '001_60387391d4d0c8ed.txt': [
    ['9737/QĐ-UBND', 'Quyết định', '2023-10-19', 'Quyết định số 9737/QĐ-UBND'],
  ],
  // Lạng Sơn: results under Nghị quyết 19-NQ/TU.
  '002_f4719f5c93d2293e.txt': [
    ['19-NQ/TU', 'Nghị quyết', '2016-07-11', 'Nghị quyết số 19-NQ/TU'],
    // "Để cụ thể hoá Nghị quyết này ngày 05/10/2016 UBND tỉnh đã ban hành Kế hoạch số 112/KH-UBND"
    ['112/KH-UBND', 'Kế hoạch', '2016-10-05', 'Kế hoạch số 112/KH-UBND'],
    ['09/2016/NQ-HĐND', 'Nghị quyết', '2016-07-29', 'Nghị quyết số 09/2016/NQ-HĐND'],
    ['13/2019/NQ-HĐND', 'Nghị quyết', '2019-12-10', 'Nghị quyết số 13/2019/NQ-HĐND'],
    // Right after "… 13/2019/NQ-HĐND ngày 10/12/2019 …;": that date is the resolution's, this decision has none.
    ['41/2016/QĐ-UBND', 'Quyết định', null, 'Quyết định số 41/2016/QĐ-UBND'],
    ['47/2018/QĐ-UBND', 'Quyết định', '2018-08-22', 'Quyết định số 47/2018/QĐ-UBND'],
    // "HTQLCL theo tiêu chuẩn TCVN ISO 9001": a national standard (bare "ISO 9001" elsewhere is not a reference).
    ['TCVN ISO 9001', 'Tiêu chuẩn', null, 'tiêu chuẩn TCVN ISO 9001'],
  ],
  // An Giang: the coordination programme with 11 districts ("Ngày đăng : 23/11/2021" is the article's date).
  '003_177c610bbf274814.txt': [
    ['2338/QĐ-UBND', 'Quyết định', null, 'Quyết định số 2338/QĐ-UBND'],
    ['573/KH-UBND', 'Kế hoạch', '2021-09-28', 'Kế hoạch số 573/KH-UBND'],
  ],
  // Long An: Chương trình 54-CTr/TU on Kết luận 69-KL/TW.
  '004_2f85b69d4f545e88.txt': [
    ['54-CTr/TU', 'Chương trình', '2024-04-08', 'Chương trình số 54-CTr/TU'],
    ['69-KL/TW', 'Kết luận', '2024-01-11', 'Kết luận số 69-KL/TW'],
    ['20-NQ/TW', 'Nghị quyết', '2012-11-01', 'Nghị quyết số 20-NQ/TW'],
    ['29-NQ/TW', 'Nghị quyết', null, 'Nghị quyết số 29-NQ/TW'],
    ['45-NQ/TW', 'Nghị quyết', null, 'Nghị quyết số 45-NQ/TW'],
  ],
};

/** The references as [number, type, date, cited text] for compact comparisons. */
function found(text: string, options?: Parameters<typeof extractLegalRefs>[1]): Expected[] {
  return extractLegalRefs(text, options).map((r) => [r.number, r.type, r.date, text.slice(r.start, r.end)]);
}

describe('the seed articles', () => {
  it('are the five files the expected lists were written for', () => {
    expect(existsSync(SEEDS), `seed articles expected in ${SEEDS} (or set KHCN_SEEDS)`).toBe(true);
    expect(readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort()).toEqual(Object.keys(SEED_REFS).sort());
  });

  it.each(Object.entries(SEED_REFS))('%s: exactly the references it cites, with their dates', (file, expected) => {
    const text = readFileSync(path.join(SEEDS, file), 'utf8');
    expect(found(text)).toEqual(expected);
  });
});

describe('what the span covers', () => {
  it('starts at the type word when one is written and ends at the number, without the date', () => {
    const text = 'Thực hiện Quyết định số 9737/QĐ-UBND ngày 19/10/2023 của UBND tỉnh.';
    const [r] = extractLegalRefs(text);
    expect(r).toEqual({ number: '9737/QĐ-UBND', type: 'Quyết định', date: '2023-10-19', start: 10, end: 36 });
    expect(text.slice(r.start, r.end)).toBe('Quyết định số 9737/QĐ-UBND');
  });

  it('is the number alone when no type is written, the type then coming from the symbol', () => {
    const text = 'Căn cứ 9737/QĐ-UBND và 98/KH-UBND.';
    expect(found(text)).toEqual([
      ['9737/QĐ-UBND', 'Quyết định', null, '9737/QĐ-UBND'],
      ['98/KH-UBND', 'Kế hoạch', null, '98/KH-UBND'],
    ]);
  });

  it('covers a law from its type word through its title to the number', () => {
    const text = 'Căn cứ Luật Khoa học, công nghệ và đổi mới sáng tạo số 93/2025/QH15;';
    expect(found(text)).toEqual([
      ['93/2025/QH15', 'Luật', null, 'Luật Khoa học, công nghệ và đổi mới sáng tạo số 93/2025/QH15'],
    ]);
  });

  it('covers an English law from "Law" through its title, with its date', () => {
    const text = 'under the Law on Science and Technology No. 29/2013/QH13 dated June 18, 2013.';
    expect(found(text)).toEqual([
      ['29/2013/QH13', 'Law', '2013-06-18', 'Law on Science and Technology No. 29/2013/QH13'],
    ]);
  });

  it('keeps the spaces of a spaced number inside the span, and removes them from the number', () => {
    const text = 'UBND tỉnh ban hành Kế hoạch số 98 / KH - UBND ngày 12 / 7 / 2017.';
    expect(found(text)).toEqual([['98/KH-UBND', 'Kế hoạch', '2017-07-12', 'Kế hoạch số 98 / KH - UBND']]);
  });
});

describe('numbers', () => {
  it.each([
    ['Nghị định 267/2025/NĐ-CP quy định chức năng', '267/2025/NĐ-CP', 'Nghị định', 'Nghị định 267/2025/NĐ-CP'],
    ['quán triệt Kết luận 69-KL/TW của Bộ Chính trị', '69-KL/TW', 'Kết luận', 'Kết luận 69-KL/TW'],
    ['thực hiện Nghị quyết số 05-NQ/TW của BCH Trung ương', '05-NQ/TW', 'Nghị quyết', 'Nghị quyết số 05-NQ/TW'],
    ['triển khai Chương trình 16-CTr/TU của Tỉnh ủy', '16-CTr/TU', 'Chương trình', 'Chương trình 16-CTr/TU'],
    ['Quy định số 08-QĐi/TW của Ban Chấp hành', '08-QĐi/TW', 'Quy định', 'Quy định số 08-QĐi/TW'],
    ['Thông tư liên tịch số 55/2015/TTLT-BTC-BKHCN hướng dẫn', '55/2015/TTLT-BTC-BKHCN', 'Thông tư liên tịch', 'Thông tư liên tịch số 55/2015/TTLT-BTC-BKHCN'],
    ['theo Quyết định số 1322/QĐ–TTg của Thủ tướng', '1322/QĐ-TTg', 'Quyết định', 'Quyết định số 1322/QĐ–TTg'],
    ['QUYẾT ĐỊNH SỐ 9737/QĐ-UBND', '9737/QĐ-UBND', 'Quyết định', 'QUYẾT ĐỊNH SỐ 9737/QĐ-UBND'],
    ['Số: 12/2024/TT-BKHCN', '12/2024/TT-BKHCN', 'Thông tư', '12/2024/TT-BKHCN'],
    ['áp dụng QCVN 01:2009/BYT về nước', 'QCVN 01:2009/BYT', 'Quy chuẩn', 'QCVN 01:2009/BYT'],
    ['theo tiêu chuẩn TCVN 5603:2008', 'TCVN 5603:2008', 'Tiêu chuẩn', 'tiêu chuẩn TCVN 5603:2008'],
  ])('%s', (text, number, type, cited) => {
    expect(found(text)).toEqual([[number, type, null, cited]]);
  });

  it('does not swallow the next word or a dash that follows the number', () => {
    expect(found('Quyết định số 9737/QĐ-UBND - Kế hoạch phát triển; 98/KH-UBND-Kho bạc').map((r) => r[0]))
      .toEqual(['9737/QĐ-UBND', '98/KH-UBND']);
  });

  it('finds nothing in dates, ranges, percentages, names and international standards', () => {
    const text = 'Ngày 12/7/2017, giai đoạn 2021 – 2025, 25-30 doanh nghiệp, 10% - 15%/năm, Đề án 06, COVID-19, '
      + 'Kaizen 5S, chứng nhận ISO 9001, 22000, HACCP; TCVN, QCVN; tháng 12/2021; 1.625 triệu đồng; Tầng 2.';
    expect(extractLegalRefs(text)).toEqual([]);
  });

  it('accepts a number without a symbol only after a type word and số', () => {
    expect(found('Công văn số 1234 ngày 05/3/2024 và Quyết định 1322')).toEqual([
      ['1234', 'Công văn', '2024-03-05', 'Công văn số 1234'],
    ]);
  });
});

describe('types', () => {
  it.each([
    ['1/QĐ-UBND', 'Quyết định'], ['2/2022/NQ-HĐND', 'Nghị quyết'], ['3/KH-UBND', 'Kế hoạch'], ['4-CTr/TU', 'Chương trình'],
    ['5/2022/TT-BKHCN', 'Thông tư'], ['6/2025/NĐ-CP', 'Nghị định'], ['93/2025/QH15', 'Luật'], ['69-KL/TW', 'Kết luận'],
    ['05/CT-TTg', 'Chỉ thị'], ['76/TB-VPCP', 'Thông báo'], ['12-HD/TW', 'Hướng dẫn'], ['561/SKHCN-QLCN', 'Công văn'],
    ['123/UBND-KT', 'Công văn'], ['15/VBHN-BKHCN', 'Văn bản hợp nhất'],
  ])('%s without a type word is a %s', (number, type) => {
    expect(found(`Theo ${number} của cơ quan có thẩm quyền.`)).toEqual([[number, type, null, number]]);
  });

  it('reads English types in English text, and infers English types there', () => {
    const text = 'Pursuant to Decision No. 1322/QD-TTg dated August 31, 2020 of the Prime Minister, Decree 08/2014/ND-CP '
      + 'and the provincial plan 98/KH-UBND, the Department submits the following report.';
    expect(found(text)).toEqual([
      ['1322/QD-TTg', 'Decision', '2020-08-31', 'Decision No. 1322/QD-TTg'],
      ['08/2014/ND-CP', 'Decree', null, 'Decree 08/2014/ND-CP'],
      ['98/KH-UBND', 'Plan', null, 'plan 98/KH-UBND'],
    ]);
    expect(found('Theo 98/KH-UBND.', { language: 'en' })).toEqual([['98/KH-UBND', 'Plan', null, '98/KH-UBND']]);
  });

  it('keeps a short or unaccented Vietnamese text Vietnamese', () => {
    expect(found('Theo 98/KH-UBND.')).toEqual([['98/KH-UBND', 'Kế hoạch', null, '98/KH-UBND']]);
    expect(found('Can cu 98/KH-UBND cua UBND tinh va Ke hoach so 99/KH-UBND.').map((r) => r[1])).toEqual(['Kế hoạch', 'Kế hoạch']);
  });

  it('prefers the type word written with the number over the symbol', () => {
    expect(found('Nghị quyết số 57/2024/QH15 của Quốc hội')).toEqual([
      ['57/2024/QH15', 'Nghị quyết', null, 'Nghị quyết số 57/2024/QH15'],
    ]);
  });
});

describe('dates', () => {
  it('reads "ngày 13 tháng 8 năm 2024", also across line breaks', () => {
    const text = 'Thực hiện Quyết định số 1234/QĐ-UBND ngày 13 tháng 8\nnăm 2024 và Kế hoạch số 98/KH-UBND\nngày\n12/7/2017.';
    expect(found(text)).toEqual([
      ['1234/QĐ-UBND', 'Quyết định', '2024-08-13', 'Quyết định số 1234/QĐ-UBND'],
      ['98/KH-UBND', 'Kế hoạch', '2017-07-12', 'Kế hoạch số 98/KH-UBND'],
    ]);
  });

  it('reads English "dated December 22, 2024" and "dated 27 January 2014"', () => {
    const text = 'Resolution No. 57-NQ/TW dated December 22, 2024 of the Politburo and Decree No. 08/2014/ND-CP dated '
      + '27 January 2014 of the Government.';
    expect(found(text)).toEqual([
      ['57-NQ/TW', 'Resolution', '2024-12-22', 'Resolution No. 57-NQ/TW'],
      ['08/2014/ND-CP', 'Decree', '2014-01-27', 'Decree No. 08/2014/ND-CP'],
    ]);
  });

  it('takes the date that opens the sentence when the sentence says the document was issued on it', () => {
    const text = 'Ngày 12/7/2017, UBND tỉnh Long An đã ban hành Kế hoạch số 98/KH-UBND triển khai thực hiện Chương trình '
      + 'số 16-CTr/TU của BCH Đảng bộ tỉnh thực hiện Nghị quyết số 05-NQ/TW.';
    expect(found(text).map((r) => [r[0], r[2]])).toEqual([
      ['98/KH-UBND', '2017-07-12'], ['16-CTr/TU', null], ['05-NQ/TW', null],
    ]);
  });

  it('never gives a document the date of what was issued in the sentence (the plan of 25/11/2022)', () => {
    const text = 'Ngày 25/11/2022, Bộ Khoa học và Công nghệ ban hành Kế hoạch triển khai Thông tư số 15/2022/TT-BKHCN.';
    expect(found(text)).toEqual([['15/2022/TT-BKHCN', 'Thông tư', null, 'Thông tư số 15/2022/TT-BKHCN']]);
  });

  it('gives the opening date to every document of a list the verb issues, and to a law passed on it', () => {
    const text = 'Ngày 27/6/2025, Quốc hội thông qua Luật Khoa học, công nghệ và đổi mới sáng tạo số 93/2025/QH15 và Luật '
      + 'số 94/2025/QH15. On July 12, 2017, the Provincial People\'s Committee issued Plan No. 98/KH-UBND.';
    expect(found(text).map((r) => [r[0], r[2]])).toEqual([
      ['93/2025/QH15', '2025-06-27'], ['94/2025/QH15', '2025-06-27'], ['98/KH-UBND', '2017-07-12'],
    ]);
  });

  it('does not let a date written after one document open the clause of the next', () => {
    const text = 'Thực hiện Quyết định số 1322/QĐ-TTg ngày 31/8/2020 của Thủ tướng; Sở đã tham mưu UBND tỉnh ban hành '
      + 'Quyết định số 692/QĐ-UBND về việc ban hành Kế hoạch.';
    expect(found(text).map((r) => [r[0], r[2]])).toEqual([['1322/QĐ-TTg', '2020-08-31'], ['692/QĐ-UBND', null]]);
  });

  it('gives null for an impossible date (31/02)', () => {
    expect(found('Quyết định số 12/QĐ-UBND ngày 31/02/2023 và Kế hoạch số 7/KH-UBND ngày 29/02/2024.').map((r) => r[2]))
      .toEqual([null, '2024-02-29']);
  });

  it('takes the date from a later occurrence when the first does not state it', () => {
    const text = 'Triển khai Quyết định số 9737/QĐ-UBND. … (Quyết định số 9737/QĐ-UBND ngày 19/10/2023).';
    expect(extractLegalRefs(text)).toEqual([
      { number: '9737/QĐ-UBND', type: 'Quyết định', date: '2023-10-19', start: 11, end: 37 },
    ]);
  });
});

describe('each number once', () => {
  it('reports the first occurrence, comparing numbers without case', () => {
    const text = 'Chương trình số 16-Ctr/TU; sau đó Chương trình số 16-CTr/TU ngày 17/5/2017.';
    expect(found(text)).toEqual([['16-Ctr/TU', 'Chương trình', '2017-05-17', 'Chương trình số 16-Ctr/TU']]);
  });

  it('counts an abbreviated number as the document it abbreviates, unless the dates disagree', () => {
    expect(found('Thông tư số 15/2022/TT-BKHCN; Thông tư số 15/2022 ngày 12/10/2022.')).toEqual([
      ['15/2022/TT-BKHCN', 'Thông tư', '2022-10-12', 'Thông tư số 15/2022/TT-BKHCN'],
    ]);
    expect(found('Thông tư số 15/2022/TT-BKHCN ngày 12/10/2022; Thông tư số 15/2022 ngày 01/01/2023.').map((r) => r[0]))
      .toEqual(['15/2022/TT-BKHCN', '15/2022']);
    expect(found('theo 15/2022/TT-BKHCN; Thông tư số 15/2022 ngày 12/10/2022.')).toEqual([
      ['15/2022/TT-BKHCN', 'Thông tư', '2022-10-12', '15/2022/TT-BKHCN'],
    ]);
  });
});

describe('text as given', () => {
  it('matches decomposed diacritics and maps offsets back to the text as given', () => {
    const composed = 'Ngày 19/10/2023, Sở tham mưu UBND tỉnh ban hành Quyết định số 9737/QĐ-UBND.';
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    const [r] = extractLegalRefs(decomposed);
    expect(r).toMatchObject({ number: '9737/QĐ-UBND', type: 'Quyết định', date: '2023-10-19' });
    expect(decomposed.slice(r.start, r.end)).toBe('Quyết định số 9737/QĐ-UBND'.normalize('NFD'));
  });

  it('keeps offsets true in text with Windows line ends, astral characters and unaccented Vietnamese', () => {
    const text = '😀 Can cu:\r\nQuyet dinh so 9737/QĐ-UBND ngay 19/10/2023\r\n';
    const [r] = extractLegalRefs(text);
    expect(r).toMatchObject({ number: '9737/QĐ-UBND', type: 'Quyết định', date: '2023-10-19' });
    expect(text.slice(r.start, r.end)).toBe('Quyet dinh so 9737/QĐ-UBND');
  });

  it('finds nothing in an empty text', () => {
    expect(extractLegalRefs('')).toEqual([]);
  });
});
