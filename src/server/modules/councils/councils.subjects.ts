/**
 * How another module plugs into councils. A module registers each of its subject types once, from its manifest's
 * `register` (and its own council kinds with registerCouncilKind, councils.kinds.ts):
 *
 *   registerCouncilSubject('task', {
 *     label: { vi: 'nhiệm vụ', en: 'task' },
 *     find: (db, tenantId, id) => tasksService.findTaskTitle(db, tenantId, id),   // { title, … } or null
 *     ruleKeys: { scoringSheet: 'task.selection_sheet' },                          // optional, see below
 *     onClosed: async (tx, ctx, council, results) => { … advance the task's stage … },  // optional
 *   });
 *
 * `find` proves the subject exists in the province (councils refuse an unknown one) and gives a dossier its
 * default title. It may also give:
 *  - `regimeDate`: the date whose rules govern the subject (a task: its proposal date, the date its workflow
 *    definition is resolved on). A council about the subject resolves its sheet, composition, pass rule and kind on
 *    that date, so a task proposed under an old regime keeps that regime's councils; without it, the meeting date.
 *  - `parties`: the organisations and people of the subject (a task: its host organisation, its principal
 *    investigator). A member who is one of those people, or works at one of those organisations or where one of
 *    those people works (the expert registry says where), is flagged as a likely conflict of interest.
 *  - `scoringSheet`: a sheet of the subject's own (a programme call's, data of the call): councils about it score
 *    on that sheet rather than on any rule's (frozen at the opening like the rest; `ruleVersionId` is then null).
 * `ruleKeys` names rule keys (registered by that module with the schemas of
 * src/shared/schemas/councils.ts) to use instead of council.scoring_sheet / council.composition / council.pass_rule
 * for councils about this subject type (a kind's own rule keys come first). `onClosed` runs inside the transaction
 * that closes the council, with the final results (`council.kind` and `council.evaluation` say what they are);
 * an error there rolls the closing back.
 */
import type { Ctx, Tx } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import type { LocalizedText } from '../../../shared/schemas/common.ts';
import type { Council, CouncilResults, ScoringSheetRule } from '../../../shared/schemas/councils.ts';
import { RULE_KEYS } from './councils.rules.ts';
import { councilKind } from './councils.kinds.ts';

/** An organisation or person of a subject, with what it is to the subject ("tổ chức chủ trì", "chủ nhiệm nhiệm vụ"). */
export interface CouncilSubjectParty {
  kind: 'organization' | 'person';
  id: string;
  role: LocalizedText;
}

/** What a subject module tells councils about one of its subjects. */
export interface CouncilSubjectInfo {
  title: string;
  /** The date (yyyy-mm-dd) whose rules govern the subject; councils about it resolve their rules on it. */
  regimeDate?: string | null;
  /** Its organisations and people, for conflict-of-interest warnings. */
  parties?: CouncilSubjectParty[];
  /**
   * A scoring sheet the subject carries itself (a programme call's own sheet, stored with the call), used instead
   * of any rule's sheet; `source` says where it comes from (shown where a rule's legal basis would be).
   */
  scoringSheet?: { value: ScoringSheetRule; source: string; effectiveFrom: string } | null;
}

export interface CouncilSubjectType {
  label: { vi: string; en: string };
  find(db: Db | Tx, tenantId: string, id: string): Promise<CouncilSubjectInfo | null>;
  ruleKeys?: Partial<Record<keyof typeof RULE_KEYS, string>>;
  onClosed?(tx: Tx, ctx: Ctx, council: Council, results: CouncilResults): Promise<void>;
}

const subjects = new Map<string, CouncilSubjectType>();

export function registerCouncilSubject(type: string, def: CouncilSubjectType): void {
  if (!/^[a-z][a-z0-9_]{0,49}$/.test(type)) throw new Error(`council subject type "${type}" must be snake_case`);
  const existing = subjects.get(type);
  if (existing && existing !== def && existing.find !== def.find) throw new Error(`council subject type "${type}" is registered twice`);
  subjects.set(type, def);
}

export const councilSubject = (type: string): CouncilSubjectType | undefined => subjects.get(type);

export const registeredCouncilSubjects = (): string[] => [...subjects.keys()].sort();

/** The rule keys of a council: the kind's own, else the subject type's, else council.*. */
export function ruleKeysFor(type: string, kind?: string): Record<keyof typeof RULE_KEYS, string> {
  return { ...RULE_KEYS, ...(subjects.get(type)?.ruleKeys ?? {}), ...((kind && councilKind(kind)?.ruleKeys) || {}) };
}
