/**
 * The OpenAPI document (served at /api/docs/json, browsed at /api/docs), built from the routes' zod schemas.
 *
 * - **Components.** The shared read models below are registered in zod's global registry with an `id`; the
 *   type provider then emits each once under `#/components/schemas/<id>` and every route refers to it with `$ref`
 *   (request bodies and query strings stay inline: each belongs to one route). A recursive schema must be listed
 *   here: unregistered, zod names its cycle `schema0` and the reference dangles. Components no path reaches are
 *   dropped, and a reference to a missing component fails the document.
 * - **operationIds.** Every documented route gets one, in an `onRoute` hook: the route's own `schema.operationId`
 *   if it declares one, else the method followed by the path without `/api`, in camelCase, each path parameter as
 *   `By<Name>`: `GET /api/tasks/:id/history` → `getTasksByIdHistory`, `GET /api/organizations/export.xlsx` →
 *   `getOrganizationsExportXlsx`. Two routes with the same id stop the app at startup.
 * - **OpenAPI 3.1** (JSON Schema 2020-12): a nullable reference is `anyOf: [{ $ref }, { type: 'null' }]`; OpenAPI
 *   3.0 can only put `nullable` beside a `$ref`, where it is ignored, so generated clients would lose the null.
 */
import type { FastifyInstance, RouteOptions } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { createJsonSchemaTransform, createJsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { globalRegistry, type ZodType } from 'zod';
import { ErrorBody, LocalizedText } from '../../shared/schemas/common.ts';
import { ApiTokenCreated, ApiTokenSummary, Me, Session } from '../../shared/schemas/auth.ts';
import { AuditChange, AuditEntry, AuditPage, AuditText } from '../../shared/schemas/audit.ts';
import { AdminUnit, AdminUnitDetail, AdminUnitLink, AdminUnitPage } from '../../shared/schemas/admin-units.ts';
import { Agency, AgencyPage } from '../../shared/schemas/agencies.ts';
import { Attachment, AttachmentKind, AttachmentList } from '../../shared/schemas/attachments.ts';
import { ScienceField, ScienceFieldList, ScienceFieldNode, ScienceFieldTree } from '../../shared/schemas/science-fields.ts';
import { Organization, OrganizationPage, RegistryStats } from '../../shared/schemas/organizations.ts';
import { Person, PersonPage } from '../../shared/schemas/people.ts';
import { User, UserPage } from '../../shared/schemas/users.ts';
import { RuleHistory, RuleList, RuleSummary, RuleVersion } from '../../shared/schemas/rules.ts';
import {
  CurrentStage, CurrentStages, StageCapabilities, StageDuration, StageDurations, StageEvent, WorkflowDefinition, WorkflowStage,
  WorkflowTransition,
} from '../../shared/schemas/workflow.ts';
import {
  CompositionRule, Council, CouncilDetail, CouncilDossier, CouncilKindInfo, CouncilKindList, CouncilKindRule, CouncilMember,
  CouncilPage, CouncilResults, CouncilRules, Criterion, DossierResult, PassRule, ScoringSheetRule, Sheet,
} from '../../shared/schemas/councils.ts';
import {
  FundingFigures, FundingSummary, PublicTask, PublicTaskPage, SimilarTask, SimilarTaskList, StageCount, Task, TaskActions, TaskDashboard,
  TaskDetail, TaskDisbursement, TaskDocument, TaskPage, TaskParticipant, TaskProgress, TaskReplication,
} from '../../shared/schemas/tasks.ts';
import { InboxItem, InboxPage, ReadAllResult, UnreadCount } from '../../shared/schemas/inbox.ts';
import {
  AccountRequest, AccountRequestForm, AccountRequestPage, AccountRequestReceipt, OrganizationAccount, OrganizationLookup,
} from '../../shared/schemas/account-requests.ts';
import {
  ChainServant, ExtractedLegalRef, LegalDocument, LegalDocumentDetail, LegalDocumentIssuers, LegalDocumentPage, LegalDocumentRelation,
  LegalDocumentSummary, LegalRefExtract, PolicyChain, PolicyChainNode,
} from '../../shared/schemas/legal-documents.ts';
import { CouncilConclusion, CouncilConclusionList, TaskPaperRequest, TaskPaperRequestList } from '../../shared/schemas/tasks-proposals.ts';
import { Plan, PlanDetail, PlanItem, PlanItemDetail, PlanReport, PlanSummary, ReportingPeriod } from '../../shared/schemas/plans.ts';
import { HomeCount, HomeOverview, HomeTask, HomeTaskList } from '../../shared/schemas/home.ts';
import { ReplicatedModel, ReplicatedModelPage } from '../../shared/schemas/replications.ts';
import { IncubationCallList, IncubationKindList, IncubationOutcome, IncubationService, StartupDetail, StartupList } from '../../shared/schemas/incubation.ts';
import { ApplicationSupport, Certificate, Decision, FigureCount, Outcome, Ranking, RankingRow, SupportCallList, SupportFigures, SupportTypeRule } from '../../shared/schemas/support.ts';
import {
  AdditionRequest, ApplicationActionOffer, ApplicationDetail, ApplicationPage, ApplicationSummary, Call, CallPage, CallTiming, Programme, ProgrammePage,
} from '../../shared/schemas/programmes.ts';

/**
 * The components of the document, by name. Register read models (response shapes and what they share), never a
 * query-string or path-parameter schema (those must stay inline to become `parameters`), and avoid registering a
 * request body: the type provider names a component's input form `<id>Input`, which would collide with the
 * shared `<Name>Input` schemas. Every recursive schema must be here.
 */
export const openApiComponents: Record<string, ZodType> = {
  ErrorBody,
  Me, Session, ApiTokenCreated, ApiTokenSummary,
  AuditText, AuditChange, AuditEntry, AuditPage,
  AdminUnit, AdminUnitDetail, AdminUnitLink, AdminUnitPage,
  Agency, AgencyPage,
  Attachment, AttachmentKind, AttachmentList,
  ScienceField, ScienceFieldNode, ScienceFieldList, ScienceFieldTree,
  Organization, OrganizationPage, RegistryStats,
  Person, PersonPage,
  User, UserPage,
  AccountRequest, AccountRequestPage, AccountRequestReceipt, AccountRequestForm, OrganizationAccount, OrganizationLookup,
  LocalizedText, RuleVersion, RuleSummary, RuleList, RuleHistory,
  StageCapabilities, WorkflowStage, WorkflowTransition, WorkflowDefinition, StageEvent, StageDuration, StageDurations, CurrentStage, CurrentStages,
  Criterion, ScoringSheetRule, CompositionRule, PassRule, CouncilRules, Council, CouncilMember, CouncilDossier, Sheet,
  CouncilDetail, CouncilPage, DossierResult, CouncilResults, CouncilKindRule, CouncilKindInfo, CouncilKindList,
  Task, TaskPage, TaskDocument, TaskProgress, TaskReplication, TaskDetail, TaskActions, StageCount, TaskDashboard, PublicTask,
  PublicTaskPage, SimilarTask, SimilarTaskList, TaskParticipant, TaskDisbursement, FundingFigures, FundingSummary,
  InboxItem, InboxPage, UnreadCount, ReadAllResult,
  LegalDocument, LegalDocumentSummary, LegalDocumentRelation, LegalDocumentDetail, LegalDocumentPage, LegalDocumentIssuers, ChainServant,
  PolicyChainNode, PolicyChain, ExtractedLegalRef, LegalRefExtract,
  TaskPaperRequest, TaskPaperRequestList, CouncilConclusion, CouncilConclusionList,
  Plan, PlanSummary, PlanDetail, PlanItem, PlanItemDetail, PlanReport, ReportingPeriod,
  HomeOverview, HomeCount, HomeTask, HomeTaskList,
  ReplicatedModel, ReplicatedModelPage,
  IncubationKindList, IncubationService, IncubationOutcome, StartupDetail, StartupList, IncubationCallList,
  SupportTypeRule, Decision, Outcome, Certificate, ApplicationSupport, RankingRow, Ranking, FigureCount, SupportFigures, SupportCallList,
  Programme, ProgrammePage, Call, CallPage, CallTiming, AdditionRequest, ApplicationActionOffer, ApplicationSummary, ApplicationDetail, ApplicationPage,
};

let registered = false;
/** Gives each component its id in zod's global registry, keeping metadata it already has (descriptions). */
function registerComponents() {
  if (registered) return;
  for (const [id, schema] of Object.entries(openApiComponents)) {
    const meta = globalRegistry.get(schema);
    if (meta?.id !== undefined && meta.id !== id) throw new Error(`OpenAPI component ${id} is already registered as ${meta.id}`);
    globalRegistry.add(schema, { ...meta, id });
  }
  registered = true;
}

const HTTP_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** `GET` + `/api/councils/:id/members/:memberId` → `getCouncilsByIdMembersByMemberId`. */
export function deriveOperationId(method: string, url: string): string {
  const words = url.replace(/^\/api(?=\/|$)/, '').split('/').filter(Boolean).flatMap((segment) => {
    const param = /^[:{](\w+)\}?$/.exec(segment);
    if (param) return ['By', capitalise(param[1])];
    return segment.split(/[^A-Za-z0-9]+/).filter(Boolean).map(capitalise);
  });
  return method.toLowerCase() + words.join('');
}

/**
 * Sets the operationId of every documented route and refuses a second route with the same id. Must be added to
 * the root instance before any route is declared.
 */
function addOperationIds(app: FastifyInstance) {
  const owners = new Map<string, string>();
  app.addHook('onRoute', (route: RouteOptions) => {
    const schema = route.schema as (RouteOptions['schema'] & { hide?: boolean; operationId?: string }) | undefined;
    if (route.method === 'HEAD' || schema?.hide) return;
    const methods = [route.method].flat();
    const label = `${methods.join(',')} ${route.url}`;
    if (methods.length !== 1 || !HTTP_METHODS.has(methods[0])) {
      throw new Error(`OpenAPI: declare ${label} as one route per method (or hide it) so each operation has its own operationId`);
    }
    const operationId = schema?.operationId ?? deriveOperationId(methods[0], route.url);
    const owner = owners.get(operationId);
    if (owner) throw new Error(`OpenAPI: ${label} and ${owner} both have operationId "${operationId}"; give one an explicit schema.operationId`);
    owners.set(operationId, label);
    route.schema = { ...schema, operationId };
  });
}

const REF_PREFIX = '#/components/schemas/';

function collectRefs(value: unknown, into: Set<string>) {
  if (Array.isArray(value)) {
    for (const v of value) collectRefs(v, into);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string' && v.startsWith(REF_PREFIX)) into.add(v.slice(REF_PREFIX.length));
      else collectRefs(v, into);
    }
  }
}

/**
 * Keeps the components the paths reach (the type provider emits an input and an output form of each registered
 * schema), in name order, and fails on a reference to a component that does not exist.
 */
export function pruneComponents<D extends { paths?: unknown; components?: { schemas?: Record<string, unknown> } }>(doc: D): D {
  const all = doc.components?.schemas ?? {};
  const reached = new Set<string>();
  const queue = new Set<string>();
  collectRefs(doc.paths, queue);
  for (const name of queue) {
    if (reached.has(name)) continue;
    if (!(name in all)) {
      throw new Error(`OpenAPI: ${REF_PREFIX}${name} is referenced but not defined; register the schema (recursive ones above all) in openApiComponents`);
    }
    reached.add(name);
    collectRefs(all[name], queue);
  }
  const schemas: Record<string, unknown> = {};
  for (const name of [...reached].sort()) schemas[name] = all[name];
  return { ...doc, components: { ...doc.components, schemas } };
}

const transformObject = createJsonSchemaTransformObject({});

/** Registers the document (@fastify/swagger), its UI at /api/docs, and the operationId hook. */
export async function registerOpenApi(app: FastifyInstance) {
  registerComponents();
  addOperationIds(app);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'khcn API', version: '0.1.0', description: 'Hệ thống thông tin KH&CN cấp tỉnh — provincial S&T information system' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, cookie: { type: 'apiKey', in: 'cookie', name: 'khcn_sid' } } },
    },
    transform: createJsonSchemaTransform({}),
    transformObject: (document) => pruneComponents(transformObject(document)),
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
}

export const OPENAPI_JSON_PATH = '/api/docs/json';
