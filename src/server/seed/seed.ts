/**
 * The demo seed: three provinces (Tây Ninh with the former Long An, Lạng Sơn, An Giang), the organisations and
 * people the DOSTs' articles name, a few experts per field and one login per role (data in demo-data.ts).
 *
 * Everything goes through the services, so every record is validated and audited: accounts by `createUser`
 * (author: the system), organisations and people by each province's first account. Tenants have no HTTP service;
 * their creation is audited here with the same system author. All in one transaction under an advisory lock:
 * idempotent (does nothing when any tenant exists) and safe when two servers start on one empty database.
 */
import { sql } from 'drizzle-orm';
import type { DbHandle } from '../db/client.ts';
import { rowsOf } from '../db/rows.ts';
import type { Ctx, Tx } from '../context.ts';
import { AppError } from '../errors.ts';
import { withCheckDigit } from '../../lib/vi/tax-code.ts';
import { AgencyInput } from '../../shared/schemas/agencies.ts';
import { OrganizationInput } from '../../shared/schemas/organizations.ts';
import { PersonInput } from '../../shared/schemas/people.ts';
import { registerModules } from '../modules/index.ts';
import { recordAudit } from '../modules/audit/audit.service.ts';
import { findUnitByCode, findUnitByName, getAdminUnit } from '../modules/admin-units/admin-units.service.ts';
import { createAgency } from '../modules/agencies/agencies.service.ts';
import { createOrganization } from '../modules/organizations/organizations.service.ts';
import { createPerson } from '../modules/people/people.service.ts';
import { createUser } from '../modules/users/users.service.ts';
import { listScienceFields } from '../modules/science-fields/science-fields.service.ts';
import { countTenants, createTenant, findTenantBySlug } from '../modules/tenants/tenants.service.ts';
import {
  DEMO_ACCOUNTS, DEMO_AGENCIES, DEMO_ORGANIZATIONS, DEMO_PASSWORD, DEMO_PEOPLE, DEMO_TENANTS, DOST_SYMBOL, demoAgencyNote, demoFormerNote,
  type DemoOrganization,
} from './demo-data.ts';
import { actorOf, systemActor } from './actors.ts';
import { seedDemoTasks } from './tasks.ts';
import { seedDemoHistory } from './history.ts';
import { seedDemoLegalDocuments } from './legal-documents.ts';
import { seedDemoPlans } from './plans.ts';
import { seedDemoIndicators } from './indicators.ts';
import { seedDemoEnterprise } from './enterprise.ts';
import { seedDemoProgrammes } from './programmes.ts';

export { DEMO_PASSWORD } from './demo-data.ts';

export interface DemoLogin {
  username: string;
  password: string;
  role: string;
  /** Tenant slug (the province). */
  tenant: string;
}

export interface DemoSeedResult {
  /** False when tenants already existed and nothing was written. */
  created: boolean;
  logins: DemoLogin[];
}

/** What each part of the demo gets: the seed's transaction and the ids of the records made before it. */
export interface DemoSeedContext {
  h: DbHandle;
  db: Tx;
  /** Tenant slug → id. */
  tenantIds: Map<string, string>;
  /** Organisation key (demo-data.ts) → id. */
  orgIds: Map<string, string>;
  /** `<tenant slug>/<agency key>` (demo-data.ts) → id. */
  agencyIds: Map<string, string>;
}

/**
 * The parts of the demo written after the provinces, agencies, organisations, people and accounts, in order, in
 * the seed's transaction: one line per part. A part that writes many rows of history can use `bulk.ts`.
 */
const DEMO_PARTS: ((s: DemoSeedContext) => Promise<unknown>)[] = [
  (s) => seedDemoTasks(s.h, s),
  (s) => seedDemoHistory(s),
  (s) => seedDemoLegalDocuments(s),
  (s) => seedDemoPlans(s),
  (s) => seedDemoIndicators(s),
  (s) => seedDemoEnterprise(s),
  (s) => seedDemoProgrammes(s),
];

/** Serialises concurrent seeds (two servers starting with --demo on one empty PostgreSQL database). */
const LOCK_KEY = 20_260_001;
/** The last day before the 2025 reform: the articles name places as they were then. */
const BEFORE_REFORM = '2025-06-30';

const login = (a: { username: string; role: string; tenant: string }): DemoLogin => ({
  username: a.username, password: DEMO_PASSWORD, role: a.role, tenant: a.tenant,
});

/** The accounts as people read them: province by province (Tây Ninh first), in role order. */
const ACCOUNTS_FOR_DISPLAY = DEMO_TENANTS.flatMap((t) => DEMO_ACCOUNTS.filter((a) => a.tenant === t.slug));

/**
 * Fictitious tax codes: the articles give none. A series starting 0999 with a correct check digit (so the
 * registry's validation accepts them); they stand for no real enterprise.
 */
function* fictitiousTaxCodes(): Generator<string, never> {
  for (let n = 1; ; n++) {
    const code = withCheckDigit(`09990${String(n).padStart(4, '0')}`);
    if (code) yield code;
  }
}

/** The current commune that succeeded the pre-reform one the article names; null when it cannot be told. */
async function currentCommune(tx: Tx, place: NonNullable<DemoOrganization['formerCommune']>): Promise<string | null> {
  try {
    const province = await findUnitByCode(tx, { level: 'province', code: place.provinceCode, onDate: BEFORE_REFORM });
    if (!province) return null;
    const district = await findUnitByName(tx, { level: 'district', name: place.district, onDate: BEFORE_REFORM, parentId: province.id });
    if (!district) return null;
    const commune = await findUnitByName(tx, { level: 'commune', name: place.commune, onDate: BEFORE_REFORM, parentId: district.id });
    if (!commune) return null;
    const { successors } = await getAdminUnit(tx, commune.id);
    const inForce = successors.filter((s) => s.level === 'commune' && s.validTo === null);
    return inForce.length === 1 ? inForce[0].id : null;
  } catch (err) {
    if (err instanceof AppError) return null; // e.g. an ambiguous name: leave the unit empty rather than guess
    throw err;
  }
}

export async function seedDemo(h: DbHandle): Promise<DemoSeedResult> {
  registerModules();
  return h.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${LOCK_KEY})`);
    if ((await countTenants(tx)) > 0) return { created: false, logins: await existingDemoLogins(tx) };

    const db = tx as unknown as Ctx['db'];
    const fieldCodes = new Set((await listScienceFields(tx)).map((f) => f.code));
    // A level-2 field missing from the catalogue falls back to its level-1 parent (the first digit), else none.
    const field = (code?: string) => (!code ? null : fieldCodes.has(code) ? code : fieldCodes.has(code[0]) ? code[0] : null);

    const tenantIds = new Map<string, string>();
    for (const t of DEMO_TENANTS) {
      const province = await findUnitByCode(tx, { level: 'province', code: t.provinceCode });
      const tenant = await createTenant(tx, { slug: t.slug, name: t.name, provinceUnitId: province?.id ?? null });
      await recordAudit(tx, { actor: systemActor(tenant.id) }, { action: 'create', entity: 'tenant', entityId: tenant.id, after: tenant });
      tenantIds.set(t.slug, tenant.id);
    }

    // The province's departments and agencies, entered by the system: accounts point at them. The DOST issues the
    // province's documents; the one before it (a merged province's former DOST, under its former People's
    // Committee) issued those of its time, so minutes of a 2023 Long An council are headed by Long An's.
    const agencyIds = new Map<string, string>();
    for (const t of DEMO_TENANTS) {
      const system: Ctx = { db, actor: systemActor(tenantIds.get(t.slug)!) };
      const add = async (key: string, input: Record<string, unknown>) => {
        agencyIds.set(`${t.slug}/${key}`, (await createAgency(system, AgencyInput.parse(input))).id);
      };
      const former = t.formerDost;
      const issuer = (place: string) => ({ issuesDocuments: true, documentSymbol: DOST_SYMBOL, placeName: place });
      for (const a of DEMO_AGENCIES) {
        const parentKey = a.parent ?? a.issuesUnder;
        await add(a.key, {
          kind: a.kind,
          name: a.parent ? a.name : `${a.name} tỉnh ${t.province}`,
          shortName: a.shortName ?? null,
          parentId: parentKey ? agencyIds.get(`${t.slug}/${parentKey}`)! : null,
          validFrom: a.closed?.validFrom ?? (a.sinceFormer && !former.committeeEnded ? former.validFrom : t.agenciesFrom),
          validTo: a.closed?.validTo ?? null,
          note: demoAgencyNote(a),
          ...(a.issuesUnder ? issuer(t.province) : {}),
        });
      }
      if (former.committeeEnded) {
        await add('former-ubnd', {
          kind: 'people_committee', name: `UBND tỉnh ${former.province}`, shortName: 'UBND tỉnh',
          validFrom: former.validFrom, validTo: former.validTo, note: demoFormerNote(t, 'committee'),
        });
      }
      await add('former-khcn', {
        kind: 'department', name: `Sở Khoa học và Công nghệ tỉnh ${former.province}`, shortName: 'Sở KH&CN',
        parentId: agencyIds.get(`${t.slug}/${former.committeeEnded ? 'former-ubnd' : 'ubnd'}`)!,
        validFrom: former.validFrom, validTo: former.validTo, note: demoFormerNote(t, 'dost'), ...issuer(former.province),
      });
    }

    const orgIds = new Map<string, string>();
    const authors = new Map<string, Ctx>();
    const addAccount = async (a: (typeof DEMO_ACCOUNTS)[number]) => {
      const tenantId = tenantIds.get(a.tenant)!;
      const user = await createUser(tx, {
        tenantId, username: a.username, displayName: a.displayName, password: DEMO_PASSWORD,
        role: a.role, organizationId: a.organization ? orgIds.get(a.organization)! : null,
        agencyId: a.agency ? agencyIds.get(`${a.tenant}/${a.agency}`)! : null,
      });
      if (!authors.has(a.tenant)) authors.set(a.tenant, { db, actor: actorOf(user, tenantId) });
    };

    // Each tenant's first account enters its records; accounts that point at an organisation wait for it.
    const [firsts, rest] = [
      DEMO_ACCOUNTS.filter((a, i) => DEMO_ACCOUNTS.findIndex((b) => b.tenant === a.tenant) === i),
      DEMO_ACCOUNTS.filter((a, i) => DEMO_ACCOUNTS.findIndex((b) => b.tenant === a.tenant) !== i),
    ];
    for (const a of firsts) await addAccount(a);

    const taxCodes = fictitiousTaxCodes();
    for (const o of DEMO_ORGANIZATIONS) {
      const ctx = authors.get(o.tenant)!;
      const org = await createOrganization(ctx, OrganizationInput.parse({
        kind: o.kind,
        name: o.name,
        shortName: o.shortName ?? null,
        taxCode: o.taxCode ? taxCodes.next().value : null,
        address: o.address ?? null,
        adminUnitId: o.formerCommune ? await currentCommune(tx, o.formerCommune) : null,
        scienceField: field(o.scienceField),
        isStEnterprise: o.isStEnterprise ?? false,
        note: o.note ?? null,
      }));
      orgIds.set(o.key, org.id);
    }

    for (const { tenant, organization, scienceField, ...p } of DEMO_PEOPLE) {
      await createPerson(authors.get(tenant)!, PersonInput.parse({
        ...p,
        scienceField: field(scienceField ?? undefined),
        organizationId: organization ? orgIds.get(organization)! : null,
      }));
    }

    for (const a of rest) await addAccount(a);
    for (const part of DEMO_PARTS) await part({ h, db: tx, tenantIds, orgIds, agencyIds });
    return { created: true, logins: ACCOUNTS_FOR_DISPLAY.map(login) };
  });
}

/** When the database already has tenants: the demo logins that are there (none on a real installation). */
async function existingDemoLogins(tx: Tx): Promise<DemoLogin[]> {
  const found: DemoLogin[] = [];
  const demoTenants = new Set<string>();
  for (const t of DEMO_TENANTS) if (await findTenantBySlug(tx, t.slug)) demoTenants.add(t.slug);
  if (demoTenants.size === 0) return found;
  const rows = await rowsOf<{ username: string; slug: string }>(tx, sql`
    SELECT u.username, t.slug FROM users u JOIN tenants t ON t.id = u.tenant_id
    WHERE u.active AND u.username IN (${sql.join(DEMO_ACCOUNTS.map((a) => sql`${a.username}`), sql`, `)})`);
  const present = new Set(rows.map((r) => `${r.slug}/${r.username}`));
  for (const a of ACCOUNTS_FOR_DISPLAY) if (present.has(`${a.tenant}/${a.username}`)) found.push(login(a));
  return found;
}
