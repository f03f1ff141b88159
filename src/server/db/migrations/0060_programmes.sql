-- Support programmes (chương trình hỗ trợ) and their calls (đợt), and the applications enterprises and cooperatives
-- make to them through the portal (issue #13).
--
-- A programme (productivity & quality under QĐ 1322/QĐ-TTg, the startup ecosystem, replication of results, …) rests
-- on a document of the legal-document register. A call is all data: its dates, budget, eligibility, the support types
-- it offers, the application form as a JSON Schema (validated with ajv on the server, rendered by the web app) and
-- the scoring sheet its review council scores on; a new call needs no code. An application belongs to one
-- organisation; like a task proposal it is a draft (submitted_at NULL, stage 'draft', outside the workflow) until
-- submitted, then it follows the workflow `programme_application` (stage_events, with the clock stopped while the
-- applicant supplies additions: stage_clock_events).
CREATE TABLE programmes (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id          uuid NOT NULL REFERENCES tenants(id),
  code               text NOT NULL CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$'),
  kind               text NOT NULL CHECK (kind IN ('productivity_quality', 'startup', 'replication',
                       'technology_innovation', 'ip_development', 'other')),
  name               text NOT NULL CHECK (name <> ''),
  name_en            text,
  legal_document_id  uuid REFERENCES legal_documents(id),
  description        text,
  active             boolean NOT NULL DEFAULT true,
  search_text        text NOT NULL,
  sort_key           text NOT NULL,
  version            integer NOT NULL DEFAULT 1,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT programmes_code_key UNIQUE (tenant_id, code),
  CONSTRAINT programmes_id_tenant_key UNIQUE (id, tenant_id)
);
CREATE INDEX programmes_by_document ON programmes (legal_document_id);

CREATE TABLE programme_calls (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id        uuid NOT NULL REFERENCES tenants(id),
  programme_id     uuid NOT NULL,
  code             text NOT NULL CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9./_-]{0,39}$'),
  title            text NOT NULL CHECK (title <> ''),
  year             integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  opens_on         date NOT NULL,
  closes_on        date NOT NULL,
  budget           numeric(18, 0) CHECK (budget IS NULL OR budget >= 0),
  eligibility      text,
  -- Keys of the support types the call offers (management_system, productivity_tool, base_standard, barcode,
  -- ip_registration, incubation_service, replication_model, …), checked by the module against its rule data.
  support_types    jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(support_types) = 'array'),
  -- The application form: a JSON Schema (draft 2020-12 subset) with the field titles in vi and en.
  form_schema      jsonb NOT NULL CHECK (jsonb_typeof(form_schema) = 'object'),
  -- The review council's scoring sheet (the councils module's ScoringSheet shape); NULL: the kind's rule sheet.
  scoring_sheet    jsonb CHECK (scoring_sheet IS NULL OR jsonb_typeof(scoring_sheet) = 'object'),
  -- How many applications the call selects (the startup call's ten); NULL: as the budget allows.
  select_top       integer CHECK (select_top IS NULL OR select_top > 0),
  -- The kinds of file (attachments of subject programme_application) an application must carry to be submitted.
  required_documents jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(required_documents) = 'array'),
  status           text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'closed')),
  search_text      text NOT NULL,
  version          integer NOT NULL DEFAULT 1,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (programme_id, tenant_id) REFERENCES programmes (id, tenant_id),
  CONSTRAINT programme_calls_dates CHECK (closes_on >= opens_on),
  CONSTRAINT programme_calls_code_key UNIQUE (tenant_id, code),
  CONSTRAINT programme_calls_id_tenant_key UNIQUE (id, tenant_id)
);
CREATE INDEX programme_calls_by_programme ON programme_calls (programme_id, opens_on DESC);
CREATE INDEX programme_calls_open ON programme_calls (tenant_id, status, closes_on);

CREATE TABLE programme_applications (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id         uuid NOT NULL REFERENCES tenants(id),
  call_id           uuid NOT NULL,
  organization_id   uuid NOT NULL REFERENCES organizations(id),
  -- Số hồ sơ, given on submission (e.g. NSCL-2026-001).
  code              text,
  title             text NOT NULL CHECK (title <> ''),
  -- The answers to the call's form, valid against its form_schema when submitted.
  answers           jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(answers) = 'object'),
  requested_amount  numeric(18, 0) CHECK (requested_amount IS NULL OR requested_amount >= 0),
  stage             text NOT NULL DEFAULT 'draft',
  submitted_at      timestamptz,
  decided_at        timestamptz,
  created_by        uuid REFERENCES users(id),
  search_text       text NOT NULL,
  version           integer NOT NULL DEFAULT 1,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (call_id, tenant_id) REFERENCES programme_calls (id, tenant_id),
  CONSTRAINT programme_applications_draft_stage CHECK ((submitted_at IS NULL) = (stage = 'draft')),
  CONSTRAINT programme_applications_decided CHECK (decided_at IS NULL OR (submitted_at IS NOT NULL AND decided_at >= submitted_at)),
  CONSTRAINT programme_applications_code_key UNIQUE (tenant_id, code),
  CONSTRAINT programme_applications_id_tenant_key UNIQUE (id, tenant_id)
);
CREATE INDEX programme_applications_by_call ON programme_applications (call_id, stage);
CREATE INDEX programme_applications_by_organization ON programme_applications (tenant_id, organization_id);

-- "Yêu cầu bổ sung hồ sơ": staff ask for additions (the note lists them), which stops the stage clock; the
-- applicant answers with files and a note, which restarts it. At most one open request per application.
CREATE TABLE programme_application_requests (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id       uuid NOT NULL REFERENCES tenants(id),
  application_id  uuid NOT NULL,
  stage           text NOT NULL,
  note            text NOT NULL CHECK (length(note) BETWEEN 1 AND 4000),
  requested_by    uuid REFERENCES users(id),
  requested_at    timestamptz NOT NULL DEFAULT now(),
  answer_note     text CHECK (answer_note IS NULL OR length(answer_note) <= 4000),
  answered_by     uuid REFERENCES users(id),
  answered_at     timestamptz,
  FOREIGN KEY (application_id, tenant_id) REFERENCES programme_applications (id, tenant_id) ON DELETE CASCADE,
  CHECK ((answered_at IS NULL) = (answer_note IS NULL)),
  CHECK (answered_at IS NULL OR answered_at >= requested_at)
);
CREATE UNIQUE INDEX programme_application_requests_open ON programme_application_requests (application_id) WHERE answered_at IS NULL;
CREATE INDEX programme_application_requests_by_application ON programme_application_requests (application_id, requested_at);

-- The shared whole-syllable search (db/search.ts) over calls and applications.
CREATE INDEX programmes_words ON programmes USING gin (to_tsvector('simple'::regconfig, search_text));
CREATE INDEX programme_calls_words ON programme_calls USING gin (to_tsvector('simple'::regconfig, search_text));
CREATE INDEX programme_applications_words ON programme_applications USING gin (to_tsvector('simple'::regconfig, search_text));
