/**
 * The enterprise's side of the demo: the demo company (doanhnghiep's, Công ty CP Cơ khí chế tạo máy Long An) has a
 * proposal saved as a draft, not yet submitted, and a second person of the company has asked for an account that a
 * DOST officer has still to confirm (Tài khoản → Yêu cầu tài khoản doanh nghiệp). Both go through the services an
 * enterprise uses in the browser, so the draft is invisible to the department and the request waits in its inbox.
 */
import { sql } from 'drizzle-orm';
import { rowsOf } from '../db/rows.ts';
import type { Db } from '../db/client.ts';
import { ProposalInput } from '../../shared/schemas/tasks-proposals.ts';
import { requestAccount } from '../modules/users/account-requests.service.ts';
import { createProposal } from '../modules/tasks/tasks.proposals.ts';
import { getUser } from '../modules/users/users.service.ts';
import { actorOf, systemActor } from './actors.ts';
import type { DemoSeedContext } from './seed.ts';

const COMPANY = 'co-khi-che-tao-may';
const TENANT = 'tay-ninh';

export async function seedDemoEnterprise(s: DemoSeedContext): Promise<void> {
  const tenantId = s.tenantIds.get(TENANT)!;
  const organizationId = s.orgIds.get(COMPANY)!;
  const [applicant] = await rowsOf<{ id: string }>(s.db, sql`
    SELECT id FROM users WHERE tenant_id = ${tenantId} AND username = 'doanhnghiep'`);
  const db = s.db as unknown as Db;
  const user = await getUser({ db, actor: systemActor(tenantId) }, applicant.id);
  await createProposal({ db, actor: actorOf(user, tenantId) }, ProposalInput.parse({
    title: 'Cải tiến máy sấy lúa tiết kiệm năng lượng cho hợp tác xã',
    type: 'st_project',
    proposalYear: 2027,
    summary: 'Nội dung minh họa cho dữ liệu mẫu: thay buồng đốt trấu của máy sấy tĩnh vỉ ngang bằng buồng đốt hai cấp, '
      + 'thu hồi nhiệt khí thải, thử nghiệm tại một hợp tác xã của tỉnh.',
    funding: [],
    products: [],
  }));
  const [company] = await rowsOf<{ tax_code: string }>(s.db, sql`SELECT tax_code FROM organizations WHERE id = ${organizationId}`);
  await requestAccount(db, {
    province: TENANT, taxCode: company.tax_code, displayName: 'Trần Văn Bình', position: 'Giám đốc kỹ thuật',
    email: 'binh.kythuat@example.vn', phone: '0903 123 456', username: 'binh.kythuat',
    password: 'mot cau mat khau that dai 2026',
  });
}
