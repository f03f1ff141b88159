/**
 * GET /api/organizations/export.xlsx: the organisation list with the same filters as GET /api/organizations,
 * every page of it, as an Excel file. The first user of the exports module; it reads through the organisations
 * service (listOrganizations, page by page), so the same permissions and tenant filter apply.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody } from '../../../shared/schemas/common.ts';
import { OrganizationListQuery, type Organization, type OrgKind } from '../../../shared/schemas/organizations.ts';
import { LANGS, pickLang, type Lang } from '../../../shared/i18n/messages.ts';
import { ctxOf } from '../../http/auth.ts';
import { AppError } from '../../errors.ts';
import { todayInVietnam } from '../rules/rules.service.ts';
import { listOrganizations } from '../organizations/organizations.service.ts';
import { sendXlsx, toXlsx, type XlsxColumn } from './exports.service.ts';

/** Most rows one export may hold; a larger list must be filtered first. */
export const MAX_EXPORT_ROWS = 100_000;
const PAGE = 200;

const KIND_LABELS: Record<z.infer<typeof OrgKind>, { vi: string; en: string }> = {
  enterprise: { vi: 'Doanh nghiệp', en: 'Enterprise' },
  cooperative: { vi: 'Hợp tác xã', en: 'Cooperative' },
  research_institute: { vi: 'Viện, trung tâm nghiên cứu', en: 'Research institute' },
  university: { vi: 'Trường đại học, cao đẳng', en: 'University or college' },
  state_agency: { vi: 'Cơ quan nhà nước', en: 'State agency' },
  startup: { vi: 'Doanh nghiệp khởi nghiệp', en: 'Startup' },
  household_business: { vi: 'Hộ kinh doanh', en: 'Household business' },
};

export function organizationColumns(lang: Lang): XlsxColumn<Organization>[] {
  const yes = lang === 'vi' ? 'Có' : 'Yes';
  return [
    { key: 'name', header: { vi: 'Tên tổ chức', en: 'Name' }, type: 'text', width: 45 },
    { key: 'shortName', header: { vi: 'Tên viết tắt', en: 'Short name' }, type: 'text', width: 16 },
    { key: (o) => KIND_LABELS[o.kind][lang], header: { vi: 'Loại hình', en: 'Kind' }, type: 'text', width: 22 },
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

const ExportQuery = OrganizationListQuery.omit({ cursor: true, limit: true }).extend({
  /** Language of headers and labels; default from Accept-Language. */
  lang: z.enum(LANGS).optional(),
});

export const organizationExportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/organizations/export.xlsx', {
    schema: {
      tags: ['registry'], summary: 'Export the organisation list (same filters as the list) as XLSX',
      querystring: ExportQuery,
      // 200: the .xlsx bytes (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet).
      response: { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
    },
  }, async (req, reply) => {
    const ctx = ctxOf(req);
    const { lang: langParam, ...filters } = req.query;
    const lang = langParam ?? pickLang(req.headers['accept-language']);
    const rows: Organization[] = [];
    let cursor: string | undefined;
    do {
      const page = await listOrganizations(ctx, { ...filters, limit: PAGE, cursor });
      rows.push(...page.items);
      if (rows.length > MAX_EXPORT_ROWS) {
        throw new AppError('exports.too_many_rows', { status: 400, params: { max: MAX_EXPORT_ROWS }, details: { max: MAX_EXPORT_ROWS } });
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const today = todayInVietnam();
    const title = lang === 'vi'
      ? `Danh sách tổ chức (${rows.length} tổ chức, ngày ${today.slice(8)}/${today.slice(5, 7)}/${today.slice(0, 4)})`
      : `Organisations (${rows.length}, ${today})`;
    const buffer = await toXlsx({
      title, sheetName: lang === 'vi' ? 'Tổ chức' : 'Organisations', columns: organizationColumns(lang), rows, lang,
    });
    const filename = lang === 'vi' ? `Danh sách tổ chức ${today}.xlsx` : `Organisations ${today}.xlsx`;
    return sendXlsx(reply, filename, buffer);
  });
};
