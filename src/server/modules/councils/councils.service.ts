/**
 * Councils (hội đồng), generic over the subject they are about. Lifecycle: draft (members, dossiers, assignments
 * are set up) → open (the sitting: conflicts declared, presence marked, sheets submitted) → closed (quorum checked,
 * results final, the subject's module told through onClosed). The scoring sheet, composition and pass rule are
 * dated rules resolved on the subject's regime date (a task's proposal date), else the meeting date, and frozen
 * when the council opens. A member whom the subject's own module shows to be close to it (its host organisation, its
 * principal investigator) is flagged as a likely conflict of interest and must answer before scoring.
 */
import type { Ctx, Tx } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { runQueries } from '../../db/queries.ts';
import { AppError, forbidden, versionConflict } from '../../errors.ts';
import { pgError } from '../../db/errors.ts';
import { decodeCursor, page } from '../../db/paging.ts';
import { fold } from '../../../lib/vi/fold.ts';
import { sortKey } from '../../../lib/vi/collate.ts';
import { translate, type Lang } from '../../../shared/i18n/messages.ts';
import type {
  AssignmentsInput, CompositionRule, Council, CouncilDetail, CouncilDossier, CouncilDossierInput, CouncilInput,
  CouncilKindInfo, CouncilKindRule, CouncilListQuery, CouncilMember, CouncilMemberInput, CouncilResults, CouncilRules,
  CouncilStatus, CouncilUpdate, DossierResult, LikelyConflict, PassRule, Rating, ScoringSheetRule, Sheet, SheetEnteredAs, SheetInput,
} from '../../../shared/schemas/councils.ts';
import { bilingualNumber, sheetProblemMessage } from '../../../shared/schemas/councils.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { resolveRule } from '../rules/rules.service.ts';
import { todayInVietnam } from '../../../lib/vi/dates.ts';
import { renderAdministrativeDocument } from '../documents/documents.service.ts';
import { assertExpert } from '../people/people.service.ts';
import { assertActiveAccount } from '../users/users.service.ts';
import * as repo from './councils.repo.ts';
import { PAPER_SHEET_ROLES, can, canActForMember, canEnterSheetFor } from './councils.policy.ts';
import { RATING_LABELS, COUNCIL_ROLE_LABELS, likelyConflictText } from '../../../shared/labels/councils.ts';
import { personDisplayName } from '../../../lib/vi/person-name.ts';
import { councilSubject, ruleKeysFor, type CouncilSubjectInfo } from './councils.subjects.ts';
import { councilKind, councilKindRuleKey, kindFitsSubject, registeredCouncilKinds } from './councils.kinds.ts';
import {
  aggregateRatings, aggregateScores, checkComposition, checkScores, conclusionBlocker, quorumOf, sheetTotal, type Reason,
} from './councils.scoring.ts';
import { buildCouncilMinutes, minutesFilename } from './councils.minutes.ts';
import { documentHeadingOn } from '../agencies/agencies.service.ts';

const ENTITY = 'council';
type Bi = { vi: string; en: string };

/* ---------- messages ---------- */

const STATUS_TEXT: Record<CouncilStatus, Bi> = {
  draft: { vi: 'đang ở bước chuẩn bị', en: 'is being prepared' },
  open: { vi: 'đang trong phiên họp', en: 'is in session' },
  closed: { vi: 'đã kết thúc phiên họp', en: 'has closed its sitting' },
};

const ACTIONS = {
  update: { vi: 'sửa thông tin hội đồng', en: 'edit the council' },
  delete: { vi: 'xóa hội đồng', en: 'delete the council' },
  members: { vi: 'thay đổi thành viên hội đồng', en: 'change the members' },
  dossiers: { vi: 'thay đổi hồ sơ đánh giá', en: 'change the dossiers' },
  assignments: { vi: 'phân công đánh giá hồ sơ', en: 'assign dossiers' },
  conflict: { vi: 'khai báo xung đột lợi ích', en: 'declare a conflict of interest' },
  presence: { vi: 'điểm danh thành viên', en: 'mark presence' },
  open: { vi: 'mở phiên họp', en: 'open the sitting' },
  sheet: { vi: 'nộp phiếu đánh giá', en: 'submit an evaluation sheet' },
  close: { vi: 'kết thúc phiên họp', en: 'close the sitting' },
} satisfies Record<string, Bi>;

function requireStatus(status: CouncilStatus, allowed: CouncilStatus[], action: keyof typeof ACTIONS) {
  if (allowed.includes(status)) return;
  const expected = {
    vi: allowed.map((s) => STATUS_TEXT[s].vi).join(' hoặc '),
    en: allowed.map((s) => STATUS_TEXT[s].en).join(' or '),
  };
  throw new AppError('council.wrong_status', {
    status: 409,
    params: { action: ACTIONS[action], status: STATUS_TEXT[status], expected },
    details: { status, allowed },
  });
}

const councilNotFound = (id: string) => new AppError('council.not_found', { status: 404, details: { entity: 'council', id } });
const memberNotFound = (id: string) => new AppError('council.member_not_found', { status: 404, details: { entity: 'council_member', id } });
const dossierNotFound = (id: string) => new AppError('council.dossier_not_found', { status: 404, details: { entity: 'council_dossier', id } });

/** A number in both languages' notation: 79,25 / 79.25. */
const num = (n: number): Bi => bilingualNumber(n);

/** A reason as a sentence: numbers in the language's notation, criteria and ratings by their names. */
export function reasonText(lang: Lang, reasons: Reason[]): string {
  return reasons.map((r) => {
    const params: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(r.params)) {
      params[k] = typeof v === 'number' ? num(v)[lang] : k === 'rating' ? RATING_LABELS[v as Rating] : v;
    }
    return translate(lang, `council.result.${r.code}`, params);
  }).join(' ');
}

/* ---------- rows to DTOs ---------- */

/** A kind's name; a kind no module registers any more (data from another version) shows as its key. */
const kindName = (kind: string) => councilKind(kind)?.label ?? { vi: kind, en: kind };

function toCouncil({ sortKey: _sk, ...r }: repo.CouncilRow): Council {
  return {
    ...r,
    kindName: kindName(r.kind),
    openedAt: r.openedAt?.toISOString() ?? null,
    closedAt: r.closedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

function toMember(m: repo.MemberRow, likelyConflicts: LikelyConflict[] = []): CouncilMember {
  return {
    id: m.id, personId: m.personId, fullName: m.fullName, displayName: personDisplayName(m),
    organizationId: m.organizationId ?? null, organizationName: m.organizationName ?? null, role: m.role, userId: m.userId,
    conflictStatus: m.conflictStatus, likelyConflicts,
    conflictDeclared: m.conflictDeclared, conflictNote: m.conflictNote, declaredAt: m.declaredAt?.toISOString() ?? null,
    present: m.present,
  };
}

/**
 * Who entered a member's sheet: the member's own account, else (a paper sheet entered for them) the council's chair
 * or secretary by their account, else DOST staff.
 */
function enteredAs(s: { enteredBy: string | null; memberId: string }, members: Pick<repo.MemberRow, 'id' | 'userId' | 'role'>[]): SheetEnteredAs {
  const member = members.find((m) => m.id === s.memberId);
  if (s.enteredBy && member?.userId === s.enteredBy) return 'self';
  const by = members.find((m) => m.userId !== null && m.userId === s.enteredBy);
  return by?.role === 'chair' || by?.role === 'secretary' ? by.role : 'staff';
}

function toSheet(s: repo.SheetRow, members: Pick<repo.MemberRow, 'id' | 'userId' | 'role'>[]): Sheet {
  return { ...s, total: s.total === null ? null : Number(s.total), enteredAs: enteredAs(s, members), submittedAt: s.submittedAt.toISOString() };
}

function councilValues(input: Pick<CouncilInput, 'name' | 'decisionNo' | 'decisionDate' | 'meetingDate' | 'location' | 'minutesNo' | 'note'>) {
  return {
    name: input.name,
    decisionNo: input.decisionNo ?? null,
    decisionDate: input.decisionDate ?? null,
    meetingDate: input.meetingDate ?? null,
    location: input.location ?? null,
    minutesNo: input.minutesNo ?? null,
    note: input.note ?? null,
    searchText: fold([input.name, input.decisionNo].filter(Boolean).join(' ')),
    sortKey: sortKey(input.name),
  };
}

/* ---------- rules ---------- */

/** The date a council's rules are resolved on: its subject's regime date when the subject has one, else the meeting date. */
export type RulesDate = { onDate: string; dateOf: NonNullable<CouncilRules['dateOf']>; subjectSheet?: CouncilSubjectInfo['scoringSheet'] };

function rulesDateOf(subject: CouncilSubjectInfo | null | undefined, meetingDate: string | null | undefined): RulesDate {
  // A subject that carries its own scoring sheet (a programme call) has it used instead of the rules' sheet.
  const subjectSheet = subject?.scoringSheet ?? null;
  if (subject?.regimeDate) return { onDate: subject.regimeDate, dateOf: 'subject_regime', subjectSheet };
  return { onDate: meetingDate ?? todayInVietnam(), dateOf: 'meeting_date', subjectSheet };
}

/** The rules date of a council already set up (its subject asked again: its regime date may have been set since). */
async function councilRulesDate(db: Db | Tx, tenantId: string, c: { subjectType: string; subjectId: string; meetingDate: string | null }) {
  return rulesDateOf(await councilSubject(c.subjectType)?.find(db, tenantId, c.subjectId), c.meetingDate);
}

/**
 * The kind's rule (evaluation mode), sheet, composition and pass rule in force on the date for a council of this
 * kind about this subject type (the kind's own keys, else the subject's, else the council.* ones).
 */
export async function resolveCouncilRules(db: Db | Tx, o: { tenantId: string; subjectType: string; kind: string; onDate: string; dateOf?: RulesDate['dateOf']; subjectSheet?: RulesDate['subjectSheet'] }): Promise<CouncilRules & { kind: NonNullable<CouncilRules['kind']> }> {
  const keys = ruleKeysFor(o.subjectType, o.kind);
  const get = async <T>(key: string) => {
    const r = await resolveRule<T>(db, { tenantId: o.tenantId, key, onDate: o.onDate });
    return { ruleVersionId: r.id, legalBasis: r.legalBasis, effectiveFrom: r.effectiveFrom, value: r.value };
  };
  return {
    onDate: o.onDate,
    dateOf: o.dateOf ?? 'meeting_date',
    scoringSheet: o.subjectSheet
      ? { ruleVersionId: null, legalBasis: o.subjectSheet.source, effectiveFrom: o.subjectSheet.effectiveFrom, value: o.subjectSheet.value }
      : await get<ScoringSheetRule>(keys.scoringSheet),
    composition: await get<CompositionRule>(keys.composition),
    passRule: await get<PassRule>(keys.passRule),
    kind: await get<CouncilKindRule>(councilKindRuleKey(o.kind)),
  };
}

/** The rules of a council and the evaluation mode they give, for writing both together. */
async function rulesAndEvaluation(db: Db | Tx, o: { tenantId: string; subjectType: string; kind: string } & RulesDate) {
  const rules = await resolveCouncilRules(db, o);
  return { rules, evaluation: rules.kind.value.evaluation };
}

/** The registered kinds a council about the subject type may be of, with their evaluation mode on the date. */
export async function listCouncilKinds(ctx: Ctx, q: { subjectType?: string; onDate?: string }): Promise<{ onDate: string; items: CouncilKindInfo[] }> {
  if (!can(ctx.actor, 'read_all')) throw forbidden();
  const onDate = q.onDate ?? todayInVietnam();
  const items: CouncilKindInfo[] = [];
  for (const key of registeredCouncilKinds()) {
    const def = councilKind(key)!;
    if (q.subjectType && !kindFitsSubject(def, q.subjectType)) continue;
    const rule = await resolveRule<CouncilKindRule>(ctx.db, { tenantId: ctx.actor.tenantId, key: councilKindRuleKey(key), onDate });
    items.push({ key, name: def.label, subjectTypes: def.subjectTypes ?? null, evaluation: rule.value.evaluation, legalBasis: rule.legalBasis });
  }
  return { onDate, items };
}

/** A kind must be registered and fit the council's subject type (400 naming `body.kind`). */
function assertKind(kind: string, subjectType: string) {
  const def = councilKind(kind);
  if (!def) {
    throw new AppError('council.unknown_kind', {
      status: 400, params: { kind }, details: [{ path: 'body.kind', code: 'unknown_kind', allowed: registeredCouncilKinds() }],
    });
  }
  if (!kindFitsSubject(def, subjectType)) {
    throw new AppError('council.kind_not_for_subject', {
      status: 400, params: { kind: def.label, type: councilSubject(subjectType)?.label ?? { vi: subjectType, en: subjectType } },
      details: [{ path: 'body.kind', code: 'kind_not_for_subject', subjectTypes: def.subjectTypes }],
    });
  }
}

/* ---------- likely conflicts of interest ---------- */

type SubjectRef = { subjectType: string; subjectId: string };

/** What the modules of a council's subject and of its dossiers' subjects say of them, each subject once. */
async function subjectsOf(db: Db | Tx, tenantId: string, refs: SubjectRef[]): Promise<CouncilSubjectInfo[]> {
  const seen = new Set<string>();
  const out: CouncilSubjectInfo[] = [];
  for (const r of refs) {
    const key = `${r.subjectType}/${r.subjectId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const found = await councilSubject(r.subjectType)?.find(db, tenantId, r.subjectId);
    if (found) out.push(found);
  }
  return out;
}

/**
 * Each member's likely conflicts with the subjects: being one of a subject's people, working at one of its
 * organisations, or where one of its people works (by the expert registry). Members without any are left out.
 */
async function likelyConflictsOf(db: Db | Tx, tenantId: string, subjects: CouncilSubjectInfo[], members: repo.MemberRow[]) {
  const out = new Map<string, LikelyConflict[]>();
  const parties = subjects.flatMap((s) => (s.parties ?? []).map((p) => ({ ...p, subjectTitle: s.title })));
  if (parties.length === 0 || members.length === 0) return out;
  const known = await repo.partiesOf(db, tenantId, {
    organizationIds: [...new Set(parties.filter((p) => p.kind === 'organization').map((p) => p.id))],
    personIds: [...new Set(parties.filter((p) => p.kind === 'person').map((p) => p.id))],
  });
  for (const m of members) {
    const found: LikelyConflict[] = [];
    const flaggedOrgs = new Set<string>();
    for (const p of parties.filter((x) => x.kind === 'organization')) {
      const name = known.organizations.get(p.id);
      if (name === undefined || m.organizationId !== p.id) continue;
      found.push({ relation: 'organization', role: p.role, partyName: name, organizationName: name, subjectTitle: p.subjectTitle });
      flaggedOrgs.add(p.id);
    }
    for (const p of parties.filter((x) => x.kind === 'person')) {
      const person = known.people.get(p.id);
      if (!person) continue;
      if (m.personId === p.id) {
        found.push({ relation: 'person', role: p.role, partyName: person.fullName, organizationName: null, subjectTitle: p.subjectTitle });
      } else if (person.organizationId && m.organizationId === person.organizationId && !flaggedOrgs.has(person.organizationId)) {
        found.push({
          relation: 'person_organization', role: p.role, partyName: person.fullName, organizationName: person.organizationName ?? null,
          subjectTitle: p.subjectTitle,
        });
      }
    }
    if (found.length) out.set(m.id, found);
  }
  return out;
}

/** A council's members as DTOs, each with its likely conflicts with the council's subject and its dossiers'. */
async function membersWithConflicts(db: Db | Tx, tenantId: string, council: SubjectRef, members: repo.MemberRow[], dossiers: SubjectRef[]) {
  const likely = await likelyConflictsOf(db, tenantId, await subjectsOf(db, tenantId, [council, ...dossiers]), members);
  return members.map((m) => toMember(m, likely.get(m.id)));
}

/* ---------- reading ---------- */

/** The council as its reader may see it: 404 for someone who is neither a reader nor one of its members. */
async function visibleCouncil(ctx: Ctx, db: Db | Tx, id: string) {
  const row = await repo.findCouncil(db, ctx.actor.tenantId, id);
  if (!row) throw councilNotFound(id);
  const me = await repo.findMemberByUser(db, id, ctx.actor.userId);
  if (!can(ctx.actor, 'read_all') && !me) throw councilNotFound(id);
  return { row, me };
}

export async function getCouncil(ctx: Ctx, id: string): Promise<CouncilDetail> {
  const { row, me } = await visibleCouncil(ctx, ctx.db, id);
  const [members, dossiers, assignments] = await Promise.all([
    repo.listMembers(ctx.db, id), repo.listDossiers(ctx.db, id), repo.listAssignments(ctx.db, id),
  ]);
  const counts = await repo.sheetCounts(ctx.db, dossiers.map((d) => d.id));
  const seesAll = can(ctx.actor, 'read_all');
  const byDossier = new Map<string, string[]>();
  for (const a of assignments) byDossier.set(a.dossierId, [...(byDossier.get(a.dossierId) ?? []), a.memberId]);
  // The chair and the secretary enter paper sheets for the others, so they see every dossier (not the tallies).
  const seesDossiers = seesAll || (!!me && PAPER_SHEET_ROLES.has(me.role));
  const visible = seesDossiers ? dossiers : dossiers.filter((d) => (byDossier.get(d.id) ?? []).includes(me!.id));
  return {
    ...toCouncil(row),
    members: await membersWithConflicts(ctx.db, ctx.actor.tenantId, row, members, dossiers),
    dossiers: visible.map((d): CouncilDossier => ({
      ...d,
      // A member sees who else evaluates the dossier, not how far the others have got.
      memberIds: byDossier.get(d.id) ?? [],
      sheetCount: seesAll ? counts.get(d.id) ?? 0 : 0,
    })),
    myMemberId: me?.id ?? null,
    mySheets: me ? (await repo.listSheets(ctx.db, id, me.id)).map((x) => toSheet(x, members)) : [],
  };
}

/** Councils of the province; a member who is not a reader sees only the councils they sit on. */
export async function listCouncils(ctx: Ctx, q: CouncilListQuery) {
  const memberUserId = can(ctx.actor, 'read_all') ? null : ctx.actor.userId;
  const rows = await repo.listCouncils(ctx.db, ctx.actor.tenantId, q, decodeCursor(q.cursor), memberUserId);
  return page(rows, q.limit, toCouncil);
}

/* ---------- council ---------- */

async function assertSubject(db: Db | Tx, tenantId: string, type: string, id: string, path: string) {
  const subject = councilSubject(type);
  if (!subject) {
    throw new AppError('council.unknown_subject_type', {
      status: 400, params: { type }, details: [{ path: `${path}Type`, code: 'unknown_subject_type' }],
    });
  }
  const found = await subject.find(db, tenantId, id);
  if (!found) {
    throw new AppError('council.subject_not_found', {
      status: 400, params: { label: subject.label, id }, details: [{ path: `${path}Id`, code: 'unknown_reference' }],
    });
  }
  return found;
}

export async function createCouncil(ctx: Ctx, input: CouncilInput): Promise<Council> {
  if (!can(ctx.actor, 'manage')) throw forbidden();
  const tenantId = ctx.actor.tenantId;
  const subject = await assertSubject(ctx.db, tenantId, input.subjectType, input.subjectId, 'body.subject');
  assertKind(input.kind, input.subjectType);
  const { rules, evaluation } = await rulesAndEvaluation(ctx.db, {
    tenantId, subjectType: input.subjectType, kind: input.kind, ...rulesDateOf(subject, input.meetingDate),
  });
  return ctx.db.transaction(async (tx) => {
    const id = await repo.insertCouncil(tx, tenantId, {
      ...councilValues(input), subjectType: input.subjectType, subjectId: input.subjectId, kind: input.kind, evaluation, rules,
    });
    const created = toCouncil((await repo.findCouncil(tx, tenantId, id))!);
    await recordAudit(tx, ctx, { action: 'create', entity: ENTITY, entityId: id, after: created });
    return created;
  });
}

export async function updateCouncil(ctx: Ctx, id: string, input: CouncilUpdate): Promise<Council> {
  if (!can(ctx.actor, 'manage')) throw forbidden();
  const tenantId = ctx.actor.tenantId;
  return ctx.db.transaction(async (tx) => {
    const locked = await repo.lockCouncil(tx, tenantId, id, 'update');
    if (!locked) throw councilNotFound(id);
    if (locked.version !== input.version) throw versionConflict(locked.version, input.version);
    requireStatus(locked.status, ['draft', 'open'], 'update');
    const before = (await repo.findCouncil(tx, tenantId, id))!;
    const values: Partial<repo.CouncilValues> = councilValues(input);
    // While the council is being prepared, its rules follow its rules date (the meeting date when its subject has
    // no regime date); from the opening they are frozen.
    if (locked.status === 'draft' && (input.meetingDate ?? null) !== before.meetingDate) {
      Object.assign(values, await rulesAndEvaluation(tx, {
        tenantId, subjectType: before.subjectType, kind: before.kind,
        ...(await councilRulesDate(tx, tenantId, { ...before, meetingDate: input.meetingDate ?? null })),
      }));
    }
    if (!(await repo.updateCouncil(tx, tenantId, id, input.version, values))) throw versionConflict(locked.version, input.version);
    const after = toCouncil((await repo.findCouncil(tx, tenantId, id))!);
    await recordAudit(tx, ctx, { action: 'update', entity: ENTITY, entityId: id, before: toCouncil(before), after });
    return after;
  });
}

export async function deleteCouncil(ctx: Ctx, id: string, version: number): Promise<void> {
  if (!can(ctx.actor, 'manage')) throw forbidden();
  const tenantId = ctx.actor.tenantId;
  await ctx.db.transaction(async (tx) => {
    const locked = await repo.lockCouncil(tx, tenantId, id, 'update');
    if (!locked) throw councilNotFound(id);
    if (locked.version !== version) throw versionConflict(locked.version, version);
    requireStatus(locked.status, ['draft'], 'delete');
    const before = toCouncil((await repo.findCouncil(tx, tenantId, id))!);
    if (!(await repo.deleteCouncil(tx, tenantId, id, version))) throw versionConflict(locked.version, version);
    await recordAudit(tx, ctx, { action: 'delete', entity: ENTITY, entityId: id, before });
  });
}

/** Locks a council the actor manages and checks its status. */
async function managedCouncil(ctx: Ctx, tx: Tx, id: string, allowed: CouncilStatus[], action: keyof typeof ACTIONS) {
  if (!can(ctx.actor, 'manage')) throw forbidden();
  const locked = await repo.lockCouncil(tx, ctx.actor.tenantId, id, 'update');
  if (!locked) throw councilNotFound(id);
  requireStatus(locked.status, allowed, action);
  return (await repo.findCouncil(tx, ctx.actor.tenantId, id))!;
}

/* ---------- members ---------- */

export async function addCouncilMember(ctx: Ctx, councilId: string, input: CouncilMemberInput): Promise<CouncilMember> {
  const tenantId = ctx.actor.tenantId;
  return ctx.db.transaction(async (tx) => {
    const council = await managedCouncil(ctx, tx, councilId, ['draft'], 'members');
    const person = await assertExpert(tx, tenantId, input.personId, {
      path: 'body.personId', notFound: 'council.person_not_found', notExpert: 'council.person_not_expert',
    });
    if (input.userId) await assertActiveAccount(tx, tenantId, input.userId, { path: 'body.userId', code: 'council.user_not_found' });
    const { value: composition, legalBasis } = council.rules.composition;
    const members = await repo.listMembers(tx, councilId);
    if (members.length >= composition.maxMembers) {
      throw new AppError('council.too_many_members', { status: 409, params: { max: composition.maxMembers, legalBasis }, details: { max: composition.maxMembers } });
    }
    const bound = composition.roles[input.role];
    const sameRole = members.filter((m) => m.role === input.role).length;
    if (bound?.max !== undefined && sameRole >= bound.max) {
      throw new AppError('council.role_full', {
        status: 409, params: { max: bound.max, role: COUNCIL_ROLE_LABELS[input.role], legalBasis }, details: { role: input.role, max: bound.max },
      });
    }
    const id = await repo.insertMember(tx, {
      councilId, tenantId, personId: input.personId, userId: input.userId ?? null, role: input.role,
    }).catch((e) => {
      const pe = pgError(e);
      if (pe?.code === '23505' && pe.constraint === 'council_members_person') {
        throw new AppError('council.already_member', { status: 409, params: { name: person.fullName }, details: [{ path: 'body.personId', code: 'duplicate' }] });
      }
      if (pe?.code === '23505' && pe.constraint === 'council_members_user') {
        throw new AppError('council.user_already_member', { status: 409, details: [{ path: 'body.userId', code: 'duplicate' }] });
      }
      throw e;
    });
    // By default a member evaluates every dossier.
    await repo.addAssignments(tx, (await repo.dossierIdsOf(tx, councilId)).map((dossierId) => ({ dossierId, memberId: id })));
    // A member close to a subject under evaluation is flagged in the answer (and the audit entry) at once.
    const [member] = await membersWithConflicts(tx, tenantId, council, [(await repo.findMember(tx, councilId, id))!], await repo.listDossiers(tx, councilId));
    await recordAudit(tx, ctx, { action: 'create', entity: 'council_member', entityId: id, after: { councilId, ...member } });
    return member;
  });
}

export async function removeCouncilMember(ctx: Ctx, councilId: string, memberId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await managedCouncil(ctx, tx, councilId, ['draft'], 'members');
    const before = await repo.findMember(tx, councilId, memberId);
    if (!before) throw memberNotFound(memberId);
    await repo.deleteMember(tx, councilId, memberId);
    await recordAudit(tx, ctx, { action: 'delete', entity: 'council_member', entityId: memberId, before: { councilId, ...toMember(before) } });
  });
}

/**
 * The rule for the sitting's writes: the council row is locked FOR SHARE (members act side by side; opening, closing
 * and editing the council take it FOR UPDATE and wait for them, and they for it), and the member's own row FOR UPDATE
 * (`lockedMember`), so a sheet and a declared conflict of one member never cross: what is checked is what is stored.
 */
async function lockedMember(tx: Tx, councilId: string, memberId: string) {
  if (!(await repo.lockMember(tx, councilId, memberId))) throw memberNotFound(memberId);
  return (await repo.findMember(tx, councilId, memberId))!;
}

/** A member's own council, locked for reading its status; 404 when the actor neither manages it nor sits on it. */
async function councilForMemberAction(ctx: Ctx, tx: Tx, councilId: string) {
  const locked = await repo.lockCouncil(tx, ctx.actor.tenantId, councilId, 'share');
  if (!locked) throw councilNotFound(councilId);
  if (!can(ctx.actor, 'manage') && !(await repo.findMemberByUser(tx, councilId, ctx.actor.userId))) throw councilNotFound(councilId);
  return locked;
}

/**
 * A member answers on conflicts of interest: declares a conflict (and no longer evaluates) or declares none (which
 * also withdraws an earlier declaration); a manager may record the answer for them. Both answers are dated; "no
 * conflict" stays distinct from "not answered".
 */
export async function declareConflict(ctx: Ctx, councilId: string, memberId: string, input: { declared: boolean; note?: string | null }): Promise<CouncilMember> {
  return ctx.db.transaction(async (tx) => {
    const locked = await councilForMemberAction(ctx, tx, councilId);
    const before = await lockedMember(tx, councilId, memberId);
    if (!canActForMember(ctx.actor, before)) throw forbidden();
    requireStatus(locked.status, ['draft', 'open'], 'conflict');
    await repo.setConflict(tx, memberId, input.declared, input.note ?? null);
    const council = (await repo.findCouncil(tx, ctx.actor.tenantId, councilId))!;
    const [after] = await membersWithConflicts(tx, ctx.actor.tenantId, council, [(await repo.findMember(tx, councilId, memberId))!], await repo.listDossiers(tx, councilId));
    const action = input.declared ? 'declare_conflict' : before.conflictStatus === 'declared' ? 'withdraw_conflict' : 'declare_no_conflict';
    await recordAudit(tx, ctx, {
      action, entity: 'council_member', entityId: memberId,
      before: { councilId, ...toMember(before) }, after: { councilId, ...after },
    });
    return after;
  });
}

export async function setPresence(ctx: Ctx, councilId: string, memberId: string, present: boolean): Promise<CouncilMember> {
  if (!can(ctx.actor, 'manage')) throw forbidden();
  return ctx.db.transaction(async (tx) => {
    const locked = await repo.lockCouncil(tx, ctx.actor.tenantId, councilId, 'share');
    if (!locked) throw councilNotFound(councilId);
    const before = await lockedMember(tx, councilId, memberId);
    requireStatus(locked.status, ['draft', 'open'], 'presence');
    await repo.setPresence(tx, memberId, present);
    const council = (await repo.findCouncil(tx, ctx.actor.tenantId, councilId))!;
    const [after] = await membersWithConflicts(tx, ctx.actor.tenantId, council, [(await repo.findMember(tx, councilId, memberId))!], await repo.listDossiers(tx, councilId));
    await recordAudit(tx, ctx, { action: 'presence', entity: 'council_member', entityId: memberId, before: { present: before.present }, after: { councilId, present } });
    return after;
  });
}

/* ---------- dossiers ---------- */

export async function addCouncilDossier(ctx: Ctx, councilId: string, input: CouncilDossierInput): Promise<CouncilDossier> {
  const tenantId = ctx.actor.tenantId;
  return ctx.db.transaction(async (tx) => {
    await managedCouncil(ctx, tx, councilId, ['draft'], 'dossiers');
    const subject = await assertSubject(tx, tenantId, input.subjectType, input.subjectId, 'body.subject');
    const id = await repo.insertDossier(tx, {
      councilId, tenantId, subjectType: input.subjectType, subjectId: input.subjectId, title: input.title ?? subject.title,
    }).catch((e) => {
      const pe = pgError(e);
      if (pe?.code === '23505' && pe.constraint === 'council_dossiers_subject_once') {
        throw new AppError('council.dossier_exists', { status: 409, details: [{ path: 'body.subjectId', code: 'duplicate' }] });
      }
      throw e;
    });
    const memberIds = await repo.memberIdsOf(tx, councilId);
    await repo.addAssignments(tx, memberIds.map((memberId) => ({ dossierId: id, memberId })));
    const dossier: CouncilDossier = { ...(await repo.findDossier(tx, councilId, id))!, memberIds, sheetCount: 0 };
    await recordAudit(tx, ctx, { action: 'create', entity: 'council_dossier', entityId: id, after: { councilId, ...dossier } });
    return dossier;
  });
}

export async function removeCouncilDossier(ctx: Ctx, councilId: string, dossierId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await managedCouncil(ctx, tx, councilId, ['draft'], 'dossiers');
    const before = await repo.findDossier(tx, councilId, dossierId);
    if (!before) throw dossierNotFound(dossierId);
    await repo.deleteDossier(tx, councilId, dossierId);
    await recordAudit(tx, ctx, { action: 'delete', entity: 'council_dossier', entityId: dossierId, before: { councilId, ...before } });
  });
}

/** Which members evaluate a dossier (replacing the default "every member"). */
export async function setAssignments(ctx: Ctx, councilId: string, dossierId: string, input: AssignmentsInput): Promise<CouncilDossier> {
  return ctx.db.transaction(async (tx) => {
    await managedCouncil(ctx, tx, councilId, ['draft'], 'assignments');
    const dossier = await repo.findDossier(tx, councilId, dossierId);
    if (!dossier) throw dossierNotFound(dossierId);
    const members = new Set(await repo.memberIdsOf(tx, councilId));
    const wanted = [...new Set(input.memberIds)];
    const strangers = wanted.map((m, i) => ({ m, i })).filter(({ m }) => !members.has(m));
    if (strangers.length) {
      throw new AppError('council.assignee_not_member', {
        status: 400, details: strangers.map(({ i }) => ({ path: `body.memberIds.${i}`, code: 'not_a_member' })),
      });
    }
    const before = (await repo.listAssignments(tx, councilId)).filter((a) => a.dossierId === dossierId).map((a) => a.memberId);
    await repo.replaceAssignments(tx, dossierId, wanted);
    await recordAudit(tx, ctx, { action: 'assign', entity: 'council_dossier', entityId: dossierId, before: { memberIds: before }, after: { councilId, memberIds: wanted } });
    return { ...dossier, memberIds: wanted, sheetCount: 0 };
  });
}

/* ---------- the sitting ---------- */

function compositionProblems(lang: Lang, rule: CompositionRule, roles: CouncilMember['role'][]): string {
  return checkComposition(rule, roles).map((p) => translate(lang, `council.problem.${p.kind}`, {
    ...p, role: 'role' in p ? COUNCIL_ROLE_LABELS[p.role] : undefined,
  })).join('; ');
}

/** Opens the sitting: the rules are resolved on the meeting date and frozen; the composition must meet them. */
export async function openCouncil(ctx: Ctx, id: string, version: number): Promise<Council> {
  const tenantId = ctx.actor.tenantId;
  return ctx.db.transaction(async (tx) => {
    if (!can(ctx.actor, 'manage')) throw forbidden();
    const locked = await repo.lockCouncil(tx, tenantId, id, 'update');
    if (!locked) throw councilNotFound(id);
    if (locked.version !== version) throw versionConflict(locked.version, version);
    requireStatus(locked.status, ['draft'], 'open');
    const before = (await repo.findCouncil(tx, tenantId, id))!;
    const { rules, evaluation } = await rulesAndEvaluation(tx, {
      tenantId, subjectType: before.subjectType, kind: before.kind, ...(await councilRulesDate(tx, tenantId, before)),
    });
    const members = await repo.listMembers(tx, id);
    const roles = members.map((m) => m.role);
    const problems = checkComposition(rules.composition.value, roles);
    if (problems.length) {
      throw new AppError('council.composition_invalid', {
        status: 409,
        params: {
          legalBasis: rules.composition.legalBasis,
          problems: { vi: compositionProblems('vi', rules.composition.value, roles), en: compositionProblems('en', rules.composition.value, roles) },
        },
        details: { problems },
      });
    }
    const dossiers = await repo.listDossiers(tx, id);
    if (dossiers.length === 0) throw new AppError('council.no_dossiers', { status: 409 });
    const assigned = new Set((await repo.listAssignments(tx, id)).map((a) => a.dossierId));
    const lonely = dossiers.find((d) => !assigned.has(d.id));
    if (lonely) throw new AppError('council.dossier_unassigned', { status: 409, params: { title: lonely.title }, details: { dossierId: lonely.id } });
    if (!(await repo.updateCouncil(tx, tenantId, id, version, { status: 'open', openedAt: new Date(), rules, evaluation }))) {
      throw versionConflict(locked.version, version);
    }
    const after = toCouncil((await repo.findCouncil(tx, tenantId, id))!);
    await recordAudit(tx, ctx, { action: 'open', entity: ENTITY, entityId: id, before: toCouncil(before), after });
    return after;
  });
}

/**
 * A member's sheet for a dossier: points for every criterion of the council's sheet (0..max), or a rating when the
 * council's kind evaluates by rating. The member enters it, or (a paper sheet) the council's chair or secretary or
 * DOST staff enter it on their behalf, which the sheet, its audit entry and the minutes record. Refused: a council
 * not in session (409), someone else's sheet (403), a member with a declared conflict (409), a member flagged as a
 * likely conflict who has not answered (409), a dossier not assigned to the member (403), a score outside the sheet
 * (400 naming the criterion).
 */
export async function submitSheet(ctx: Ctx, o: { councilId: string; dossierId: string; memberId: string; input: SheetInput }): Promise<Sheet> {
  const { councilId, dossierId, memberId, input } = o;
  return ctx.db.transaction(async (tx) => {
    const locked = await councilForMemberAction(ctx, tx, councilId);
    const member = await lockedMember(tx, councilId, memberId);
    const me = await repo.findMemberByUser(tx, councilId, ctx.actor.userId);
    if (!canEnterSheetFor(ctx.actor, member, me)) throw new AppError('council.not_your_sheet', { status: 403 });
    requireStatus(locked.status, ['open'], 'sheet');
    const dossier = await repo.findDossier(tx, councilId, dossierId);
    if (!dossier) throw dossierNotFound(dossierId);
    const name = personDisplayName(member);
    if (member.conflictDeclared) {
      throw new AppError('council.member_conflicted', { status: 409, params: { name }, details: { memberId, conflictNote: member.conflictNote } });
    }
    if (!(await repo.isAssigned(tx, dossierId, memberId))) {
      throw new AppError('council.not_assigned', { status: 403, params: { name, dossier: dossier.title }, details: { memberId, dossierId } });
    }
    const council = (await repo.findCouncil(tx, ctx.actor.tenantId, councilId))!;
    if (member.conflictStatus === 'unanswered') {
      const [flagged] = await membersWithConflicts(tx, ctx.actor.tenantId, council, [member], [dossier]);
      if (flagged.likelyConflicts.length) {
        throw new AppError('council.conflict_unanswered', {
          status: 409, params: { name, reason: { vi: likelyConflictText(flagged.likelyConflicts[0], 'vi'), en: likelyConflictText(flagged.likelyConflicts[0], 'en') } },
          details: { memberId, likelyConflicts: flagged.likelyConflicts },
        });
      }
    }
    let values: { scores: Record<string, number> | null; total: number | null; rating: Rating | null };
    if (council.evaluation === 'rating') {
      if (!input.rating || input.scores) {
        throw new AppError('council.rating_expected', { status: 400, details: [{ path: 'body.rating', code: 'required' }] });
      }
      values = { scores: null, total: null, rating: input.rating };
    } else {
      if (!input.scores || input.rating) {
        throw new AppError('council.scores_expected', { status: 400, details: [{ path: 'body.scores', code: 'required' }] });
      }
      const sheet = council.rules.scoringSheet.value;
      const problems = checkScores(sheet, input.scores);
      if (problems.length) {
        // Every problem at its criterion's field, worded (localizeDetails) as the web form words it; the first one is the message.
        const details = problems.map((p) => {
          const { key: i18n, params } = sheetProblemMessage(p);
          return p.kind === 'unknown'
            ? { path: `body.scores.${p.key}`, code: 'unknown_criterion', key: p.key, i18n, params }
            : {
              path: `body.scores.${p.criterion.key}`, code: p.kind, key: p.criterion.key, criterion: p.criterion.name, max: p.criterion.maxPoints,
              ...('value' in p ? { value: p.value } : {}), i18n, params,
            };
        });
        const first = sheetProblemMessage(problems[0]);
        throw new AppError(first.key, { status: 400, params: first.params, details });
      }
      const scores = Object.fromEntries(sheet.criteria.map((c) => [c.key, input.scores![c.key]]));
      values = { scores, total: sheetTotal(sheet, scores), rating: null };
    }
    const before = await repo.findSheet(tx, dossierId, memberId);
    const id = await repo.upsertSheet(tx, {
      councilId, tenantId: ctx.actor.tenantId, dossierId, memberId, ...values, comment: input.comment ?? null,
      enteredBy: ctx.actor.userId,
    });
    const members = await repo.listMembers(tx, councilId);
    const after = toSheet((await repo.findSheet(tx, dossierId, memberId))!, members);
    await recordAudit(tx, ctx, {
      action: before ? 'update' : 'create', entity: 'council_sheet', entityId: id,
      before: before ? toSheet(before, members) : undefined,
      // A paper sheet entered for the member says so, and for whom.
      after: { councilId, ...after, ...(after.enteredAs === 'self' ? {} : { onBehalfOf: { memberId, name } }) },
    });
    return after;
  });
}

/* ---------- results ---------- */

/**
 * Aggregates every dossier of a council per its frozen sheet and pass rule. While the sitting cannot conclude (no
 * members, below quorum, nobody to preside) each dossier shows its tally but no verdict: passed and rating are null
 * and the reason says why.
 */
async function computeResults(db: Db | Tx, council: repo.CouncilRow, lang: Lang): Promise<CouncilResults> {
  const [members, dossiers, assignments, sheets] = await runQueries(db, [
    () => repo.listMembers(db, council.id), () => repo.listDossiers(db, council.id), () => repo.listAssignments(db, council.id),
    () => repo.listSheets(db, council.id),
  ] as const);
  const byId = new Map(members.map((m) => [m.id, m]));
  const sheetRule = council.rules.scoringSheet.value;
  const passRule = council.rules.passRule.value;
  const composition = council.rules.composition.value;
  const quorum = quorumOf(composition, members);
  const blocked = conclusionBlocker(quorum);
  /** The verdict, or none while the sitting cannot conclude. */
  const verdict = (v: { rating: Rating | null; passed: boolean | null; reasons: Reason[] }) => (blocked.length
    ? { rating: null, passed: null, reasons: blocked, reason: reasonText(lang, blocked) }
    : { ...v, reason: reasonText(lang, v.reasons) });
  const results: DossierResult[] = dossiers.map((d) => {
    const assigned = assignments.filter((a) => a.dossierId === d.id).map((a) => byId.get(a.memberId)!).filter(Boolean);
    const own = sheets.filter((s) => s.dossierId === d.id);
    const counted = own.filter((s) => !byId.get(s.memberId)?.conflictDeclared);
    const excluded = own.filter((s) => byId.get(s.memberId)?.conflictDeclared);
    const submitted = new Set(own.map((s) => s.memberId));
    const memberName = (id: string) => personDisplayName(byId.get(id)!);
    const base = {
      dossierId: d.id, title: d.title, subjectType: d.subjectType, subjectId: d.subjectId,
      sheets: counted.map((s) => ({
        memberId: s.memberId, memberName: memberName(s.memberId), role: byId.get(s.memberId)!.role,
        scores: s.scores, total: s.total === null ? null : Number(s.total), rating: s.rating, comment: s.comment,
        enteredAs: enteredAs(s, members),
      })),
      missing: assigned.filter((m) => !m.conflictDeclared && !submitted.has(m.id)).map((m) => ({ memberId: m.id, memberName: personDisplayName(m) })),
      excluded: excluded.map((s) => ({ memberId: s.memberId, memberName: memberName(s.memberId) })),
    };
    if (council.evaluation === 'rating') {
      const r = aggregateRatings(passRule, counted.map((s) => s.rating!).filter(Boolean));
      return {
        ...base, count: r.count, average: null, criteria: [], ratings: r.ratings,
        ...verdict({ rating: r.rating, passed: r.passed, reasons: r.reasons }),
      };
    }
    const r = aggregateScores(sheetRule, passRule, counted.map((s) => s.scores ?? {}));
    return {
      ...base, count: r.count, average: r.average, criteria: r.criteria, ratings: null,
      ...verdict({ rating: null, passed: r.passed, reasons: r.reasons }),
    };
  });
  // A rated council's verdict follows its kind's rule (the ratings and their legal basis), not the scoring pass rule.
  const citation = council.evaluation === 'rating' && council.rules.kind ? council.rules.kind.legalBasis : council.rules.passRule.legalBasis;
  return {
    councilId: council.id,
    kind: council.kind,
    kindName: kindName(council.kind),
    evaluation: council.evaluation,
    status: council.status,
    quorum,
    passRule: { legalBasis: citation, value: passRule },
    dossiers: results,
  };
}

export async function getCouncilResults(ctx: Ctx, id: string, lang: Lang = 'vi'): Promise<CouncilResults> {
  if (!can(ctx.actor, 'results')) throw forbidden();
  const row = await repo.findCouncil(ctx.db, ctx.actor.tenantId, id);
  if (!row) throw councilNotFound(id);
  return computeResults(ctx.db, row, lang);
}

/**
 * Closes the sitting: refused below quorum (present members without a conflict < the quorum share of all members)
 * or without the chair or a vice-chair to preside. The subject's module is told the results (onClosed) in the same
 * transaction.
 */
export async function closeCouncil(ctx: Ctx, id: string, version: number): Promise<Council> {
  const tenantId = ctx.actor.tenantId;
  return ctx.db.transaction(async (tx) => {
    if (!can(ctx.actor, 'manage')) throw forbidden();
    const locked = await repo.lockCouncil(tx, tenantId, id, 'update');
    if (!locked) throw councilNotFound(id);
    if (locked.version !== version) throw versionConflict(locked.version, version);
    requireStatus(locked.status, ['open'], 'close');
    const before = (await repo.findCouncil(tx, tenantId, id))!;
    const composition = before.rules.composition.value;
    const quorum = quorumOf(composition, await repo.listMembers(tx, id));
    if (!quorum.met) {
      const share = `${composition.quorum.numerator}/${composition.quorum.denominator}`;
      throw new AppError('council.below_quorum', {
        status: 409,
        params: { present: quorum.eligiblePresent, required: quorum.required, members: quorum.members, share },
        details: { ...quorum, legalBasis: before.rules.composition.legalBasis },
      });
    }
    if (composition.presidingRequired && !quorum.presidingPresent) throw new AppError('council.no_presiding', { status: 409, details: quorum });
    if (!(await repo.updateCouncil(tx, tenantId, id, version, { status: 'closed', closedAt: new Date() }))) {
      throw versionConflict(locked.version, version);
    }
    const closed = (await repo.findCouncil(tx, tenantId, id))!;
    const results = await computeResults(tx, closed, 'vi');
    const after = toCouncil(closed);
    await recordAudit(tx, ctx, { action: 'close', entity: ENTITY, entityId: id, before: toCouncil(before), after: { ...after, results } });
    await councilSubject(closed.subjectType)?.onClosed?.(tx, ctx, after, results);
    return after;
  });
}

/* ---------- minutes ---------- */

/** The council's minutes (biên bản) as a DOCX in the Decree 30/2020 layout, with its file name. */
export async function councilMinutesDocx(ctx: Ctx, id: string): Promise<{ filename: string; buffer: Buffer }> {
  if (!can(ctx.actor, 'results')) throw forbidden();
  const row = await repo.findCouncil(ctx.db, ctx.actor.tenantId, id);
  if (!row) throw councilNotFound(id);
  // Minutes are dated the day of the sitting, and headed by the agency issuing the province's documents that day.
  const date = row.meetingDate ?? todayInVietnam(row.closedAt ?? new Date());
  const [members, results, heading] = await Promise.all([
    repo.listMembers(ctx.db, id), computeResults(ctx.db, row, 'vi'), documentHeadingOn(ctx.db, ctx.actor.tenantId, date),
  ]);
  const doc = buildCouncilMinutes({
    council: toCouncil(row),
    members: await membersWithConflicts(ctx.db, ctx.actor.tenantId, row, members, results.dossiers),
    results,
    heading,
    date,
  });
  return { filename: minutesFilename(row.name), buffer: await renderAdministrativeDocument(doc) };
}
