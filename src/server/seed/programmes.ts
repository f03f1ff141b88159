/**
 * The demo of the support programmes (issue #13), P3's part: the replicated models Long An reports under Nghị quyết
 * 164/2014/NQ-HĐND (107, programmes-data.ts), in one bulk insert on the tasks module's register of models. Called by
 * seedDemo inside its transaction (a DEMO_PARTS entry); does nothing for a province that already has them.
 */
import { sql } from 'drizzle-orm';
import type { Ctx, Tx } from '../context.ts';
import { fold } from '../../lib/vi/fold.ts';
import { withCheckDigit } from '../../lib/vi/tax-code.ts';
import { createOrganization } from '../modules/organizations/organizations.service.ts';
import { APPLICATION_SUBJECT, APPLICATION_WORKFLOW, createCall, createProgramme, listProgrammes, setCallStatus } from '../modules/programmes/programmes.service.ts';
import { programmeApplications } from '../modules/programmes/programmes.tables.ts';
import { resolveWorkflow } from '../modules/workflow/workflow.service.ts';
import { stageEvents } from '../modules/workflow/workflow.tables.ts';
import { seedServices } from '../modules/incubation/incubation.service.ts';
import { auditRows, insertRows } from './bulk.ts';
import { rowsOf } from '../db/rows.ts';
import { legalDocumentByNumber } from '../modules/legal-documents/legal-documents.service.ts';
import { listReplicatedModels, seedReplicatedModels, type ReplicatedModelValues } from '../modules/tasks/tasks.replications.ts';
import { systemActor } from './actors.ts';
import { between, pick, random } from './prng.ts';
import {
  CENTRE_PROVIDER, COWORKING_PROVIDER, DEMO_SCALE, GENERATED_NOTE, GENERATED_PROJECT_NOTE, GENERATED_SERVICE_NOTE, NAMED_MODELS, NAMED_NOTE,
  REPLICATION_POLICY, REPLICATION_TOTAL, REPLICATION_YEARS, STARTUP_CALL, STARTUP_PROGRAMME, STARTUP_PROJECTS, STARTUP_SELECTED,
} from './programmes-data.ts';

/** Old communes of Long An (before 1/7/2025) with their district, in a stable order. */
async function oldCommunes(tx: Tx) {
  return rowsOf<{ id: string; name: string; district: string }>(tx, sql`
    SELECT c.id, c.name, d.name AS district FROM admin_units c
    JOIN admin_units d ON d.id = c.parent_id JOIN admin_units p ON p.id = d.parent_id
    WHERE c.level = 'commune' AND p.level = 'province' AND p.code = '80' AND p.valid_to IS NOT NULL
      AND c.valid_from <= '2015-01-01' AND (c.valid_to IS NULL OR c.valid_to >= '2020-12-31')
    ORDER BY d.name, c.name, c.id`);
}

export async function seedDemoReplicatedModels(o: { db: Tx; tenantIds: Map<string, string> }, tenant = 'tay-ninh'): Promise<{ models: number }> {
  const tenantId = o.tenantIds.get(tenant);
  if (!tenantId) throw new Error(`demo replicated models: no tenant ${tenant}`);
  const ctx: Ctx = { db: o.db as unknown as Ctx['db'], actor: systemActor(tenantId) };
  const policy = await legalDocumentByNumber(ctx, REPLICATION_POLICY);
  if (!policy) throw new Error(`demo replicated models: ${REPLICATION_POLICY} is not in the register of ${tenant}`);
  if ((await listReplicatedModels(ctx, { legalDocumentId: policy.id, limit: 1 })).total > 0) return { models: 0 };
  const communes = await oldCommunes(o.db);
  if (communes.length === 0) throw new Error('demo replicated models: no old commune of Long An');
  const rnd = random('replicated-models-164');
  const rows: ReplicatedModelValues[] = [];
  for (let i = 0; i < REPLICATION_TOTAL; i++) {
    const named = i < NAMED_MODELS.length;
    const model = named ? NAMED_MODELS[i] : pick(rnd, NAMED_MODELS);
    const inDistrict = model.district ? communes.filter((c) => c.district === model.district) : communes;
    const commune = pick(rnd, inDistrict.length > 0 ? inDistrict : communes);
    rows.push({
      taskId: null, sourceKind: model.sourceKind, sourceDescription: model.sourceDescription,
      name: named ? model.name : `${model.name} tại ${commune.name}`,
      adminUnitId: commune.id, place: `${commune.name}, ${commune.district}, tỉnh Long An (cũ)`,
      adopterOrganizationId: null, adopterName: model.adopter ? `${model.adopter} ${commune.name}` : null,
      scale: DEMO_SCALE, year: between(rnd, REPLICATION_YEARS[0], REPLICATION_YEARS[1]),
      results: null, supportAmount: null, legalDocumentId: policy.id, applicationId: null,
      note: named ? NAMED_NOTE : GENERATED_NOTE, createdBy: null,
    });
  }
  return { models: await seedReplicatedModels(o.db, tenantId, rows) };
}

/** Fictitious tax codes of the generated startups (series 09992…, check digit correct); they stand for no real firm. */
function startupTaxCode(n: number): string {
  for (let k = n; ; k += 100) {
    const code = withCheckDigit(`09992${String(k).padStart(4, '0')}`);
    if (code) return code;
  }
}

const at = (isoDate: string, hour = 9) => new Date(`${isoDate}T${String(hour).padStart(2, '0')}:00:00+07:00`);
const addDays = (isoDate: string, days: number) => new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The 2023 startup call of Long An (Kế hoạch 522/KH-SKHCN): the programme and the call through the programmes
 * service; the generated applications (ten selected, three not) with their workflow history, and the incubation
 * services of the selected ones, in bulk.
 */
export async function seedDemoStartupCall(o: { db: Tx; tenantIds: Map<string, string> }, tenant = 'tay-ninh'): Promise<{ applications: number; services: number }> {
  const tenantId = o.tenantIds.get(tenant);
  if (!tenantId) throw new Error(`demo startup call: no tenant ${tenant}`);
  const actor = systemActor(tenantId);
  const ctx: Ctx = { db: o.db as unknown as Ctx['db'], actor };
  if ((await listProgrammes(ctx, { kind: 'startup', limit: 50 })).items.some((p) => p.code === STARTUP_PROGRAMME.code)) return { applications: 0, services: 0 };
  const basis = await legalDocumentByNumber(ctx, STARTUP_PROGRAMME.legalNumber);
  const programme = await createProgramme(ctx, {
    code: STARTUP_PROGRAMME.code, kind: STARTUP_PROGRAMME.kind, name: STARTUP_PROGRAMME.name, nameEn: STARTUP_PROGRAMME.nameEn,
    legalDocumentId: basis?.id ?? null, description: STARTUP_PROGRAMME.description, active: true,
  });
  let call = await createCall(ctx, {
    programmeId: programme.id, code: STARTUP_CALL.code, title: STARTUP_CALL.title, year: STARTUP_CALL.year,
    opensOn: STARTUP_CALL.opensOn, closesOn: STARTUP_CALL.closesOn, eligibility: STARTUP_CALL.eligibility, selectTop: STARTUP_CALL.selectTop,
    supportTypes: ['incubation_service'], requiredDocuments: [],
    formSchema: {
      type: 'object', required: ['moTa'],
      properties: { moTa: { type: 'string', title: 'Mô tả dự án, sản phẩm', maxLength: 4000 }, nhom: { type: 'string', title: 'Thành viên nhóm khởi nghiệp', maxLength: 1000 } },
    },
  });
  call = await setCallStatus(ctx, call.id, { status: 'open', version: call.version });
  call = await setCallStatus(ctx, call.id, { status: 'closed', version: call.version });

  const rule = await resolveWorkflow(o.db, { tenantId, workflow: APPLICATION_WORKFLOW, regimeDate: STARTUP_CALL.opensOn });
  const apps: (typeof programmeApplications.$inferInsert & { id: string })[] = [];
  const events: (typeof stageEvents.$inferInsert)[] = [];
  for (const [i, [title, team]] of STARTUP_PROJECTS.entries()) {
    const org = await createOrganization(ctx, { kind: 'enterprise', name: team, taxCode: startupTaxCode(i + 1), isStEnterprise: false });
    const selected = i < STARTUP_SELECTED;
    const code = `${STARTUP_CALL.code}-${String(i + 1).padStart(3, '0')}`;
    const submitted = addDays(STARTUP_CALL.opensOn, 7 + i * 3);
    const decided = '2023-08-25';
    const id = crypto.randomUUID();
    apps.push({
      id, tenantId, callId: call.id, organizationId: org.id, code, title, answers: { moTa: `${title}. ${GENERATED_PROJECT_NOTE}`, nhom: team },
      requestedAmount: null, stage: selected ? 'supported' : 'not_supported', submittedAt: at(submitted), decidedAt: at(decided, 15),
      createdBy: null, searchText: fold([title, code, org.name, org.taxCode ?? ''].join(' ')),
    });
    const ev = (fromStage: string | null, toStage: string, action: string | null, on: string, hour: number, note: string | null = null) => events.push({
      tenantId, workflow: APPLICATION_WORKFLOW, subjectType: APPLICATION_SUBJECT, subjectId: id, fromStage, toStage, action, actorId: null,
      at: at(on, hour), note, ruleVersionId: rule.id,
    });
    ev(null, 'received', null, submitted, 9); // entering the first stage (the submission) has no action
    ev('received', 'review', 'send_to_review', addDays(submitted, 3), 10);
    ev('review', 'decision', 'conclude_review', '2023-08-18', 16);
    ev('decision', selected ? 'supported' : 'not_supported', selected ? 'support' : 'reject', decided, 15,
      selected ? null : 'Không nằm trong 10 dự án có điểm cao nhất của đợt xét chọn.');
  }
  await insertRows(o.db, programmeApplications, apps);
  await insertRows(o.db, stageEvents, events);
  await auditRows(o.db, actor, apps.map((a) => ({ action: 'create', entity: 'programme_application', entityId: a.id, after: { code: a.code, title: a.title, stage: a.stage } })));

  const rnd = random('startup-services-2023');
  const plan: [string, string, number | null, number | null][] = [
    ['coworking', COWORKING_PROVIDER, 160, null], ['training', CENTRE_PROVIDER, 24, null], ['mentoring', CENTRE_PROVIDER, 12, null],
    ['packaging_labels', CENTRE_PROVIDER, null, 15_000_000], ['media', CENTRE_PROVIDER, null, 5_000_000],
  ];
  const services = apps.slice(0, STARTUP_SELECTED).flatMap((a, i) => plan.filter((_, k) => k < 3 || (i + k) % 2 === 0).map(([kind, provider, hours, amount], k) => ({
    applicationId: a.id, kind, provider, hours, amount: amount === null ? null : amount + between(rnd, 0, 5) * 1_000_000,
    providedOn: addDays('2023-09-05', k * 21 + between(rnd, 0, 10)), note: GENERATED_SERVICE_NOTE, createdBy: null,
  })));
  const n = await seedServices(o.db, tenantId, services);
  return { applications: apps.length, services: n };
}

/** The programmes part of the demo (a DEMO_PARTS entry), timed: what it wrote and how long it took. */
export async function seedDemoProgrammes(o: { db: Tx; tenantIds: Map<string, string> }): Promise<{ models: number; applications: number; services: number; ms: number }> {
  const started = performance.now();
  const { models } = await seedDemoReplicatedModels(o);
  const startups = await seedDemoStartupCall(o);
  return { models, ...startups, ms: Math.round(performance.now() - started) };
}
