/**
 * Programmes (the catalogue, each on a document of the legal-documents register) and their calls: dates, budget,
 * eligibility, support types, the application form as a JSON Schema (compiled with ajv; refused with a 400 naming
 * every problem), the scoring sheet (the councils' ScoringSheet shape), the files an application must carry and the
 * status draft → open → closed. A call is data: a new one needs no code.
 */
import type { Ctx, Tx } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { AppError, forbidden, notFound, validationError } from '../../errors.ts';
import { decodeCursor, encodeCursor } from '../../db/paging.ts';
import { versionedRecords } from '../../records/versioned-record.ts';
import { fold } from '../../../lib/vi/fold.ts';
import { sortKey } from '../../../lib/vi/collate.ts';
import { todayInVietnam } from '../../../lib/vi/dates.ts';
import {
  compileFormSchema, FORM_KEYWORDS, localizeFormSchema, type Call, type CallInput, type CallStatus, type CallUpdate, type Programme, type ProgrammeInput, type ProgrammeUpdate,
} from '../../../shared/schemas/programmes.ts';
import { ScoringSheetRule } from '../../../shared/schemas/councils.ts';
import { compileSchemaValidatorsCode } from '@rjsf/validator-ajv8/lib/compileSchemaValidatorsCode.js';
import { getLegalDocument } from '../legal-documents/legal-documents.service.ts';
import * as repo from './programmes.repo.ts';
import { canProgramme } from './programmes.policy.ts';

const iso = (d: Date) => d.toISOString();

// ---- programmes ----

type ProgrammeRow = NonNullable<Awaited<ReturnType<typeof repo.findProgramme>>>;

export const programmeDto = (r: ProgrammeRow): Programme => ({
  id: r.id, code: r.code, kind: r.kind as Programme['kind'], name: r.name, nameEn: r.nameEn, legalDocumentId: r.legalDocumentId,
  legalDocumentNumber: r.legalDocumentNumber ?? null, legalDocumentTitle: r.legalDocumentTitle ?? null, description: r.description,
  active: r.active, callCount: Number(r.callCount), version: r.version, createdAt: iso(r.createdAt), updatedAt: iso(r.updatedAt),
});

const programmeRecords = versionedRecords({
  entity: 'programme',
  constraints: { unique: { programmes_code_key: 'code' }, foreignKeys: { programmes_legal_document_id_fkey: 'legalDocumentId' } },
  find: repo.findProgramme, toDto: programmeDto, writes: repo.programmeWrites,
});

const programmeValues = (i: ProgrammeInput) => ({
  code: i.code, kind: i.kind, name: i.name, nameEn: i.nameEn ?? null, legalDocumentId: i.legalDocumentId ?? null,
  description: i.description ?? null, active: i.active,
  searchText: fold([i.code, i.name, i.nameEn ?? ''].join(' ')), sortKey: sortKey(i.name),
});

/** The legal basis must be a document the province reads (national or its own). */
async function checkLegalBasis(tx: Tx, ctx: Ctx, id: string | null | undefined) {
  if (!id) return;
  try {
    await getLegalDocument({ ...ctx, db: tx as unknown as Db }, id);
  } catch (e) {
    if (e instanceof AppError && e.status === 404) {
      throw validationError([{ path: 'body.legalDocumentId', code: 'unknown_reference', i18n: 'programme.legal_document_unknown' }]);
    }
    throw e;
  }
}

export async function listProgrammes(ctx: Ctx, q: { q?: string; kind?: string; active?: 'true' | 'false'; cursor?: string; limit: number }) {
  if (!canProgramme(ctx.actor, 'read_open_calls')) throw forbidden();
  const after = decodeCursor(q.cursor);
  // Applicants see the active programmes only.
  const active = canProgramme(ctx.actor, 'read') ? (q.active === undefined ? undefined : q.active === 'true') : true;
  const rows = await repo.listProgrammes(ctx.db, ctx.actor.tenantId, { q: q.q, kind: q.kind, active, after, limit: q.limit });
  const kept = rows.slice(0, q.limit);
  const last = kept.at(-1);
  return { items: kept.map(programmeDto), nextCursor: rows.length > q.limit && last ? encodeCursor({ r: 0, k: last.sortKey, id: last.id }) : null };
}

export const getProgramme = (ctx: Ctx, id: string) => programmeRecords.get(ctx, id, () => canProgramme(ctx.actor, 'read'));

export const createProgramme = (ctx: Ctx, input: ProgrammeInput) => programmeRecords.create(ctx, programmeValues(input), {
  input, authorize: () => canProgramme(ctx.actor, 'write'), check: (tx) => checkLegalBasis(tx, ctx, input.legalDocumentId),
});

export const updateProgramme = (ctx: Ctx, id: string, input: ProgrammeUpdate) => programmeRecords.update(ctx, id, input.version, programmeValues(input), {
  input, authorize: () => canProgramme(ctx.actor, 'write'), check: (tx) => checkLegalBasis(tx, ctx, input.legalDocumentId),
});

// ---- calls ----

export function acceptingApplications(r: { status: string; opensOn: string; closesOn: string }, today = todayInVietnam()): boolean {
  return r.status === 'open' && r.opensOn <= today && today <= r.closesOn;
}

export const callDto = (r: repo.CallRow): Call => ({
  id: r.id, programmeId: r.programmeId, programmeCode: r.programmeCode, programmeName: r.programmeName, programmeNameEn: r.programmeNameEn,
  programmeKind: r.programmeKind as Call['programmeKind'], code: r.code, title: r.title, year: r.year, opensOn: r.opensOn, closesOn: r.closesOn,
  budget: r.budget, eligibility: r.eligibility, supportTypes: r.supportTypes, formSchema: r.formSchema,
  scoringSheet: (r.scoringSheet as Call['scoringSheet']) ?? null, selectTop: r.selectTop, requiredDocuments: r.requiredDocuments,
  status: r.status as CallStatus, acceptingApplications: acceptingApplications(r), applicationCount: Number(r.applicationCount),
  version: r.version, createdAt: iso(r.createdAt), updatedAt: iso(r.updatedAt),
});

const callRecords = versionedRecords({
  entity: 'programme_call',
  constraints: { unique: { programme_calls_code_key: 'code' }, foreignKeys: { programme_calls_programme_id_tenant_id_fkey: 'programmeId' } },
  find: repo.findCall, toDto: callDto, writes: repo.callWrites,
});

/** The form (ajv), the scoring sheet (the councils' schema) and the programme, each problem with its path: one 400. */
function checkCallContent(input: CallInput | CallUpdate) {
  const compiled = compileFormSchema(input.formSchema);
  if (compiled.problems.length) {
    throw new AppError('programme.form_schema_invalid', {
      status: 400, params: { problems: compiled.problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; ') },
      details: compiled.problems.map((p) => ({ path: ['body.formSchema', p.path].filter(Boolean).join('.'), code: 'invalid_schema', message: p.message })),
    });
  }
  if (input.scoringSheet) ScoringSheetRule.parse(input.scoringSheet);
}

const callValues = (i: CallInput | CallUpdate, programme: { code: string; name: string }) => ({
  programmeId: i.programmeId, code: i.code, title: i.title, year: i.year, opensOn: i.opensOn, closesOn: i.closesOn,
  budget: i.budget ?? null, eligibility: i.eligibility ?? null, supportTypes: [...new Set(i.supportTypes)], formSchema: i.formSchema,
  scoringSheet: i.scoringSheet ?? null, selectTop: i.selectTop ?? null, requiredDocuments: [...new Set(i.requiredDocuments)],
  searchText: fold([i.code, i.title, programme.code, programme.name].join(' ')),
});

async function programmeOf(db: Db | Tx, tenantId: string, id: string) {
  const p = await repo.findProgramme(db, tenantId, id);
  if (!p) throw validationError([{ path: 'body.programmeId', code: 'unknown_reference', i18n: 'programme.programme_unknown' }]);
  return p;
}

export async function createCall(ctx: Ctx, input: CallInput): Promise<Call> {
  if (!canProgramme(ctx.actor, 'write')) throw forbidden();
  checkCallContent(input);
  const programme = await programmeOf(ctx.db, ctx.actor.tenantId, input.programmeId);
  return callRecords.create(ctx, { ...callValues(input, programme), status: 'draft' }, { input });
}

export async function updateCall(ctx: Ctx, id: string, input: CallUpdate): Promise<Call> {
  if (!canProgramme(ctx.actor, 'write')) throw forbidden();
  checkCallContent(input);
  const programme = await programmeOf(ctx.db, ctx.actor.tenantId, input.programmeId);
  return callRecords.update(ctx, id, input.version, callValues(input, programme), {
    input,
    check: async (tx, before) => {
      // Once applications are in, the form and the required files are what they were judged against.
      const changed = JSON.stringify(before!.formSchema) !== JSON.stringify(input.formSchema)
        || JSON.stringify([...before!.requiredDocuments].sort()) !== JSON.stringify([...new Set(input.requiredDocuments)].sort())
        || before!.programmeId !== input.programmeId;
      if (changed && (await repo.submittedCount(tx, id)) > 0) throw new AppError('programme.form_locked', { status: 409 });
    },
  });
}

const STATUS_MOVES: Record<string, string[]> = { draft: ['open'], open: ['closed'], closed: [] };

export async function setCallStatus(ctx: Ctx, id: string, input: { status: CallStatus; version: number }): Promise<Call> {
  return callRecords.update(ctx, id, input.version, { status: input.status }, {
    action: 'call_status', authorize: () => canProgramme(ctx.actor, 'write'),
    check: async (_tx, before) => {
      if (!STATUS_MOVES[before!.status].includes(input.status)) {
        throw new AppError('programme.call_status_move', { status: 409, params: { from: before!.status, to: input.status }, details: { from: before!.status, to: input.status } });
      }
    },
  });
}

/** A call the actor may see: staff see every call, applicants the ones not in draft. 404 otherwise. */
export async function readableCall(db: Db | Tx, ctx: Ctx, id: string): Promise<repo.CallRow> {
  const row = await repo.findCall(db, ctx.actor.tenantId, id);
  if (!row || !canProgramme(ctx.actor, 'read_open_calls') || (!canProgramme(ctx.actor, 'read') && row.status === 'draft')) throw notFound('programme_call', id);
  return row;
}

export const getCall = async (ctx: Ctx, id: string): Promise<Call> => callDto(await readableCall(ctx.db, ctx, id));

/** For other modules: the call, or null when absent or not visible to the actor. */
export async function findCall(ctx: Ctx, id: string): Promise<Call | null> {
  const row = await repo.findCall(ctx.db, ctx.actor.tenantId, id);
  if (!row || !canProgramme(ctx.actor, 'read_open_calls') || (!canProgramme(ctx.actor, 'read') && row.status === 'draft')) return null;
  return callDto(row);
}

export async function listCalls(ctx: Ctx, q: { q?: string; programmeId?: string; status?: CallStatus; year?: number; cursor?: string; limit: number }) {
  if (!canProgramme(ctx.actor, 'read_open_calls')) throw forbidden();
  const staff = canProgramme(ctx.actor, 'read');
  const statuses = q.status ? [q.status] : staff ? undefined : ['open', 'closed'];
  const after = decodeCursor(q.cursor);
  const rows = await repo.listCalls(ctx.db, ctx.actor.tenantId, {
    q: q.q, programmeId: q.programmeId, year: q.year, limit: q.limit, after,
    statuses: staff ? statuses : (statuses ?? []).filter((s) => s !== 'draft'),
  });
  const kept = rows.slice(0, q.limit);
  const last = kept.at(-1);
  return { items: kept.map(callDto), nextCursor: rows.length > q.limit && last ? encodeCursor({ r: 0, k: last.opensOn, id: last.id }) : null };
}

/**
 * The call's form compiled by ajv into plain JavaScript (react-jsonschema-form's precompiled validators), for the
 * browser: the app's Content-Security-Policy allows no eval, so ajv cannot compile there. The module exports a
 * factory taking the two ajv runtime helpers the code requires (bundled with the web app). Compiled for the UI
 * language's copy of the schema, the one the form renders (rjsf finds a validator by the schema's hash).
 */
export async function callFormValidatorModule(ctx: Ctx, id: string, lang: 'vi' | 'en'): Promise<string> {
  const row = await readableCall(ctx.db, ctx, id);
  const schema = localizeFormSchema(row.formSchema, lang) as Record<string, unknown>;
  const code = compileSchemaValidatorsCode(schema, { ajvOptionsOverrides: { code: { lines: false, source: true }, keywords: [...FORM_KEYWORDS] } as never });
  return `// Validators of call ${row.code} (${lang}), generated by ajv.\nexport default function (require) {\n  const exports = {};\n  ${code}\n  return exports;\n}\n`;
}
