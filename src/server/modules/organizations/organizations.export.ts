/**
 * The organisation list as an Excel workbook: the same filters as GET /api/organizations, every page of it read
 * through listOrganizations (so the same permissions and province filter apply), columns described once.
 */
import type { Ctx } from '../../context.ts';
import { formatDate } from '../../../lib/vi/format.ts';
import { todayInVietnam } from '../../../lib/vi/dates.ts';
import type { Lang } from '../../../shared/i18n/messages.ts';
import { labelOf } from '../../../shared/labels/labels.ts';
import { ORG_KIND_LABELS } from '../../../shared/labels/organizations.ts';
import type { Organization, OrganizationListQuery } from '../../../shared/schemas/organizations.ts';
import { collectPages, toXlsx, type XlsxColumn } from '../exports/exports.service.ts';
import { listOrganizations } from './organizations.service.ts';

export function organizationColumns(lang: Lang): XlsxColumn<Organization>[] {
  const yes = lang === 'vi' ? 'Có' : 'Yes';
  return [
    { key: 'name', header: { vi: 'Tên tổ chức', en: 'Name' }, type: 'text', width: 45 },
    { key: 'shortName', header: { vi: 'Tên viết tắt', en: 'Short name' }, type: 'text', width: 16 },
    { key: (o) => labelOf(ORG_KIND_LABELS, o.kind, lang), header: { vi: 'Loại hình', en: 'Kind' }, type: 'text', width: 22 },
    { key: 'taxCode', header: { vi: 'Mã số thuế', en: 'Tax code' }, type: 'text', width: 16 },
    { key: 'address', header: { vi: 'Địa chỉ', en: 'Address' }, type: 'text', width: 40 },
    { key: 'adminUnitName', header: { vi: 'Đơn vị hành chính', en: 'Administrative unit' }, type: 'text', width: 24 },
    { key: 'scienceField', header: { vi: 'Lĩnh vực KH&CN', en: 'S&T field' }, type: 'text', width: 12 },
    { key: (o) => (o.isStEnterprise ? yes : ''), header: { vi: 'Doanh nghiệp KH&CN', en: 'S&T enterprise' }, type: 'text', width: 14 },
    { key: 'phone', header: { vi: 'Điện thoại', en: 'Phone' }, type: 'text', width: 16 },
    { key: 'email', header: { vi: 'Thư điện tử', en: 'Email' }, type: 'text', width: 26 },
    { key: 'website', header: { vi: 'Trang web', en: 'Website' }, type: 'text', width: 26 },
    { key: 'createdAt', header: { vi: 'Ngày tạo', en: 'Created' }, type: 'date' },
    { key: 'updatedAt', header: { vi: 'Ngày cập nhật', en: 'Updated' }, type: 'date' },
  ];
}

/** The workbook's bytes and file name; the route sends them. */
export async function exportOrganizations(ctx: Ctx, filters: Omit<OrganizationListQuery, 'cursor' | 'limit'>, lang: Lang) {
  const rows = await collectPages((page) => listOrganizations(ctx, { ...filters, ...page }));
  const today = todayInVietnam();
  const title = lang === 'vi'
    ? `Danh sách tổ chức (${rows.length} tổ chức, ngày ${formatDate(today)})`
    : `Organisations (${rows.length}, ${today})`;
  const buffer = await toXlsx({
    title, sheetName: lang === 'vi' ? 'Tổ chức' : 'Organisations', columns: organizationColumns(lang), rows, lang,
  });
  return { buffer, filename: lang === 'vi' ? `Danh sách tổ chức ${today}.xlsx` : `Organisations ${today}.xlsx` };
}
