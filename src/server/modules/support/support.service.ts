/**
 * Support through programmes (issue #13): the review of a call's applications by a council of the councils module
 * (kind `programme_review`, one council per call with one dossier per application, scoring on the call's own sheet),
 * the ranking computed from that council's results, the support decision per application checked against the rule
 * `support.types` on its date (and its DOCX), the completion record and the certificates, the guards on the
 * programmes workflow, and the figures (indicator source, report section, leader's home).
 */
import type { Ctx, Tx } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { AppError, forbidden } from '../../errors.ts';
import { translate, type Lang } from '../../../shared/i18n/messages.ts';
import { legalNumberKey } from '../../../lib/vi/legal-refs.ts';
import { formatDate } from '../../../lib/vi/format.ts';
import { formatDateIn, formatNumberIn } from '../../../shared/format.ts';
import { todayInVietnam } from '../../../lib/vi/dates.ts';
import { compareVi } from '../../../lib/vi/collate.ts';
import {
  counterpartProblemKey, counterpartProblems, type ApplicationSupport, type Certificate, type CertificateInput,
  type CertificateUpdate, type Decision, type DecisionInput, type DecisionUpdate, type FigureCount, type Outcome,
  type OutcomeInput, type OutcomeUpdate, type Ranking, type RankingRow, type RankingTiesRule, type ReviewCouncilInput,
  type SupportFigures, type SupportTypeRule, type SupportTypesRule,
} from '../../../shared/schemas/support.ts';
import { ScoringSheetRule, type CouncilResults } from '../../../shared/schemas/councils.ts';
import { versionedRecords } from '../../records/versioned-record.ts';
import { resolveRule } from '../rules/rules.service.ts';
import { notify } from '../inbox/inbox.service.ts';
import { documentHeadingOn } from '../agencies/agencies.service.ts';
import { renderAdministrativeDocument } from '../documents/documents.service.ts';
import { toXlsx, toXlsxBook, xlsxSheet } from '../exports/exports.service.ts';
import { addCouncilDossier, createCouncil, getCouncilResults, listCouncils } from '../councils/councils.service.ts';
import * as repo from './support.repo.ts';
import { can } from './support.policy.ts';
import { APPLICATION_SUBJECT, CALL_SUBJECT, REVIEW_KIND, SUPPORT_RULES } from './support.rules.ts';
import { buildDecisionDocument, decisionFilename, decisionNumberOn } from './support.decision-doc.ts';

type Bi = { vi: string; en: string };
type Handle = Db | Tx;

/* ---------- reading an application ---------- */

const applicationNotFound = (id: string) => new AppError('support.application_not_found', { status: 404, details: { entity: 'programme_application', id } });

/** The application as the caller may see it: 404 when absent, in another province, or another firm's. */
async function visibleApplication(ctx: Ctx, db: Handle, id: string) {
  const app = await repo.findApplicationView(db, ctx.actor.tenantId, id);
  if (!app || !can(ctx.actor, 'read', app)) throw applicationNotFound(id);
  return app;
}

/* ---------- support types ---------- */

export async function supportTypesOn(db: Handle, tenantId: string, onDate: string) {
  return resolveRule<SupportTypesRule>(db, { tenantId, key: SUPPORT_RULES.types, onDate });
}

const typeName = (rule: SupportTypesRule, key: string): Bi => rule.types[key]?.label ?? { vi: key, en: key };

/** The support types a call offers, with their rule on the date: the call's list, else every type of the rule. */
function offered(rule: SupportTypesRule, callTypes: string[]) {
  const keys = callTypes.length ? callTypes.filter((k) => rule.types[k]) : Object.keys(rule.types);
  return keys.map((key) => ({ key, rule: rule.types[key] }));
}

/* ---------- DTOs ---------- */

function decisionDto(r: repo.DecisionRow, types: SupportTypesRule): Decision {
  return {
    id: r.id, applicationId: r.applicationId, supportType: r.supportType, supportTypeName: typeName(types, r.supportType),
    totalCost: Number(r.totalCost), stateAmount: Number(r.stateAmount), counterpartAmount: Number(r.counterpartAmount),
    decisionNumber: r.decisionNumber, decisionDate: r.decisionDate, signerTitle: r.signerTitle, signerName: r.signerName,
    note: r.note, version: r.version, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(),
  };
}
const outcomeDto = (r: repo.OutcomeRow): Outcome => ({
  id: r.id, decisionId: r.decisionId, completedOn: r.completedOn, achievements: r.achievements, note: r.note, version: r.version,
});
const certificateDto = (r: repo.CertificateRow): Certificate => ({
  id: r.id, decisionId: r.decisionId, organizationId: r.organizationId, standard: r.standard, certifyingBody: r.certifyingBody,
  number: r.number, issuedOn: r.issuedOn, expiresOn: r.expiresOn, note: r.note, version: r.version,
});

/* ---------- stages ---------- */

const STAGE_TEXT: Record<string, Bi> = {
  draft: { vi: 'bản nháp', en: 'draft' }, received: { vi: 'tiếp nhận', en: 'received' }, review: { vi: 'thẩm định', en: 'review' },
  decision: { vi: 'chờ quyết định hỗ trợ', en: 'awaiting the decision' }, supported: { vi: 'được hỗ trợ', en: 'supported' },
  completed: { vi: 'hoàn thành', en: 'completed' }, not_supported: { vi: 'không được hỗ trợ', en: 'not supported' },
  withdrawn: { vi: 'đã rút', en: 'withdrawn' },
};
const ACTION_TEXT = {
  decision: { vi: 'ghi quyết định hỗ trợ', en: 'record the support decision' },
  outcome: { vi: 'ghi nhận kết quả, giấy chứng nhận', en: 'record an outcome or certificate' },
} satisfies Record<string, Bi>;

/** A decision is written while the application awaits it, and corrected while it is supported. */
const DECISION_STAGES = ['decision', 'supported'];
/** Outcomes and certificates are recorded once the application is supported (and after it completed). */
const OUTCOME_STAGES = ['supported', 'completed'];

function requireStage(app: repo.ApplicationView, allowed: string[], action: keyof typeof ACTION_TEXT) {
  if (allowed.includes(app.stage)) return;
  throw new AppError('support.wrong_stage', {
    status: 409, params: { action: ACTION_TEXT[action], stage: STAGE_TEXT[app.stage] ?? { vi: app.stage, en: app.stage } },
    details: { stage: app.stage, allowed },
  });
}

/* ---------- the decision ---------- */

const decisions = versionedRecords({
  entity: 'support_decision',
  constraints: { unique: { support_decisions_number_key: 'decisionNumber', support_decisions_application_key: 'applicationId' } },
  find: repo.findDecision, toDto: (r: repo.DecisionRow) => r, writes: repo.decisionWrites,
});

/**
 * The amounts against the type's rule in force on the decision date, and the type against the call's offer: 400
 * naming `body.supportType` or the amount fields, with the rule's legal basis.
 */
async function checkDecision(tx: Handle, app: repo.ApplicationView, input: DecisionInput) {
  const resolved = await supportTypesOn(tx, app.tenantId, input.decisionDate);
  const rule = resolved.value.types[input.supportType];
  if (!rule) {
    throw new AppError('support.unknown_type', {
      status: 400, params: { type: input.supportType },
      details: [{ path: 'body.supportType', code: 'unknown_support_type', allowed: Object.keys(resolved.value.types) }],
    });
  }
  if (app.supportTypes.length && !app.supportTypes.includes(input.supportType)) {
    throw new AppError('support.type_not_offered', {
      status: 400, params: { type: rule.label }, details: [{ path: 'body.supportType', code: 'not_offered', allowed: app.supportTypes }],
    });
  }
  const problems = counterpartProblems(rule, input);
  if (problems.length) {
    const words = (lang: Lang) => problems.map((p) => translate(lang, counterpartProblemKey(p), p.params)).join(' ');
    throw new AppError('support.counterpart_breach', {
      status: 400,
      params: { legalBasis: resolved.legalBasis, problems: { vi: words('vi'), en: words('en') } },
      details: problems.map((p) => ({ path: `body.${p.path}`, code: p.kind, i18n: counterpartProblemKey(p), params: p.params, ruleVersionId: resolved.id })),
    });
  }
  return { rule, resolved };
}

function decisionValues(ctx: Ctx, applicationId: string, input: DecisionInput) {
  return {
    applicationId, supportType: input.supportType, totalCost: input.totalCost, stateAmount: input.stateAmount,
    counterpartAmount: input.counterpartAmount, decisionNumber: input.decisionNumber, numberKey: legalNumberKey(input.decisionNumber),
    decisionDate: input.decisionDate, signerTitle: input.signerTitle ?? null, signerName: input.signerName ?? null,
    note: input.note ?? null, createdBy: ctx.actor.userId,
  };
}

function tellApplicant(tx: Tx, app: repo.ApplicationView, d: DecisionInput, rule: SupportTypeRule) {
  return notify(tx, {
    tenantId: app.tenantId, kind: 'support.decided', subject: { type: APPLICATION_SUBJECT, id: app.id },
    title: 'support.notice.decided', body: 'support.notice.decided.body',
    params: {
      title: app.title, number: d.decisionNumber, date: { vi: formatDateIn('vi', d.decisionDate), en: formatDateIn('en', d.decisionDate) },
      type: rule.label, amount: { vi: `${formatNumberIn('vi', d.stateAmount)} đồng`, en: `VND ${formatNumberIn('en', d.stateAmount)}` },
    },
    to: [{ organizationId: app.organizationId, role: 'applicant' }],
  });
}

/**
 * Records the support decision of an application awaiting it (one per application: a second is a 409), checked
 * against the support-type rule on its date; the applicant's accounts are told, in the same transaction.
 */
export async function createDecision(ctx: Ctx, applicationId: string, input: DecisionInput): Promise<Decision> {
  let types: SupportTypesRule | null = null;
  const row = await decisions.create(ctx, decisionValues(ctx, applicationId, input), {
    input,
    authorize: () => can(ctx.actor, 'edit'),
    check: async (tx) => {
      const app = await visibleApplication(ctx, tx, applicationId);
      requireStage(app, ['decision'], 'decision');
      const { rule, resolved } = await checkDecision(tx, app, input);
      types = resolved.value;
      await tellApplicant(tx, app, input, rule);
    },
  });
  return decisionDto(row, types!);
}

/** Corrects a decision (its version; 409 when stale) while the application awaits it or is supported. */
export async function updateDecision(ctx: Ctx, applicationId: string, input: DecisionUpdate): Promise<Decision> {
  const existing = await repo.decisionOfApplication(ctx.db, ctx.actor.tenantId, applicationId);
  if (!existing || !can(ctx.actor, 'edit')) {
    if (!can(ctx.actor, 'edit')) throw forbidden();
    throw new AppError('support.decision_not_found', { status: 404, details: { applicationId } });
  }
  let types: SupportTypesRule | null = null;
  const { version, ...fields } = input;
  const row = await decisions.update(ctx, existing.id, version, decisionValues(ctx, applicationId, fields), {
    input: fields,
    check: async (tx) => {
      const app = await visibleApplication(ctx, tx, applicationId);
      requireStage(app, DECISION_STAGES, 'decision');
      types = (await checkDecision(tx, app, fields)).resolved.value;
    },
  });
  return decisionDto(row, types!);
}

/** The decision as a DOCX (Decree 30 layout) headed by the agency issuing the province's documents on its date. */
export async function decisionDocx(ctx: Ctx, applicationId: string): Promise<{ filename: string; buffer: Buffer }> {
  const app = await visibleApplication(ctx, ctx.db, applicationId);
  const d = await repo.decisionOfApplication(ctx.db, ctx.actor.tenantId, applicationId);
  if (!d) throw new AppError('support.decision_not_found', { status: 404, details: { applicationId } });
  const [heading, types] = await Promise.all([
    documentHeadingOn(ctx.db, ctx.actor.tenantId, d.decisionDate), supportTypesOn(ctx.db, ctx.actor.tenantId, d.decisionDate),
  ]);
  const doc = buildDecisionDocument({
    heading, number: d.decisionNumber, date: d.decisionDate, organizationName: app.organizationName, applicationCode: app.code,
    applicationTitle: app.title, programmeName: app.programmeName, callTitle: app.callTitle,
    supportTypeName: typeName(types.value, d.supportType).vi, legalBasis: types.legalBasis,
    totalCost: Number(d.totalCost), stateAmount: Number(d.stateAmount), counterpartAmount: Number(d.counterpartAmount),
    signerTitle: d.signerTitle, signerName: d.signerName, note: d.note,
  });
  return { filename: decisionFilename(decisionNumberOn(d.decisionNumber, heading), app.organizationName), buffer: await renderAdministrativeDocument(doc) };
}

/* ---------- outcome and certificates ---------- */

const outcomes = versionedRecords({
  entity: 'support_outcome', constraints: { unique: { support_outcomes_decision_key: 'decisionId' } },
  find: repo.findOutcome, toDto: outcomeDto, writes: repo.outcomeWrites,
});
const certificates = versionedRecords({
  entity: 'support_certificate', constraints: { unique: { support_certificates_number_key: 'number' } },
  find: repo.findCertificate, toDto: certificateDto, writes: repo.certificateWrites,
});

/** The application (visible, in a stage that takes outcomes) and its decision, inside the write's transaction. */
async function decidedApplication(ctx: Ctx, tx: Handle, applicationId: string) {
  const app = await visibleApplication(ctx, tx, applicationId);
  const d = await repo.decisionOfApplication(tx, ctx.actor.tenantId, applicationId);
  if (!d) throw new AppError('support.decision_not_found', { status: 404, details: { applicationId } });
  requireStage(app, OUTCOME_STAGES, 'outcome');
  return { app, decision: d };
}

/** Records (or, with a version, corrects) what the support achieved. */
export async function saveOutcome(ctx: Ctx, applicationId: string, input: OutcomeInput | OutcomeUpdate): Promise<Outcome> {
  if (!can(ctx.actor, 'edit')) throw forbidden();
  const d = await repo.decisionOfApplication(ctx.db, ctx.actor.tenantId, applicationId);
  if (!d) throw new AppError('support.decision_not_found', { status: 404, details: { applicationId } });
  const values = { decisionId: d.id, completedOn: input.completedOn, achievements: input.achievements, note: input.note ?? null };
  const check = async (tx: Tx) => { await decidedApplication(ctx, tx, applicationId); };
  const existing = await repo.outcomeOfDecision(ctx.db, ctx.actor.tenantId, d.id);
  if ('version' in input && existing) return outcomes.update(ctx, existing.id, input.version, values, { check, input });
  return outcomes.create(ctx, values, { check, input });
}

export async function addCertificate(ctx: Ctx, applicationId: string, input: CertificateInput): Promise<Certificate> {
  if (!can(ctx.actor, 'edit')) throw forbidden();
  const d = await repo.decisionOfApplication(ctx.db, ctx.actor.tenantId, applicationId);
  if (!d) throw new AppError('support.decision_not_found', { status: 404, details: { applicationId } });
  const app = await visibleApplication(ctx, ctx.db, applicationId);
  return certificates.create(ctx, {
    decisionId: d.id, organizationId: app.organizationId, standard: input.standard, certifyingBody: input.certifyingBody,
    number: input.number, issuedOn: input.issuedOn, expiresOn: input.expiresOn ?? null, note: input.note ?? null,
  }, {
    input,
    check: async (tx) => {
      const { app: current } = await decidedApplication(ctx, tx, applicationId);
      await notify(tx, {
        tenantId: current.tenantId, kind: 'support.certificate_recorded', subject: { type: APPLICATION_SUBJECT, id: current.id },
        title: 'support.notice.certificate', body: 'support.notice.certificate.body',
        params: {
          standard: input.standard, number: input.number, body: input.certifyingBody, title: current.title,
          date: { vi: formatDateIn('vi', input.issuedOn), en: formatDateIn('en', input.issuedOn) },
        },
        to: [{ organizationId: current.organizationId, role: 'applicant' }],
      });
    },
  });
}

/** The certificate, checked to belong to this application's decision (404 otherwise). */
async function certificateOf(ctx: Ctx, applicationId: string, id: string) {
  const d = await repo.decisionOfApplication(ctx.db, ctx.actor.tenantId, applicationId);
  const c = await repo.findCertificate(ctx.db, ctx.actor.tenantId, id);
  if (!d || !c || c.decisionId !== d.id) throw new AppError('support.certificate_not_found', { status: 404, details: { id } });
  return c;
}

export async function updateCertificate(ctx: Ctx, applicationId: string, id: string, input: CertificateUpdate): Promise<Certificate> {
  if (!can(ctx.actor, 'edit')) throw forbidden();
  await certificateOf(ctx, applicationId, id);
  const { version, ...fields } = input;
  return certificates.update(ctx, id, version, {
    standard: fields.standard, certifyingBody: fields.certifyingBody, number: fields.number, issuedOn: fields.issuedOn,
    expiresOn: fields.expiresOn ?? null, note: fields.note ?? null,
  }, { input: fields, check: async (tx) => { await decidedApplication(ctx, tx, applicationId); } });
}

export async function removeCertificate(ctx: Ctx, applicationId: string, id: string, version: number): Promise<void> {
  if (!can(ctx.actor, 'edit')) throw forbidden();
  await certificateOf(ctx, applicationId, id);
  await certificates.remove(ctx, id, version, { check: async (tx) => { await decidedApplication(ctx, tx, applicationId); } });
}

/* ---------- the review council ---------- */

/** The call's review council (kind programme_review about the call), if one is set up. */
async function reviewCouncilOf(ctx: Ctx, callId: string) {
  const page = await listCouncils(ctx, { subjectType: CALL_SUBJECT, subjectId: callId, kind: REVIEW_KIND, limit: 5 });
  return page.items.find((c) => c.subjectType === CALL_SUBJECT && c.subjectId === callId) ?? null;
}

/**
 * Sets up the call's review council (once; members are then added in the councils screens) and adds every
 * application in review that is not yet one of its dossiers (while the council is being prepared).
 */
export async function prepareReviewCouncil(ctx: Ctx, callId: string, input: ReviewCouncilInput): Promise<{ councilId: string; dossiersAdded: number }> {
  if (!can(ctx.actor, 'edit')) throw forbidden();
  const call = await repo.findCallView(ctx.db, ctx.actor.tenantId, callId);
  if (!call) throw new AppError('support.call_not_found', { status: 404, details: { callId } });
  let council = await reviewCouncilOf(ctx, callId);
  council ??= await createCouncil(ctx, {
    subjectType: CALL_SUBJECT, subjectId: callId, kind: REVIEW_KIND, name: input.name,
    meetingDate: input.meetingDate ?? null, decisionNo: input.decisionNo ?? null,
  });
  let added = 0;
  if (council.status === 'draft') {
    const results = await getCouncilResults(ctx, council.id);
    const present = new Set(results.dossiers.map((d) => d.subjectId));
    for (const app of await repo.applicationsOfCall(ctx.db, ctx.actor.tenantId, callId)) {
      if (app.stage !== 'review' || present.has(app.id)) continue;
      await addCouncilDossier(ctx, council.id, { subjectType: APPLICATION_SUBJECT, subjectId: app.id, title: dossierTitle(app) });
      added++;
    }
  }
  return { councilId: council.id, dossiersAdded: added };
}

const dossierTitle = (app: Pick<repo.ApplicationView, 'code' | 'title' | 'organizationName'>) =>
  `${app.code ? `${app.code}. ` : ''}${app.title} (${app.organizationName})`;

/** What councils are told of the two subject types (councils.subjects.ts). */
export async function callAsCouncilSubject(db: Handle, tenantId: string, id: string) {
  const call = await repo.findCallView(db, tenantId, id);
  if (!call) return null;
  const sheet = call.scoringSheet ? ScoringSheetRule.safeParse(call.scoringSheet) : null;
  return {
    title: `${call.code}. ${call.title}`,
    scoringSheet: sheet?.success ? { value: sheet.data, source: `Phiếu đánh giá của đợt ${call.code}`, effectiveFrom: call.opensOn } : null,
  };
}
export async function applicationAsCouncilSubject(db: Handle, tenantId: string, id: string) {
  const app = await repo.findApplicationView(db, tenantId, id);
  if (!app) return null;
  return {
    title: dossierTitle(app),
    parties: [{ kind: 'organization' as const, id: app.organizationId, role: { vi: 'tổ chức đề nghị hỗ trợ', en: 'applicant organisation' } }],
  };
}

/* ---------- ranking ---------- */

const dayOf = (d: Date | null) => (d ? todayInVietnam(d) : null);

/**
 * Orders scored rows: average down, then the tie-break rule's order (the first criterion's average down, the
 * earlier submission first). Each row that ties on the average with the next says what put it ahead.
 */
export function rankRows(rows: Omit<RankingRow, 'rank' | 'selected' | 'tieNote'>[], ties: RankingTiesRule, selectTop: number | null, criterion: Bi | null): RankingRow[] {
  const cmpBy = (k: RankingTiesRule['order'][number], a: typeof rows[number], b: typeof rows[number]) => {
    if (k === 'first_criterion') return (b.firstCriterion ?? -1) - (a.firstCriterion ?? -1);
    return (a.submittedAt ?? '9999').localeCompare(b.submittedAt ?? '9999');
  };
  const scored = rows.filter((r) => r.average !== null);
  const unscored = rows.filter((r) => r.average === null).sort((a, b) => compareVi(a.title, b.title));
  scored.sort((a, b) => {
    if (b.average! !== a.average!) return b.average! - a.average!;
    for (const k of ties.order) { const c = cmpBy(k, a, b); if (c !== 0) return c; }
    return a.applicationId.localeCompare(b.applicationId);
  });
  let picked = 0;
  const out: RankingRow[] = scored.map((r, i) => {
    const selected = r.passed === true && (selectTop === null || picked < selectTop);
    if (selected) picked++;
    return { ...r, rank: i + 1, selected, tieNote: null };
  });
  for (let i = 0; i + 1 < out.length; i++) {
    const a = out[i];
    const b = out[i + 1];
    if (a.average !== b.average) continue;
    const by = ties.order.find((k) => cmpBy(k, a, b) !== 0);
    const avg = bilingual(a.average!);
    if (by === 'first_criterion') {
      a.tieNote = {
        vi: `Bằng điểm trung bình (${avg.vi}) với hồ sơ xếp sau; xếp trên do điểm tiêu chí "${criterion?.vi ?? ''}" cao hơn (${bilingual(a.firstCriterion ?? 0).vi} so với ${bilingual(b.firstCriterion ?? 0).vi}).`,
        en: `Same average (${avg.en}) as the next application; ahead on the criterion "${criterion?.en ?? ''}" (${bilingual(a.firstCriterion ?? 0).en} against ${bilingual(b.firstCriterion ?? 0).en}).`,
      };
    } else if (by === 'earlier_submission') {
      a.tieNote = {
        vi: `Bằng điểm trung bình (${avg.vi}) với hồ sơ xếp sau; xếp trên do nộp sớm hơn (${formatDate(a.submittedAt!)} so với ${b.submittedAt ? formatDate(b.submittedAt) : '—'}).`,
        en: `Same average (${avg.en}) as the next application; ahead for being submitted earlier (${formatDateIn('en', a.submittedAt!)} against ${b.submittedAt ? formatDateIn('en', b.submittedAt) : '—'}).`,
      };
    } else {
      a.tieNote = { vi: `Bằng điểm với hồ sơ xếp sau ở mọi tiêu chí phân định (${avg.vi}).`, en: `Tied with the next application on every tie-breaker (${avg.en}).` };
    }
  }
  return [...out, ...unscored.map((r) => ({ ...r, rank: null, selected: false, tieNote: null }))];
}

const bilingual = (n: number) => ({ vi: formatNumberIn('vi', n), en: formatNumberIn('en', n) });

/** The ranking of a call: its applications scored by the review council, ties broken by rule, the top N selected. */
export async function callRanking(ctx: Ctx, callId: string): Promise<Ranking> {
  if (!can(ctx.actor, 'rank')) throw forbidden();
  const call = await repo.findCallView(ctx.db, ctx.actor.tenantId, callId);
  if (!call) throw new AppError('support.call_not_found', { status: 404, details: { callId } });
  const council = await reviewCouncilOf(ctx, callId);
  const results: CouncilResults | null = council ? await getCouncilResults(ctx, council.id) : null;
  const byApp = new Map((results?.dossiers ?? []).map((d) => [d.subjectId, d]));
  const ties = await resolveRule<RankingTiesRule>(ctx.db, { tenantId: ctx.actor.tenantId, key: SUPPORT_RULES.ties, onDate: call.opensOn });
  const firstKey = council?.rules.scoringSheet.value.criteria[0] ?? null;
  const apps = (await repo.applicationsOfCall(ctx.db, ctx.actor.tenantId, callId)).filter((a) => a.stage !== 'withdrawn');
  const rows = apps.map((a) => {
    const d = byApp.get(a.id);
    return {
      applicationId: a.id, code: a.code, title: a.title, organizationName: a.organizationName, stage: a.stage,
      submittedAt: dayOf(a.submittedAt), average: d?.average ?? null,
      firstCriterion: d?.criteria.find((c) => c.key === firstKey?.key)?.average ?? null, passed: d?.passed ?? null,
    };
  });
  return {
    callId, callTitle: call.title, selectTop: call.selectTop,
    council: council ? { id: council.id, name: council.name, status: council.status } : null,
    ties: { order: ties.value.order, legalBasis: ties.legalBasis },
    criterion: firstKey?.name ?? null,
    rows: rankRows(rows, ties.value, call.selectTop, firstKey?.name ?? null),
  };
}

export async function rankingXlsx(ctx: Ctx, callId: string, lang: Lang): Promise<{ filename: string; buffer: Buffer }> {
  const r = await callRanking(ctx, callId);
  const yes = lang === 'vi' ? 'Có' : 'Yes';
  const buffer = await toXlsx({
    title: lang === 'vi' ? `Kết quả xếp hạng: ${r.callTitle}` : `Ranking: ${r.callTitle}`,
    sheetName: lang === 'vi' ? 'Xếp hạng' : 'Ranking', lang, rows: r.rows,
    columns: [
      { key: (x) => x.rank, header: { vi: 'Hạng', en: 'Rank' }, type: 'integer' },
      { key: (x) => x.code ?? '', header: { vi: 'Số hồ sơ', en: 'Application no.' }, type: 'text' },
      { key: 'title', header: { vi: 'Hồ sơ', en: 'Application' }, type: 'text', width: 50 },
      { key: 'organizationName', header: { vi: 'Tổ chức', en: 'Organisation' }, type: 'text', width: 40 },
      { key: 'average', header: { vi: 'Điểm trung bình', en: 'Average' }, type: 'number', decimals: 2 },
      { key: 'firstCriterion', header: { vi: `Điểm ${r.criterion?.vi ?? 'tiêu chí 1'}`, en: `${r.criterion?.en ?? 'Criterion 1'} points` }, type: 'number', decimals: 2 },
      { key: 'submittedAt', header: { vi: 'Ngày nộp', en: 'Submitted' }, type: 'date' },
      { key: (x) => (x.passed === null ? '' : x.passed ? yes : lang === 'vi' ? 'Không' : 'No'), header: { vi: 'Đạt', en: 'Passed' }, type: 'text' },
      { key: (x) => (x.selected ? yes : ''), header: { vi: 'Được chọn', en: 'Selected' }, type: 'text' },
      { key: (x) => x.tieNote?.[lang] ?? '', header: { vi: 'Phân định bằng điểm', en: 'Tie broken by' }, type: 'text', width: 60 },
    ],
  });
  return { filename: `${lang === 'vi' ? 'Xep hang' : 'Ranking'} ${r.callTitle}.xlsx`.replace(/[\\/:*?"<>|]/g, '-'), buffer };
}

/** The province's calls with their counts, for the ranking pages. */
export async function listSupportCalls(ctx: Ctx) {
  if (!can(ctx.actor, 'rank')) throw forbidden();
  return { items: await repo.listCalls(ctx.db, ctx.actor.tenantId) };
}

/* ---------- the application's support, for its page ---------- */

export async function applicationSupport(ctx: Ctx, applicationId: string): Promise<ApplicationSupport> {
  const app = await visibleApplication(ctx, ctx.db, applicationId);
  const today = todayInVietnam();
  const decision = await repo.decisionOfApplication(ctx.db, ctx.actor.tenantId, applicationId);
  const types = await supportTypesOn(ctx.db, ctx.actor.tenantId, decision?.decisionDate ?? today);
  const [outcome, certs] = decision
    ? [await repo.outcomeOfDecision(ctx.db, ctx.actor.tenantId, decision.id), await repo.certificatesOfDecision(ctx.db, ctx.actor.tenantId, decision.id)]
    : [null, []];
  let review: ApplicationSupport['review'] = null;
  if (can(ctx.actor, 'rank')) {
    const ranking = await callRanking(ctx, app.callId);
    const row = ranking.rows.find((r) => r.applicationId === applicationId);
    if (ranking.council) review = { councilId: ranking.council.id, status: ranking.council.status, average: row?.average ?? null, passed: row?.passed ?? null, rank: row?.rank ?? null };
  }
  return {
    applicationId, callId: app.callId, code: app.code, title: app.title, organizationName: app.organizationName, stage: app.stage, review,
    decision: decision ? decisionDto(decision, types.value) : null,
    outcome: outcome ? outcomeDto(outcome) : null,
    certificates: certs.map(certificateDto),
    supportTypes: offered(types.value, app.supportTypes),
    canEdit: can(ctx.actor, 'edit'),
  };
}

/** The support types in force today (for a call's form and the decision form). */
export async function listSupportTypes(ctx: Ctx, onDate?: string) {
  const r = await supportTypesOn(ctx.db, ctx.actor.tenantId, onDate ?? todayInVietnam());
  return { legalBasis: r.legalBasis, effectiveFrom: r.effectiveFrom, types: Object.entries(r.value.types).map(([key, rule]) => ({ key, rule })) };
}

/* ---------- guards on the programmes workflow ---------- */

/** conclude_review: the call's review council has closed its sitting with a verdict on this application. */
export async function guardConcludeReview(tx: Tx, ctx: Ctx, application: { id: string; callId: string }): Promise<void> {
  const c: Ctx = { ...ctx, db: tx as unknown as Db };
  const council = await reviewCouncilOf({ ...c, actor: { ...ctx.actor, role: 'admin' } }, application.callId);
  const refuse = (reason: 'support.review_no_council' | 'support.review_open' | 'support.review_not_scored') => {
    throw new AppError('support.review_not_concluded', {
      status: 409, params: { reason: { vi: translate('vi', reason), en: translate('en', reason) } }, details: { reason, councilId: council?.id ?? null },
    });
  };
  if (!council) return refuse('support.review_no_council');
  if (council.status !== 'closed') return refuse('support.review_open');
  const results = await getCouncilResults({ ...c, actor: { ...ctx.actor, role: 'admin' } }, council.id);
  const mine = results.dossiers.find((d) => d.subjectId === application.id);
  if (!mine || mine.passed === null) return refuse('support.review_not_scored');
}

/** support: the application has its support decision. */
export async function guardSupport(tx: Tx, ctx: Ctx, application: { id: string }): Promise<void> {
  if (!(await repo.decisionOfApplication(tx, ctx.actor.tenantId, application.id))) {
    throw new AppError('support.decision_missing', { status: 409, details: { applicationId: application.id } });
  }
}

/** complete: an outcome or a certificate is recorded. */
export async function guardComplete(tx: Tx, ctx: Ctx, application: { id: string }): Promise<void> {
  const d = await repo.decisionOfApplication(tx, ctx.actor.tenantId, application.id);
  const done = d && ((await repo.outcomeOfDecision(tx, ctx.actor.tenantId, d.id)) || (await repo.certificatesOfDecision(tx, ctx.actor.tenantId, d.id)).length);
  if (!done) throw new AppError('support.outcome_missing', { status: 409, details: { applicationId: application.id } });
}

/* ---------- figures ---------- */

function countBy(facts: repo.DecisionFact[], keyOf: (f: repo.DecisionFact) => string, labelOf: (f: repo.DecisionFact) => Bi): FigureCount[] {
  const groups = new Map<string, { label: Bi; orgs: Set<string>; decisions: number; stateAmount: number }>();
  for (const f of facts) {
    const k = keyOf(f);
    const g = groups.get(k) ?? { label: labelOf(f), orgs: new Set(), decisions: 0, stateAmount: 0 };
    g.orgs.add(f.organizationId);
    g.decisions++;
    g.stateAmount += f.stateAmount;
    groups.set(k, g);
  }
  return [...groups.entries()].map(([key, g]) => ({ key, label: g.label, organizations: g.orgs.size, decisions: g.decisions, stateAmount: g.stateAmount }));
}

/** Supported organisations and decisions by programme, support type, year and commune (optionally one year). */
export async function supportFigures(ctx: Ctx, q: { year?: number | null }): Promise<SupportFigures> {
  if (!can(ctx.actor, 'figures')) throw forbidden();
  const facts = await repo.decisionFacts(ctx.db, ctx.actor.tenantId, { year: q.year ?? null });
  // The types' names are needed only for decisions there are (a province that has none may not have the rule yet).
  const types = facts.length ? (await supportTypesOn(ctx.db, ctx.actor.tenantId, q.year ? `${q.year}-12-31` : todayInVietnam())).value : { types: {} };
  const none: Bi = { vi: 'Chưa rõ địa bàn', en: 'Unit not recorded' };
  const byName = (a: FigureCount, b: FigureCount) => compareVi(a.label.vi, b.label.vi);
  return {
    year: q.year ?? null,
    total: {
      organizations: new Set(facts.map((f) => f.organizationId)).size, decisions: facts.length,
      stateAmount: facts.reduce((s, f) => s + f.stateAmount, 0), counterpartAmount: facts.reduce((s, f) => s + f.counterpartAmount, 0),
      certificates: facts.reduce((s, f) => s + f.certificates, 0),
    },
    byProgramme: countBy(facts, (f) => f.programmeId, (f) => ({ vi: f.programmeName, en: f.programmeName })).sort(byName),
    byType: countBy(facts, (f) => f.supportType, (f) => typeName(types, f.supportType)).sort(byName),
    byYear: countBy(facts, (f) => String(f.year), (f) => ({ vi: String(f.year), en: String(f.year) })).sort((a, b) => a.key.localeCompare(b.key)),
    byUnit: countBy(facts, (f) => f.communeId ?? '-', (f) => (f.communeName ? { vi: f.communeName, en: f.communeName } : none)).sort(byName),
  };
}

export async function figuresXlsx(ctx: Ctx, q: { year?: number | null }, lang: Lang): Promise<{ filename: string; buffer: Buffer }> {
  const f = await supportFigures(ctx, q);
  const sheet = (name: Bi, rows: FigureCount[]) => xlsxSheet({
    title: `${name[lang]}${f.year ? ` ${f.year}` : ''}`, sheetName: name[lang], lang, rows,
    columns: [
      { key: (r: FigureCount) => r.label[lang], header: name, type: 'text', width: 50 },
      { key: 'organizations', header: { vi: 'Số tổ chức được hỗ trợ', en: 'Organisations supported' }, type: 'integer' },
      { key: 'decisions', header: { vi: 'Số quyết định hỗ trợ', en: 'Support decisions' }, type: 'integer' },
      { key: 'stateAmount', header: { vi: 'Kinh phí nhà nước (đồng)', en: 'State support (VND)' }, type: 'money' },
    ],
  });
  const buffer = await toXlsxBook([
    sheet({ vi: 'Theo chương trình', en: 'By programme' }, f.byProgramme),
    sheet({ vi: 'Theo loại hỗ trợ', en: 'By support type' }, f.byType),
    sheet({ vi: 'Theo năm', en: 'By year' }, f.byYear),
    sheet({ vi: 'Theo địa bàn', en: 'By unit' }, f.byUnit),
  ]);
  return { filename: `${lang === 'vi' ? 'Ho tro doanh nghiep' : 'Enterprise support'}${f.year ? ` ${f.year}` : ''}.xlsx`, buffer };
}

/**
 * Distinct organisations with a support decision dated in the year (up to `asOf`) of the given types, in the units
 * (an organisation counts in its commune and that commune's province), for the indicator source.
 */
export async function countSupportedOrganizations(ctx: Ctx, o: { year: number; asOf: string; supportTypes: string[] | null; adminUnitIds: string[] | null }): Promise<number> {
  const facts = await repo.decisionFacts(ctx.db, ctx.actor.tenantId, { year: o.year, supportTypes: o.supportTypes });
  const units = o.adminUnitIds ? new Set(o.adminUnitIds) : null;
  const orgs = new Set<string>();
  for (const f of facts) {
    if (f.decisionDate > o.asOf) continue; // a figure read as of a date counts the decisions made by then
    if (units && !((f.communeId && units.has(f.communeId)) || (f.provinceUnitId && units.has(f.provinceUnitId)))) continue;
    orgs.add(f.organizationId);
  }
  return orgs.size;
}

