/**
 * Demo S&T tasks (data in tasks-data.ts), written through the services exactly as users would make them: an
 * officer proposes, attaches the documents each transition requires and moves the task on; the leader signs the
 * approval decision; every council is set up, sits, and each member scores (or rates) with their own reviewer
 * account, so the council outcomes that the workflow requires are real facts. Transitions are back-dated (the
 * `at` argument of transitionTask, for demo and imports only) so the stage-time dashboard has real medians.
 *
 * Called by seedDemo inside its transaction, after the tenants, organisations, people and accounts exist.
 */
import type { DbHandle } from '../db/client.ts';
import type { Ctx, Tx } from '../context.ts';
import { AppError } from '../errors.ts';
import { fold } from '../../lib/vi/fold.ts';
import { formatDate } from '../../lib/vi/format.ts';
import { personDisplayName } from '../../lib/vi/person-name.ts';
import { addDays } from '../../lib/vi/dates.ts';
import { OrganizationInput } from '../../shared/schemas/organizations.ts';
import { PersonInput, type Person } from '../../shared/schemas/people.ts';
import type { BuiltInCouncilKind as CouncilKind, MemberRole, Rating, ScoringSheetRule } from '../../shared/schemas/councils.ts';
import type { TaskCreate, TaskDetail } from '../../shared/schemas/tasks.ts';
import type { User } from '../../shared/schemas/users.ts';
import type { WorkflowDefinition } from '../../shared/schemas/workflow.ts';
import { findUnitByCode, findUnitByName } from '../modules/admin-units/admin-units.service.ts';
import {
  addCouncilDossier, addCouncilMember, closeCouncil, createCouncil, declareConflict, openCouncil, setPresence, submitSheet,
} from '../modules/councils/councils.service.ts';
import { createOrganization } from '../modules/organizations/organizations.service.ts';
import { createPerson, listPeople } from '../modules/people/people.service.ts';
import {
  addDisbursement, addDocument, addProgress, addReplication, createTask, getTask, reproposeTask, transitionTask, updateTask,
} from '../modules/tasks/tasks.service.ts';
import { TASK_WORKFLOW } from '../modules/tasks/tasks.workflow.ts';
import { createUser, listUsers, updateUser } from '../modules/users/users.service.ts';
import { resolveWorkflow } from '../modules/workflow/workflow.service.ts';
import { DEMO_PASSWORD, DEMO_TENANTS } from './demo-data.ts';
import { actorOf, systemActor } from './actors.ts';
import { random } from './prng.ts';
import { demoDisbursements, type TaskHistoryDates } from './tasks-funding.ts';
import {
  DEMO_TASKS, HOIDONG_EXPERT, TASK_ORGANIZATIONS, TASK_PEOPLE,
  type DemoCouncil, type DemoProgress, type DemoReplication, type DemoStep, type DemoTask,
} from './tasks-data.ts';

export interface DemoTasksOptions {
  /** The demo seed's transaction; without it the tasks are written in a transaction of their own. */
  db?: Tx;
  /** Tenant slug → id. */
  tenantIds: Map<string, string>;
  /** Organisation key (demo-data.ts) → id. */
  orgIds: Map<string, string>;
  /** `<tenant slug>/<agency key>` (demo-data.ts) → id. */
  agencyIds: Map<string, string>;
}

export interface DemoTasksResult {
  tasks: number;
  councils: number;
  /** Reviewer and leader accounts created for the tasks (password: the demo password). */
  accounts: { username: string; role: string; tenant: string }[];
}

/** Council seats in the order members are added: the national default composition (7 members). */
const SEATS: MemberRole[] = ['chair', 'vice_chair', 'secretary', 'reviewer', 'reviewer', 'member', 'member'];
/** Which council must have passed before an action (the workflow requires its outcome). */
const COUNCIL_BEFORE: Record<string, CouncilKind> = { approve_for_list: 'identification', select: 'selection', accept: 'acceptance' };
const DOCUMENT_FILES: Record<string, string> = {
  proposal_form: 'phieu-de-xuat-nhiem-vu', application_dossier: 'ho-so-dang-ky', budget_appraisal_minutes: 'bien-ban-tham-dinh-kinh-phi',
  approval_decision: 'quyet-dinh-phe-duyet', contract: 'hop-dong-thuc-hien', final_report: 'bao-cao-tong-hop',
  result_registration_certificate: 'giay-chung-nhan-dang-ky-ket-qua', progress_report: 'bao-cao-tien-do',
};
const COMMENTS: Record<CouncilKind, string[]> = {
  identification: [
    'Nhiệm vụ cấp thiết, phù hợp định hướng phát triển KH&CN của tỉnh.',
    'Đề nghị làm rõ sản phẩm đầu ra và địa chỉ ứng dụng.',
    'Có khả năng nhân rộng; cần nêu rõ phương án đối ứng kinh phí.',
    'Đồng ý đưa vào danh mục; điều chỉnh tên nhiệm vụ cho gọn.',
  ],
  selection: [
    'Tổ chức chủ trì có năng lực, cơ sở vật chất phù hợp.',
    'Thuyết minh đầy đủ; đề nghị rà soát dự toán một số nội dung chi.',
    'Phương án phối hợp với doanh nghiệp, HTX khả thi.',
    'Tiến độ hợp lý; bổ sung chỉ tiêu kỹ thuật của sản phẩm.',
  ],
  budget_appraisal: [],
  acceptance: [
    'Sản phẩm đạt các yêu cầu kỹ thuật đã đăng ký trong hợp đồng.',
    'Báo cáo tổng hợp đầy đủ; đề nghị bổ sung số liệu hiệu quả kinh tế.',
    'Kết quả có giá trị ứng dụng, đề nghị chuyển giao, nhân rộng.',
  ],
};
const COUNCIL_LABELS = {
  identification: 'Hội đồng tư vấn xác định nhiệm vụ',
  selection: 'Hội đồng tư vấn tuyển chọn tổ chức, cá nhân chủ trì nhiệm vụ',
  direct: 'Hội đồng tư vấn giao trực tiếp tổ chức, cá nhân chủ trì nhiệm vụ',
  acceptance: 'Hội đồng tư vấn đánh giá, nghiệm thu kết quả nhiệm vụ',
};
/** The day Long An joined Tây Ninh: meetings before it were held by the Long An DOST. */
const REFORM_DAY = '2025-07-01';

// ---- dates ----

function addMonths(isoDate: string, months: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
/** A working-hours instant in Vietnam time on that day (varied a little so the history reads naturally). */
const instant = (isoDate: string, n: number) => `${isoDate}T${String(8 + (n % 8)).padStart(2, '0')}:${String((n * 17) % 60).padStart(2, '0')}:00+07:00`;

interface Expert { person: Person; ctx: Ctx; userId: string }

interface Province {
  slug: string;
  tenantId: string;
  name: string;
  provinceCode: string;
  officer: Ctx;
  leader: Ctx;
  people: Map<string, Person>;
  /** Experts who score with their own account (Trần Văn Hội is kept for the e2e councils). */
  panel: Expert[];
  /** Trần Văn Hội with the demo account `hoidong`: seated only on the council in session (DemoCouncil.inSession). */
  hoidong: Expert | null;
  councils: number;
  /** Funding decisions issued so far (their number series). */
  decisions: number;
}

export async function seedDemoTasks(h: DbHandle, o: DemoTasksOptions): Promise<DemoTasksResult> {
  if (!o.db) return h.db.transaction((tx) => seedDemoTasks(h, { ...o, db: tx }));
  const db = o.db as unknown as Ctx['db'];
  const result: DemoTasksResult = { tasks: 0, councils: 0, accounts: [] };
  const orgIds = new Map(o.orgIds);
  const provinces = new Map<string, Province>();

  for (const t of DEMO_TENANTS) {
    const tenantId = o.tenantIds.get(t.slug)!;
    const system: Ctx = { db, actor: systemActor(tenantId) };
    const users = async (role: User['role']) => (await listUsers(system, { role, limit: 50 })).items;
    const officerUser = (await users('dost_officer'))[0];
    let leaderUser = (await users('leader'))[0];
    if (!leaderUser) {
      leaderUser = await createUser(db, {
        tenantId, username: `lanhdao.${t.slug.replace(/-/g, '')}`, displayName: `Lãnh đạo UBND tỉnh ${t.province}`,
        password: DEMO_PASSWORD, role: 'leader', agencyId: o.agencyIds.get(`${t.slug}/ubnd`) ?? null,
      });
      result.accounts.push({ username: leaderUser.username, role: 'leader', tenant: t.slug });
    }
    const officer: Ctx = { db, actor: actorOf(officerUser, tenantId) };

    for (const org of TASK_ORGANIZATIONS.filter((x) => x.tenant === t.slug)) {
      const created = await createOrganization(officer, OrganizationInput.parse({
        kind: org.kind, name: org.name, shortName: org.shortName ?? null, address: org.address ?? null,
        scienceField: org.scienceField ?? null, note: org.note,
      }));
      orgIds.set(org.key, created.id);
    }
    const allPeople = async () => new Map((await listPeople(officer, { limit: 200 })).items.map((p) => [p.fullName, p]));
    const existing = await allPeople();
    for (const { tenant, organization, ...p } of TASK_PEOPLE) {
      if (tenant !== t.slug || existing.has(p.fullName)) continue;
      await createPerson(officer, PersonInput.parse({ ...p, organizationId: organization ? orgIds.get(organization)! : null }));
    }
    const people = await allPeople();

    const panel: Expert[] = [];
    let hoidong: Expert | null = null;
    for (const person of [...people.values()].filter((p) => p.isExpert)) {
      if (t.slug === HOIDONG_EXPERT.tenant && person.fullName === HOIDONG_EXPERT.fullName) {
        hoidong = await linkHoidong(system, person);
        continue;
      }
      const user = await createUser(db, {
        tenantId, username: `hd.${fold(person.fullName).replace(/ /g, '')}`, displayName: personDisplayName(person),
        password: DEMO_PASSWORD, role: 'reviewer',
      });
      result.accounts.push({ username: user.username, role: 'reviewer', tenant: t.slug });
      panel.push({ person, userId: user.id, ctx: { db, actor: actorOf(user, tenantId) } });
    }
    provinces.set(t.slug, {
      slug: t.slug, tenantId, name: t.province, provinceCode: t.provinceCode, officer,
      leader: { db, actor: actorOf(leaderUser, tenantId) }, people, panel, hoidong, councils: 0, decisions: 0,
    });
  }

  const definitions = new Map<string, WorkflowDefinition>();
  const definition = async (p: Province, regimeDate: string) => {
    const key = `${p.tenantId}/${regimeDate}`;
    if (!definitions.has(key)) definitions.set(key, (await resolveWorkflow(db, { tenantId: p.tenantId, workflow: TASK_WORKFLOW, regimeDate })).value);
    return definitions.get(key)!;
  };

  for (const spec of DEMO_TASKS) {
    const p = provinces.get(spec.tenant)!;
    await seedTask({ db, p, spec, orgIds, definition, result });
  }
  return result;
}

/** The expert behind the demo account `hoidong`: the account shows his name, so councils can seat him with it. */
async function linkHoidong(system: Ctx, person: Person): Promise<Expert | null> {
  const [account] = (await listUsers(system, { role: 'reviewer', limit: 50 })).items.filter((u) => u.username === HOIDONG_EXPERT.username);
  if (!account) return null;
  const user = await updateUser(system, account.id, {
    displayName: personDisplayName(person), role: account.role, active: account.active,
    organizationId: account.organizationId, agencyId: account.agencyId, adminUnitId: account.adminUnitId, email: account.email, version: account.version,
  });
  return { person, userId: user.id, ctx: { db: system.db, actor: actorOf(user, system.actor.tenantId) } };
}

interface SeedTaskArgs {
  db: Ctx['db'];
  p: Province;
  spec: DemoTask;
  orgIds: Map<string, string>;
  definition: (p: Province, regimeDate: string) => Promise<WorkflowDefinition>;
  result: DemoTasksResult;
}

async function seedTask(a: SeedTaskArgs) {
  const { p, spec } = a;
  const person = (name: string) => {
    const found = p.people.get(name);
    if (!found) throw new Error(`demo task ${spec.key}: no person "${name}" in ${p.slug}`);
    return found.id;
  };
  const input: TaskCreate = {
    title: spec.title, type: spec.type, level: spec.level, scienceField: spec.scienceField,
    hostOrganizationId: a.orgIds.get(spec.host)!, principalInvestigatorId: person(spec.pi),
    assignmentMode: spec.assignmentMode, fundingMode: spec.fundingMode ?? null, proposalYear: Number(spec.proposedOn.slice(0, 4)),
    code: null, startDate: null, endDate: null, summary: spec.summary,
    members: spec.members.map(([name, role]) => ({ personId: person(name), role })),
    participants: (spec.participants ?? []).map(([org, role, note]) => ({ organizationId: a.orgIds.get(org)!, role, note: note ?? null })),
    funding: spec.funding.map(([year, stateBudget, counterpart]) => ({ year, stateBudget, counterpart })),
    products: spec.products,
    proposedOn: spec.proposedOn,
  };
  const involved = new Set([input.principalInvestigatorId!, ...input.members.map((m) => m.personId)]);
  let task = await createTask(p.officer, input);
  a.result.tasks++;
  const walker = new Walker(a, task, input, involved);
  for (const kind of spec.documents ?? []) await walker.attach(kind, spec.proposedOn);
  await walker.walk(spec.steps, spec.proposedOn);
  await walker.current();
  await walker.disburse();
  for (const r of spec.replications ?? []) await walker.replicate(r);

  if (spec.reproposal) {
    const r = spec.reproposal;
    task = await reproposeTask(p.officer, task.id, { proposalYear: r.proposalYear, title: r.title, proposedOn: r.proposedOn });
    a.result.tasks++;
    const revised: TaskCreate = {
      ...input, title: r.title, summary: r.summary, fundingMode: r.fundingMode, proposalYear: r.proposalYear, proposedOn: r.proposedOn,
      funding: r.funding.map(([year, stateBudget, counterpart]) => ({ year, stateBudget, counterpart })),
    };
    const { proposedOn: _p, ...update } = revised;
    task = await updateTask(p.officer, task.id, { ...update, version: task.version });
    const next = new Walker(a, task, revised, involved);
    await next.walk(r.steps, r.proposedOn);
  }
}

/** Takes one task through its history, in time order. */
class Walker {
  private attached = new Set<string>();
  private stage: string;
  private stageStart = '';
  private step = 0;
  /** The days of the history that funding follows (tasks-funding.ts). */
  private dates: TaskHistoryDates = { contractOn: null, submittedOn: null, acceptedOn: null, until: '' };

  constructor(private a: SeedTaskArgs, private task: TaskDetail, private input: TaskCreate, private involved: Set<string>) {
    this.stage = task.stage;
    for (const d of task.documents) this.attached.add(d.kind);
  }

  async walk(steps: DemoStep[], from: string) {
    this.stageStart = from;
    for (const [i, s] of steps.entries()) {
      const date = addDays(this.stageStart, s.days);
      for (const pr of s.progress ?? []) await this.progress(pr);
      const kind = COUNCIL_BEFORE[s.action];
      if (s.council && kind) await this.council(kind, s.council);
      if (s.action === 'accept') await this.acceptProducts();
      if (s.action === 'approve') {
        // The approval decision assigns the code and the schedule, from the contract date on.
        const start = addDays(date, steps[i + 1]?.action === 'sign_contract' ? steps[i + 1].days : 14);
        await this.update({ code: this.a.spec.code ?? null, startDate: start, endDate: addMonths(start, this.a.spec.months ?? 24) });
      }
      await this.transition(s.action, date, s.note);
    }
  }

  /** What goes on in the stage the task has reached. */
  async current() {
    const c = this.a.spec.current;
    for (const pr of c?.progress ?? []) await this.progress(pr);
    if (c?.council) await this.council(c.council.kind, c.council);
  }

  async attach(kind: string, onDate: string) {
    const { p } = this.a;
    const def = await this.a.definition(p, this.task.regimeDate);
    const label = def.labels?.documents?.[kind]?.vi ?? kind;
    const text = [
      `Sở Khoa học và Công nghệ tỉnh ${p.name}`, label.toUpperCase(), this.task.title,
      `Ngày ${formatDate(onDate)}`, '(Tệp minh họa của dữ liệu demo.)', '',
    ].join('\n');
    this.task = await addDocument(p.officer, this.task.id, {
      kind, fileName: `${DOCUMENT_FILES[kind] ?? kind}.txt`, contentType: 'text/plain; charset=utf-8',
      contentBase64: Buffer.from(text, 'utf8').toString('base64'), note: null,
    });
    this.attached.add(kind);
  }

  private async transition(action: string, date: string, note?: string) {
    const { p } = this.a;
    const def = await this.a.definition(p, this.task.regimeDate);
    const rule = def.transitions.find((t) => t.action === action && t.from.includes(this.stage));
    if (!rule) throw new Error(`demo task ${this.a.spec.key}: no action ${action} from ${this.stage}`);
    for (const kind of rule.requiredDocuments ?? []) if (!this.attached.has(kind)) await this.attach(kind, date);
    const actor = rule.roles.includes('dost_officer') ? p.officer : p.leader;
    this.task = await transitionTask(actor, this.task.id, { action, note: note ?? null, version: this.task.version }, instant(date, this.step++));
    this.stage = this.task.stage;
    this.stageStart = date;
    if (action === 'sign_contract') this.dates.contractOn = date;
    if (action === 'submit_for_acceptance') this.dates.submittedOn = date;
    if (action === 'accept') this.dates.acceptedOn = date;
    this.seen(date);
  }

  private seen(date: string) {
    if (date > this.dates.until) this.dates.until = date;
  }

  /** The disbursements the task's history implies, each on a funding decision of the province. */
  async disburse() {
    const { p } = this.a;
    const decision = (date: string) => ({ decisionNo: `${301 + p.decisions++}/QĐ-SKHCN`, decisionDate: addDays(date, -5) });
    const paid = demoDisbursements(this.input.funding, this.dates, decision);
    for (const d of paid) await addDisbursement(p.officer, this.task.id, d);
    if (paid.length) this.task = await getTask(p.officer, this.task.id);
  }

  private async update(changes: Partial<TaskCreate>) {
    Object.assign(this.input, changes);
    const { proposedOn: _p, ...rest } = this.input;
    this.task = await updateTask(this.a.p.officer, this.task.id, { ...rest, version: this.task.version });
  }

  private async acceptProducts() {
    await this.update({ products: this.input.products.map((x) => ({ ...x, status: 'accepted' as const })) });
  }

  private async progress(pr: DemoProgress) {
    this.seen(addDays(this.stageStart, pr.day));
    this.task = await addProgress(this.a.p.officer, this.task.id, {
      kind: pr.kind, reportDate: addDays(this.stageStart, pr.day), percentComplete: pr.percent ?? null, summary: pr.summary,
      newEndDate: pr.extendTo ?? null,
    });
    if (pr.extendTo) this.input.endDate = pr.extendTo;
  }

  /**
   * A council sitting: 7 experts not involved in the task and not from its host's or its principal investigator's
   * organisation (the council would flag them as likely conflicts of interest), each scoring (or rating) with their own
   * account.
   */
  private async council(kind: CouncilKind, plan: DemoCouncil) {
    const { p, spec } = this.a;
    const officer = p.officer;
    const pi = [...p.people.values()].find((x) => x.id === this.input.principalInvestigatorId);
    const close = new Set([this.input.hostOrganizationId, pi?.organizationId].filter((x): x is string => !!x));
    const pool = p.panel.filter((e) => !this.involved.has(e.person.id) && !(e.person.organizationId && close.has(e.person.organizationId)));
    if (pool.length < SEATS.length) throw new Error(`demo task ${spec.key}: only ${pool.length} experts free for its council`);
    const offset = (p.councils * 3) % pool.length;
    const seated = SEATS.map((role, i) => ({ role, expert: pool[(offset + i) % pool.length] }));
    if (plan.inSession) {
      // The demo reviewer sits as the second reviewer (phản biện 2), with his own account, and has yet to score.
      if (!p.hoidong) throw new Error(`demo task ${spec.key}: the council in session needs the account ${HOIDONG_EXPERT.username}`);
      seated[SEATS.lastIndexOf('reviewer')] = { role: 'reviewer', expert: p.hoidong };
    }
    p.councils++;
    this.a.result.councils++;

    const meeting = addDays(this.stageStart, plan.day);
    const decisionDate = addDays(meeting, -Math.min(10, Math.max(1, plan.day - 1)));
    const year = Number(meeting.slice(0, 4));
    const seq = 10 + p.councils * 7;
    const label = kind === 'selection' && this.input.assignmentMode === 'direct' ? COUNCIL_LABELS.direct : COUNCIL_LABELS[kind as keyof typeof COUNCIL_LABELS];
    const dost = p.slug === 'tay-ninh' && meeting < REFORM_DAY ? 'Sở Khoa học và Công nghệ tỉnh Long An' : `Sở Khoa học và Công nghệ tỉnh ${p.name}`;
    const council = await createCouncil(officer, {
      subjectType: 'task', subjectId: this.task.id, kind,
      name: `${label}: ${spec.title}`.slice(0, 500),
      decisionNo: `${seq}/QĐ-SKHCN`, decisionDate,
      meetingDate: plan.draft ? null : meeting,
      location: `Phòng họp ${dost}`,
      minutesNo: plan.draft ? null : `${seq + 1}/BB-SKHCN`,
      note: plan.draft ? `Thành lập theo Quyết định số ${seq}/QĐ-SKHCN năm ${year}; lịch họp sẽ thông báo sau.` : null,
    });
    const dossier = await addCouncilDossier(officer, council.id, { subjectType: 'task', subjectId: this.task.id });
    const members = [];
    for (const s of seated) {
      const m = await addCouncilMember(officer, council.id, { personId: s.expert.person.id, role: s.role, userId: s.expert.userId });
      members.push({ ...s, id: m.id });
    }
    if (plan.draft) return;

    // Not everyone comes to every sitting (a council sits with at least its quorum of two thirds).
    const absent = plan.absent ?? (plan.conflict || plan.inSession ? 0 : [0, 1, 0, 2, 1][p.councils % 5]);
    const present = members.slice(0, members.length - absent);
    for (const m of present) await setPresence(officer, council.id, m.id, true);
    const opened = await openCouncil(officer, council.id, council.version);
    let scorers = plan.inSession ? present.filter((m) => m.expert !== p.hoidong) : present;
    if (plan.conflict) {
      // The last ordinary member present declares a conflict of interest and does not score.
      const conflicted = [...present].reverse().find((m) => m.role === 'member')!;
      await declareConflict(conflicted.expert.ctx, council.id, conflicted.id, { declared: true, note: plan.conflict });
      scorers = present.filter((m) => m !== conflicted);
    }
    const rnd = random(`${spec.key}/${kind}`);
    const sheet = opened.rules.scoringSheet.value;
    for (const [i, m] of scorers.entries()) {
      const comment = COMMENTS[kind][i % COMMENTS[kind].length] ?? null;
      const input = opened.evaluation === 'rating'
        ? { rating: (plan.ratings?.[i] ?? 'passed') as Rating, comment }
        : { scores: scores(sheet, (plan.score ?? 80) + (rnd() - 0.5) * 12, rnd), comment };
      await submitSheet(m.expert.ctx, { councilId: council.id, dossierId: dossier.id, memberId: m.id, input });
    }
    if (plan.inSession) return; // still sitting: the demo reviewer's sheet is awaited
    await closeCouncil(officer, council.id, opened.version);
    // The council's outcome is now a fact on the task (and bumped its version).
    this.task = await getTask(officer, this.task.id);
  }

  async replicate(r: DemoReplication) {
    const { p } = this.a;
    this.task = await addReplication(p.officer, this.task.id, {
      adminUnitId: await unitOf(this.a.db, p, r), place: r.place,
      adopterOrganizationId: r.adopter ? this.a.orgIds.get(r.adopter)! : null, adopterName: r.adopterName ?? null,
      scale: r.scale, year: r.year, note: r.note ?? null,
    });
  }
}

/** One member's points per criterion around a target total (whole points, within 0..max). */
function scores(sheet: ScoringSheetRule, target: number, rnd: () => number): Record<string, number> {
  const share = Math.min(0.98, Math.max(0.5, target / 100));
  return Object.fromEntries(sheet.criteria.map((c) => {
    const v = Math.round(c.maxPoints * share + (rnd() - 0.5) * 3);
    return [c.key, Math.min(c.maxPoints, Math.max(0, v))];
  }));
}

/**
 * The administrative unit of a replication record: the commune in force in the record's year (before the 2025
 * reform, the old commune under its district), or today's commune found by name. Null when it cannot be told.
 */
async function unitOf(db: Ctx['db'], p: Province, r: DemoReplication): Promise<string | null> {
  if (!r.unit) return null;
  try {
    if ('before' in r.unit) {
      const onDate = `${r.year}-06-30`;
      const province = await findUnitByCode(db, { level: 'province', code: r.unit.before.provinceCode, onDate });
      if (!province) return null;
      const district = await findUnitByName(db, { level: 'district', name: r.unit.before.district, onDate, parentId: province.id });
      if (!district) return null;
      return (await findUnitByName(db, { level: 'commune', name: r.unit.before.commune, onDate, parentId: district.id }))?.id ?? null;
    }
    const province = await findUnitByCode(db, { level: 'province', code: p.provinceCode });
    if (!province) return null;
    return (await findUnitByName(db, { level: 'commune', name: r.unit.current, parentId: province.id }))?.id ?? null;
  } catch (err) {
    if (err instanceof AppError) return null; // an ambiguous name: leave the unit empty rather than guess
    throw err;
  }
}
