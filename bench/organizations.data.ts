/**
 * Synthetic organisation registry for the benchmarks: Vietnamese names built from a fixed vocabulary
 * (legal form + field + place [+ trade name]), derived columns computed exactly as organizations.service.ts does
 * (search_text = fold(name, short name, tax code), sort_key = sortKey(name)), valid unique tax codes on most rows.
 * Generation is deterministic (seeded), so two runs load the same data.
 */
import { sql } from 'drizzle-orm';
import type { DbHandle } from '../src/server/db/client.ts';
import { fold } from '../src/lib/vi/fold.ts';
import { sortKey } from '../src/lib/vi/collate.ts';
import { withCheckDigit } from '../src/lib/vi/tax-code.ts';
import { rebalanceSearch } from '../src/server/db/search.ts';

const FORMS: { form: string; kind: string }[] = [
  { form: 'Công ty Cổ phần', kind: 'enterprise' },
  { form: 'Công ty TNHH', kind: 'enterprise' },
  { form: 'Công ty TNHH MTV', kind: 'enterprise' },
  { form: 'Doanh nghiệp tư nhân', kind: 'enterprise' },
  { form: 'Hợp tác xã', kind: 'cooperative' },
  { form: 'Hợp tác xã Nông nghiệp', kind: 'cooperative' },
  { form: 'Viện Nghiên cứu', kind: 'research_institute' },
  { form: 'Trung tâm Ứng dụng', kind: 'state_agency' },
  { form: 'Hộ kinh doanh', kind: 'household_business' },
  { form: 'Công ty Khởi nghiệp', kind: 'startup' },
];

export const FIELDS = [
  'Cơ khí', 'Cơ khí chế tạo', 'Xây dựng', 'Dược liệu', 'Nông nghiệp công nghệ cao', 'Thủy sản', 'Chế biến nông sản',
  'Chế biến thực phẩm', 'Điện tử', 'Phần mềm', 'Công nghệ thông tin', 'Môi trường', 'Giống cây trồng',
  'Năng lượng tái tạo', 'Điện mặt trời', 'Vật liệu mới', 'Dệt may', 'Lương thực', 'Gạo sạch', 'Thanh long',
  'Trái cây', 'Rau an toàn', 'Chăn nuôi', 'Thức ăn chăn nuôi', 'Phân bón hữu cơ', 'Bao bì', 'Nhựa', 'Gốm sứ',
  'Đồ gỗ', 'Mây tre đan', 'Nước mắm', 'Muối', 'Cà phê', 'Chè', 'Hồi', 'Đường mía', 'Cao su', 'Thiết bị y tế',
  'Tự động hóa', 'Cấp thoát nước', 'In ấn', 'Vận tải', 'Du lịch sinh thái', 'Thương mại dịch vụ',
];

export const PLACES = [
  'Long An', 'Tây Ninh', 'Lạng Sơn', 'An Giang', 'Kiên Giang', 'Đồng Tháp', 'Cần Giuộc', 'Cần Đước', 'Bến Lức',
  'Đức Hòa', 'Đức Huệ', 'Tân An', 'Tân Trụ', 'Thủ Thừa', 'Mộc Hóa', 'Kiến Tường', 'Tân Thạnh', 'Thạnh Hóa',
  'Vĩnh Hưng', 'Châu Thành', 'Gò Dầu', 'Trảng Bàng', 'Hòa Thành', 'Dương Minh Châu', 'Tân Biên', 'Châu Đốc',
  'Long Xuyên', 'Tân Châu', 'Tri Tôn', 'Tịnh Biên', 'Chợ Mới', 'Phú Quốc', 'Rạch Giá', 'Hà Tiên', 'Cao Lộc',
  'Chi Lăng', 'Bắc Sơn', 'Hữu Lũng', 'Đồng Đăng', 'Mẫu Sơn', 'Văn Lãng', 'Lộc Bình',
];

const TRADE_NAMES = [
  'Phát Đạt', 'Thành Công', 'Minh Phát', 'Hưng Thịnh', 'An Phú', 'Thịnh Vượng', 'Tân Tiến', 'Việt Nhật', 'Mê Kông',
  'Hoàng Long', 'Phú Cường', 'Đại Nam', 'Bình Minh', 'Ánh Dương', 'Tiến Thành', 'Kim Long', 'Nhật Minh',
  'Quang Trung', 'Hòa Bình', 'Trường Sơn', 'Xanh', 'Miền Tây', 'Phương Nam', 'Đông Á', 'Toàn Cầu', 'Hải Đăng',
  'Bảo An', 'Vạn Lợi', 'Sao Mai', 'Thiên Phúc',
];

/** A small seeded PRNG (mulberry32) so data and queries are the same on every run. */
export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]) => xs[Math.floor(r() * xs.length)];

export interface GeneratedOrganization {
  kind: string;
  name: string;
  taxCode: string | null;
  searchText: string;
  sortKey: string;
}

export function* generateOrganizations(count: number, seed = 20_251_001): Generator<GeneratedOrganization> {
  const r = rng(seed);
  for (let i = 0; i < count; i++) {
    const { form, kind } = pick(r, FORMS);
    const name = [form, pick(r, FIELDS), pick(r, PLACES), r() < 0.7 ? pick(r, TRADE_NAMES) : null].filter(Boolean).join(' ');
    // Sequential nine-digit prefixes keep tax codes unique; about 1 in 11 has no valid check digit and stays null.
    const taxCode = r() < 0.6 ? withCheckDigit(String(300_000_000 + i)) : null;
    // The same derived columns as organizations.service.ts `values()` (short name is null here).
    const searchText = fold([name, null, taxCode].filter(Boolean).join(' '));
    yield { kind, name, taxCode, searchText, sortKey: sortKey(name) };
  }
}

/** The shapes of `generateQueries`, in the order they cycle (query i has shape i % 3). */
export const QUERY_SHAPES = ['field_place', 'form_field', 'place_trade'] as const;

/** Three-word folded queries drawn from the vocabulary, e.g. `co khi long`, `tnhh duoc lieu`, `long an phat`. */
export function generateQueries(count: number, seed = 7): string[] {
  const r = rng(seed);
  const words = (s: string) => fold(s).split(' ');
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let w: string[];
    switch (i % 3) {
      case 0: w = [...words(pick(r, FIELDS)), ...words(pick(r, PLACES))]; break;
      case 1: w = [...words(pick(r, FORMS).form).slice(-1), ...words(pick(r, FIELDS))]; break;
      default: w = [...words(pick(r, PLACES)), ...words(pick(r, TRADE_NAMES))]; break;
    }
    out.push(w.slice(0, 3).join(' '));
  }
  return out;
}

/**
 * Loads `count` organisations into a tenant: secondary indexes of the table are dropped, rows go in with
 * multi-row INSERTs inside one transaction, then the search's bucket bounds are computed from the rows, the
 * indexes rebuilt from their own definitions and the table analysed. Returns the number of rows loaded.
 */
export async function loadOrganizations(h: DbHandle, o: { tenantId: string; count: number; batch?: number }) {
  const batch = o.batch ?? 1000;
  const indexes = await h.query<{ name: string; def: string }>(`
    SELECT i.relname AS name, pg_get_indexdef(i.oid) AS def
    FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
    WHERE x.indrelid = 'organizations'::regclass
      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.oid)`);
  for (const ix of indexes) await h.exec(`DROP INDEX ${ix.name}`);
  await h.db.transaction(async (tx) => {
    let rows: GeneratedOrganization[] = [];
    const flush = async () => {
      if (rows.length === 0) return;
      const values = rows.map((g) => sql`(${o.tenantId}, ${g.kind}, ${g.name}, ${g.taxCode}, ${g.searchText}, ${g.sortKey})`);
      await tx.execute(sql`INSERT INTO organizations (tenant_id, kind, name, tax_code, search_text, sort_key) VALUES ${sql.join(values, sql`, `)}`);
      rows = [];
    };
    for (const g of generateOrganizations(o.count)) {
      rows.push(g);
      if (rows.length === batch) await flush();
    }
    await flush();
  });
  // The bucket bounds of the search (migration 0053) from the loaded rows, before its index is built again.
  await rebalanceSearch(h.db, 'organizations');
  for (const ix of indexes) await h.exec(ix.def);
  await h.exec('VACUUM ANALYZE organizations');
  return o.count;
}
