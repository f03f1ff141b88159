/**
 * The support decision (quyết định hỗ trợ) as an administrative document in the Decree 30/2020 layout: headed by
 * the agency issuing the province's documents on the decision's date, with its number, the grounds, the articles
 * (who is supported, with what and how much, the counterpart the organisation pays) and the signer. A pure function
 * of the decision's data, so it is tested without a database.
 */
import { formatDate, formatNumber, formatPercent } from '../../../lib/vi/format.ts';
import type { AdministrativeDocument, DocumentHeading } from '../../../shared/schemas/documents.ts';
import { documentFilename } from '../documents/documents.service.ts';

export interface DecisionDocInput {
  heading: DocumentHeading;
  number: string;
  date: string;
  organizationName: string;
  applicationCode: string | null;
  applicationTitle: string;
  programmeName: string;
  callTitle: string;
  supportTypeName: string;
  legalBasis: string;
  totalCost: number;
  stateAmount: number;
  counterpartAmount: number;
  signerTitle: string | null;
  signerName: string | null;
  note: string | null;
}

const vnd = (n: number) => `${formatNumber(n)} đồng`;

/** The number as it is written on the document: a bare "15" gets the agency's symbol, "15/QĐ-SKHCN". */
export const decisionNumberOn = (number: string, heading: DocumentHeading) =>
  (number.includes('/') ? number : `${number}/QĐ-${heading.symbol}`);

export function buildDecisionDocument(d: DecisionDocInput): AdministrativeDocument {
  const share = d.totalCost > 0 ? (d.counterpartAmount / d.totalCost) * 100 : 0;
  const agency = d.heading.issuingAgency;
  const head = agency.startsWith('SỞ ') ? `GIÁM ĐỐC ${agency}` : agency;
  return {
    governingBody: d.heading.governingBody,
    issuingAgency: agency,
    number: decisionNumberOn(d.number, d.heading),
    place: d.heading.place,
    date: d.date,
    documentType: 'QUYẾT ĐỊNH',
    title: `Về việc hỗ trợ ${d.organizationName} thực hiện nội dung "${d.supportTypeName}" thuộc ${d.programmeName}`,
    body: [
      { type: 'heading', text: head, align: 'center' },
      { type: 'paragraph', text: `Căn cứ ${d.legalBasis};`, italic: true },
      { type: 'paragraph', text: `Căn cứ kết quả xét chọn hồ sơ ${d.callTitle};`, italic: true },
      { type: 'paragraph', text: `Xét hồ sơ đề nghị hỗ trợ${d.applicationCode ? ` số ${d.applicationCode}` : ''} của ${d.organizationName}.`, italic: true },
      { type: 'heading', text: 'QUYẾT ĐỊNH:', align: 'center' },
      {
        type: 'paragraph',
        text: [{ text: 'Điều 1. ', bold: true }, { text: `Hỗ trợ ${d.organizationName} thực hiện "${d.applicationTitle}", nội dung hỗ trợ: ${d.supportTypeName}.` }],
      },
      {
        type: 'table',
        columns: [{ header: 'Nội dung', width: 4 }, { header: 'Kinh phí (đồng)', width: 2, align: 'right' }],
        rows: [
          ['Tổng kinh phí thực hiện', formatNumber(d.totalCost)],
          ['Ngân sách nhà nước hỗ trợ', formatNumber(d.stateAmount)],
          [`Kinh phí đối ứng của tổ chức (${formatPercent(share)})`, formatNumber(d.counterpartAmount)],
        ],
      },
      {
        type: 'paragraph',
        text: [{ text: 'Điều 2. ', bold: true }, {
          text: `${d.organizationName} có trách nhiệm sử dụng kinh phí hỗ trợ ${vnd(d.stateAmount)} đúng mục đích, bố trí kinh phí đối ứng ${vnd(d.counterpartAmount)} và báo cáo kết quả thực hiện với Sở Khoa học và Công nghệ.`,
        }],
      },
      ...(d.note ? [{ type: 'paragraph' as const, text: d.note }] : []),
      {
        type: 'paragraph',
        text: [{ text: 'Điều 3. ', bold: true }, { text: `Quyết định này có hiệu lực kể từ ngày ký (${formatDate(d.date)}). Các phòng chuyên môn của Sở và ${d.organizationName} chịu trách nhiệm thi hành Quyết định này.` }],
      },
    ],
    recipients: ['Như Điều 3', 'Lưu: VT'],
    signers: [{ authority: null, title: (d.signerTitle ?? 'GIÁM ĐỐC').toUpperCase(), name: d.signerName }],
  };
}

export const decisionFilename = (number: string, organizationName: string) =>
  documentFilename(`Quyet dinh ho tro ${number.replace(/\//g, '-')} ${organizationName}`, 'docx');
