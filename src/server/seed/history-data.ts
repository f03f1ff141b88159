/**
 * Generated historical tasks of the demo (pure code, no database): enough past tasks that every median of the
 * stage-timing page rests on more than one stay. They are marked as generated wherever a task is shown — the title
 * starts with "[Sinh tự động]", the code with `SINH.`, and the summary says "Nhiệm vụ sinh tự động cho dữ liệu mẫu"
 * — so no one takes them for real tasks of the DOSTs' articles.
 *
 * Each province gets `BASES_PER_PROVINCE` tasks proposed 2018–2022, every stay a number of working days on the
 * province's calendar (a deterministic PRNG per task), most reaching replication, some not approved by the
 * identification council and some not accepted. Then, round by round, every (province, year, stage) group of
 * completed stays that holds a single task — a real demo task or a generated one — gets a companion: a generated
 * task with the same history moved by a few days (never into another year or another regime), continued to a
 * closing stage when its model stopped before one. A companion repeats its model's groups, so the rounds end.
 */
import { addDays } from '../../lib/vi/dates.ts';
import { addWorkingDays, isWorkingDay, type WorkingCalendar } from '../../lib/vi/working-days.ts';
import type { Rating } from '../../shared/schemas/councils.ts';
import type { WorkflowDefinition } from '../../shared/schemas/workflow.ts';
import { between, pick, random } from './prng.ts';

/** The sentence every generated task's summary starts with. */
export const GENERATED_NOTE = 'Nhiệm vụ sinh tự động cho dữ liệu mẫu';
export const GENERATED_TITLE_PREFIX = '[Sinh tự động] ';
export const GENERATED_CODE_PREFIX = 'SINH.';
/** No generated event after this day: the demo's history ends before its own "today" (late 2026). */
export const HISTORY_UNTIL = '2026-10-30';
export const BASES_PER_PROVINCE = 16;
/** Proposals from this date on follow the STI Law 93/2025/QH15 regime (tasks.workflow.ts). */
const REGIME_2025 = '2025-10-01';

/** One transition of a history: `action` moved the task from `from` to `to` on the day `on` (Vietnam time). */
export interface HistoryEvent { action: string; from: string; to: string; on: string }

/** A task's stage history as the stage-timing page counts it. */
export interface History {
  key: string;
  tenant: string;
  proposedOn: string;
  events: HistoryEvent[];
}

export interface GeneratedProduct { name: string; kind: 'process' | 'model' | 'report' | 'software' | 'sample' | 'training'; specification: string; quantity: number | null; unit: string | null; status: 'planned' | 'accepted' }

export interface GeneratedTask extends History {
  title: string;
  code: string;
  summary: string;
  type: 'research_topic' | 'st_project';
  level: 'provincial' | 'grassroots';
  scienceField: string;
  /** Organisation key (demo-data.ts / tasks-data.ts) of the host. */
  host: string;
  assignmentMode: 'ordering' | 'selection' | 'direct';
  stage: string;
  identificationPassed: boolean | null;
  selectionPassed: boolean | null;
  acceptanceRating: Rating | null;
  /** [year, state budget, counterpart], million VND. */
  funding: [number, number, number][];
  products: GeneratedProduct[];
  startDate: string | null;
  endDate: string | null;
  /** The task whose history this one repeats. */
  companionOf: string | null;
}

export interface HistoryProvince {
  slug: string;
  /** The province's name today, and the one its tasks were filed under before a merger (Long An for Tây Ninh). */
  province: string;
  formerProvince: string;
  /** Until when the former name applies. */
  formerUntil: string;
  /** Short code in the generated task codes. */
  abbrev: string;
  /** Organisation keys that host the generated tasks. */
  hosts: string[];
}

export interface HistoryInputs {
  provinces: HistoryProvince[];
  /** The real demo tasks' histories (they are counted, and get companions where they are alone). */
  real: History[];
  definition: (tenant: string, regimeDate: string) => WorkflowDefinition;
  calendar: (tenant: string) => WorkingCalendar;
}

/** The usual path from proposal to replication, with the working days each stay takes. */
const PATH: { action: string; days: [number, number] }[] = [
  { action: 'submit_for_identification', days: [15, 40] },
  { action: 'approve_for_list', days: [20, 45] },
  { action: 'announce', days: [10, 28] },
  { action: 'receive_application', days: [15, 30] },
  { action: 'convene_selection', days: [15, 32] },
  { action: 'select', days: [10, 24] },
  { action: 'appraise_budget', days: [15, 38] },
  { action: 'approve', days: [8, 20] },
  { action: 'sign_contract', days: [5, 14] },
  { action: 'submit_for_acceptance', days: [300, 520] },
  { action: 'accept', days: [20, 42] },
  { action: 'register_result', days: [15, 32] },
];
/** Working days of a stay ended by a closing action. */
const CLOSING_DAYS: Record<string, [number, number]> = { reject: [20, 45], fail_acceptance: [20, 42] };

type Topic = [title: string, field: string, product: string, kind: GeneratedProduct['kind'], unit: string | null];
/** Illustrative subjects (none of the DOSTs' articles' own tasks). */
const TOPICS: Topic[] = [
  ['quy trình trồng nấm rơm trên giá thể phụ phẩm nông nghiệp', '401', 'Quy trình trồng nấm rơm', 'process', null],
  ['giống lúa ngắn ngày chịu hạn cho vùng đất cao', '401', 'Mô hình trình diễn giống lúa', 'model', 'ha'],
  ['chế phẩm vi sinh xử lý vỏ khóm làm phân hữu cơ', '401', 'Chế phẩm vi sinh', 'sample', 'kg'],
  ['kỹ thuật nuôi ong lấy mật trong vườn cây ăn trái', '402', 'Mô hình nuôi ong', 'model', 'đàn'],
  ['mô hình chăn nuôi bò thịt vỗ béo theo chuỗi liên kết', '402', 'Mô hình chăn nuôi bò vỗ béo', 'model', 'con'],
  ['thiết bị cảnh báo xâm nhập mặn cho trạm bơm nội đồng', '202', 'Thiết bị cảnh báo độ mặn', 'sample', 'bộ'],
  ['phần mềm quản lý hồ sơ một cửa cấp xã', '102', 'Phần mềm quản lý hồ sơ', 'software', 'phần mềm'],
  ['bản đồ thổ nhưỡng số phục vụ chuyển đổi cây trồng', '401', 'Bản đồ thổ nhưỡng số', 'software', 'bộ'],
  ['quy trình sơ chế, bảo quản chuối xuất khẩu', '211', 'Quy trình sơ chế, bảo quản chuối', 'process', null],
  ['máy bóc vỏ đậu phộng quy mô hộ gia đình', '203', 'Máy bóc vỏ đậu phộng', 'sample', 'máy'],
  ['vật liệu hấp phụ từ vỏ trấu xử lý nước sinh hoạt', '204', 'Vật liệu hấp phụ từ vỏ trấu', 'sample', 'kg'],
  ['hệ thống xử lý nước thải cơ sở giết mổ gia súc', '205', 'Hệ thống xử lý nước thải', 'model', 'hệ thống'],
  ['tư liệu lịch sử địa phương số hóa phục vụ giáo dục', '601', 'Cơ sở dữ liệu tư liệu lịch sử', 'software', 'cơ sở dữ liệu'],
  ['mô hình du lịch cộng đồng gắn với làng nghề truyền thống', '502', 'Mô hình du lịch cộng đồng', 'model', 'mô hình'],
  ['quy trình chế biến trà túi lọc từ lá sen', '211', 'Quy trình chế biến trà lá sen', 'process', null],
  ['giải pháp tiết kiệm điện cho trường học và trạm y tế', '202', 'Bộ giải pháp tiết kiệm điện', 'report', null],
  ['giống gà thả vườn thích nghi điều kiện chăn thả', '402', 'Đàn gà giống', 'model', 'con'],
  ['mô hình trồng rau thủy canh trong nhà màng', '401', 'Mô hình rau thủy canh', 'model', 'm²'],
  ['quy trình chế biến tinh bột nghệ quy mô hợp tác xã', '211', 'Quy trình chế biến tinh bột nghệ', 'process', null],
  ['ứng dụng viễn thám theo dõi biến động diện tích rừng', '102', 'Bộ bản đồ biến động rừng', 'software', 'bộ'],
  ['kỹ thuật ghép cải tạo vườn bưởi già cỗi', '401', 'Mô hình cải tạo vườn bưởi', 'model', 'ha'],
  ['quy trình ủ chua thức ăn thô cho trâu bò mùa khô', '402', 'Quy trình ủ chua thức ăn', 'process', null],
];
const VERBS = ['Nghiên cứu', 'Ứng dụng', 'Xây dựng', 'Phát triển'];
const FIELDS_OF_PROJECTS = new Set(['402', '205', '502']);

const year = (iso: string) => Number(iso.slice(0, 4));

/** The first working day on or after the date. */
export function onWorkingDay(iso: string, cal: WorkingCalendar): string {
  let d = iso;
  while (!isWorkingDay(d, cal)) d = addDays(d, 1);
  return d;
}

/** The stage an action leads to from a stage; null when the definition has no such transition. */
function next(def: WorkflowDefinition, stage: string, action: string): string | null {
  return def.transitions.find((t) => t.action === action && t.from.includes(stage))?.to ?? null;
}

const terminal = (def: WorkflowDefinition, stage: string) => def.stages.find((s) => s.key === stage)?.terminal === true;

/** Completed stays as (province, year of exit, stage) → the tasks that ended one there. */
export function stayGroups(histories: History[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const h of histories) {
    for (const e of h.events) {
      const key = `${h.tenant}|${year(e.on)}|${e.from}`;
      groups.set(key, [...(groups.get(key) ?? []), h.key]);
    }
  }
  return groups;
}

interface Builder { inputs: HistoryInputs; numbers: Map<string, number>; topics: Map<string, number> }

/**
 * Continues a history from its last stage along the usual path (or to the closing action `close` when its stay
 * comes), until a closing stage or HISTORY_UNTIL; a stay that would end after it is cut at it by a closing action.
 */
function walk(b: Builder, tenant: string, events: HistoryEvent[], from: { stage: string; on: string }, regimeDate: string,
  rnd: () => number, close?: { at: string; action: string }) {
  const def = b.inputs.definition(tenant, regimeDate);
  const cal = b.inputs.calendar(tenant);
  let { stage, on } = from;
  while (!terminal(def, stage)) {
    const closing = close && close.at === stage ? close.action : null;
    const step = closing ? { action: closing, days: CLOSING_DAYS[closing] } : PATH.find((p) => next(def, stage, p.action));
    if (!step) break;
    let action = step.action;
    let date = addWorkingDays(on, between(rnd, ...step.days), cal);
    if (date > HISTORY_UNTIL) {
      // Cut short: a stage that may be closed is closed on the last day the history covers; others stay open.
      const cut = ['reject', 'fail_acceptance'].find((a) => next(def, stage, a));
      if (!cut || on >= HISTORY_UNTIL) break;
      action = cut;
      date = HISTORY_UNTIL;
    }
    const to = next(def, stage, action)!;
    events.push({ action, from: stage, to, on: date });
    stage = to;
    on = date;
  }
}

/** The task's fields that follow from its history: outcomes, schedule, funding years. */
function finish(b: Builder, h: History & { companionOf: string | null }, rnd: () => number): GeneratedTask {
  const p = b.inputs.provinces.find((x) => x.slug === h.tenant)!;
  const topicIndex = b.topics.get(h.tenant) ?? 0;
  b.topics.set(h.tenant, topicIndex + 1);
  const [subject, field, product, kind, unit] = TOPICS[(topicIndex + b.inputs.provinces.indexOf(p) * 7) % TOPICS.length];
  const place = h.proposedOn <= p.formerUntil ? `tỉnh ${p.formerProvince}` : `tỉnh ${p.province}`;
  const n = (b.numbers.get(`${h.tenant}/${year(h.proposedOn)}`) ?? 0) + 1;
  b.numbers.set(`${h.tenant}/${year(h.proposedOn)}`, n);
  const did = (action: string) => h.events.find((e) => e.action === action);
  const rejectedAt = did('reject')?.from ?? null;
  const failed = !!did('fail_acceptance');
  const accepted = !!did('accept');
  const contract = did('sign_contract')?.on ?? null;
  const approved = did('approve')?.on ?? null;
  const months = between(rnd, 15, 24);
  const start = contract ?? (approved ? addDays(approved, 14) : null);
  const end = start ? addDays(addDays(start, Math.round(months * 30.44)), -1) : null;
  const type = FIELDS_OF_PROJECTS.has(field) ? 'st_project' : 'research_topic';
  const first = year(start ?? h.proposedOn) + (start ? 0 : 1);
  const sb = between(rnd, 30, 140) * 10;
  const share = type === 'st_project' ? between(rnd, 20, 60) / 100 : between(rnd, 0, 15) / 100;
  const split = between(rnd, 45, 65) / 100;
  const funding: [number, number, number][] = [
    [first, Math.round(sb * split), Math.round(sb * split * share)],
    [first + 1, sb - Math.round(sb * split), Math.round(sb * (1 - split) * share)],
  ];
  const rating: Rating | null = failed ? 'failed' : accepted ? (rnd() < 0.25 ? 'excellent' : 'passed') : null;
  const stage = h.events.at(-1)?.to ?? 'proposal';
  const productStatus = accepted ? 'accepted' : 'planned';
  return {
    ...h,
    title: `${GENERATED_TITLE_PREFIX}${pick(rnd, VERBS)} ${subject} trên địa bàn ${place}`,
    code: `${GENERATED_CODE_PREFIX}${p.abbrev}.${year(h.proposedOn)}.${String(n).padStart(2, '0')}`,
    summary: `${GENERATED_NOTE}: tên, tổ chức chủ trì, lịch sử các giai đoạn, kết quả hội đồng và kinh phí đều là minh họa, `
      + `không phải nhiệm vụ có thật. Dùng để thống kê thời gian xử lý từng giai đoạn có đủ số liệu.`,
    type, level: rnd() < 0.8 ? 'provincial' : 'grassroots', scienceField: field,
    host: p.hosts[(topicIndex + n) % p.hosts.length],
    assignmentMode: pick(rnd, ['ordering', 'selection', 'direct'] as const),
    stage,
    identificationPassed: rejectedAt === 'identification' ? false : did('approve_for_list') ? true : null,
    selectionPassed: rejectedAt === 'selection' ? false : did('select') ? true : null,
    acceptanceRating: rating,
    funding,
    products: [
      { name: product, kind, specification: 'Sản phẩm minh họa của nhiệm vụ sinh tự động (dữ liệu mẫu).', quantity: unit ? between(rnd, 1, 20) : null, unit },
      { name: 'Báo cáo tổng hợp kết quả', kind: 'report', specification: 'Theo mẫu báo cáo tổng hợp nhiệm vụ KH&CN (dữ liệu mẫu).', quantity: null, unit: null },
    ].map((x): GeneratedProduct => ({ ...x, kind: x.kind as GeneratedProduct['kind'], status: productStatus })),
    startDate: start,
    endDate: end,
  };
}

/** A generated task proposed in the year given, with its whole history. */
function base(b: Builder, p: HistoryProvince, i: number): GeneratedTask {
  const rnd = random(`history/${p.slug}/${i}`);
  const cal = b.inputs.calendar(p.slug);
  const y = 2018 + Math.floor((i * 5) / BASES_PER_PROVINCE);
  const proposedOn = onWorkingDay(`${y}-${String(between(rnd, 2, 10)).padStart(2, '0')}-${String(between(rnd, 1, 28)).padStart(2, '0')}`, cal);
  const roll = rnd();
  const close = roll < 0.14 ? { at: 'identification', action: 'reject' } : roll < 0.26 ? { at: 'acceptance', action: 'fail_acceptance' } : undefined;
  const events: HistoryEvent[] = [];
  const def = b.inputs.definition(p.slug, proposedOn);
  walk(b, p.slug, events, { stage: def.stages[0].key, on: proposedOn }, proposedOn, rnd, close);
  return finish(b, { key: `${p.slug}/sinh-${i + 1}`, tenant: p.slug, proposedOn, events, companionOf: null }, rnd);
}

/** The model's history moved by a few days (same years, same regime), continued to a closing stage if need be. */
function companion(b: Builder, model: History, n: number): GeneratedTask {
  const rnd = random(`companion/${model.key}/${n}`);
  const cal = b.inputs.calendar(model.tenant);
  const regime = (d: string) => d >= REGIME_2025;
  let moved: { proposedOn: string; events: HistoryEvent[] } | null = null;
  for (const shift of [-2, 2, -4, 4, -7, 7, -1, 1, -3, 3]) {
    const proposedOn = onWorkingDay(addDays(model.proposedOn, shift), cal);
    const events = model.events.map((e) => ({ ...e, on: onWorkingDay(addDays(e.on, shift), cal) }));
    const same = year(proposedOn) === year(model.proposedOn) && regime(proposedOn) === regime(model.proposedOn)
      && events.every((e, k) => year(e.on) === year(model.events[k].on) && (e.on <= HISTORY_UNTIL || e.on <= model.events[k].on)
        && e.on >= (events[k - 1]?.on ?? proposedOn));
    if (same) {
      moved = { proposedOn, events };
      break;
    }
  }
  moved ??= { proposedOn: model.proposedOn, events: model.events.map((e) => ({ ...e })) };
  const last = moved.events.at(-1);
  const def = b.inputs.definition(model.tenant, moved.proposedOn);
  walk(b, model.tenant, moved.events, { stage: last?.to ?? def.stages[0].key, on: last?.on ?? moved.proposedOn }, moved.proposedOn, rnd);
  return finish(b, { key: `${model.key}~${n}`, tenant: model.tenant, ...moved, companionOf: model.key }, rnd);
}

/** Every generated task: the provinces' bases, then companions until no group of stays holds a single task. */
export function generateHistory(inputs: HistoryInputs): GeneratedTask[] {
  const b: Builder = { inputs, numbers: new Map(), topics: new Map() };
  const generated: GeneratedTask[] = inputs.provinces.flatMap((p) => Array.from({ length: BASES_PER_PROVINCE }, (_, i) => base(b, p, i)));
  const companions = new Map<string, number>();
  for (let round = 0; round < 6; round++) {
    const all: History[] = [...inputs.real, ...generated];
    const byKey = new Map(all.map((h) => [h.key, h]));
    const alone = [...new Set([...stayGroups(all).values()].filter((tasks) => tasks.length === 1).map(([key]) => key))].sort();
    if (alone.length === 0) break;
    for (const key of alone) {
      const n = (companions.get(key) ?? 0) + 1;
      companions.set(key, n);
      generated.push(companion(b, byKey.get(key)!, n));
    }
  }
  return generated;
}

/** A real demo task's history, from its proposal date and the days of each stay (as tasks.ts writes it). */
export function realHistory(o: { key: string; tenant: string; proposedOn: string; steps: { action: string; days: number }[] },
  def: WorkflowDefinition): History {
  const events: HistoryEvent[] = [];
  let stage = def.stages[0].key;
  let on = o.proposedOn;
  for (const s of o.steps) {
    const date = addDays(on, s.days);
    const to = next(def, stage, s.action);
    if (!to) throw new Error(`demo task ${o.key}: no action ${s.action} from ${stage}`);
    events.push({ action: s.action, from: stage, to, on: date });
    stage = to;
    on = date;
  }
  return { key: o.key, tenant: o.tenant, proposedOn: o.proposedOn, events };
}
