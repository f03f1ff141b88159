-- Replication of results as supported models (issue #13), and the incubation of the startups a yearly call selects.
--
-- 1. task_replications grows from "where a task's result was applied" into the register of replicated models
--    (mô hình nhân rộng): the model's name, its results, the support given (money, the policy it was given under —
--    NQ 164/2014/NQ-HĐND, NQ 03/2021/NQ-HĐND of Long An — and the programme application when the support came
--    through one), and what it replicates: a khcn task (task_id) or a described source (another province's task, a
--    national programme). A row now belongs to a province itself (tenant_id), since it may have no task. Existing
--    rows are the tasks' records: their province is their task's, their source the task.
ALTER TABLE task_replications
  ADD COLUMN tenant_id          uuid REFERENCES tenants(id),
  ADD COLUMN name               text CHECK (name IS NULL OR length(name) BETWEEN 1 AND 500),
  ADD COLUMN source_kind        text NOT NULL DEFAULT 'task'
    CHECK (source_kind IN ('task', 'other_province', 'national_programme', 'other')),
  ADD COLUMN source_description text CHECK (source_description IS NULL OR length(source_description) BETWEEN 1 AND 1000),
  ADD COLUMN results            text CHECK (results IS NULL OR length(results) <= 4000),
  ADD COLUMN support_amount     numeric(18, 0) CHECK (support_amount IS NULL OR support_amount >= 0),
  ADD COLUMN legal_document_id  uuid REFERENCES legal_documents(id),
  ADD COLUMN application_id     uuid,
  ADD COLUMN version            integer NOT NULL DEFAULT 1,
  ADD COLUMN updated_at         timestamptz NOT NULL DEFAULT now();

UPDATE task_replications r SET tenant_id = t.tenant_id, updated_at = r.created_at FROM tasks t WHERE t.id = r.task_id;

ALTER TABLE task_replications
  ALTER COLUMN tenant_id SET NOT NULL,
  ALTER COLUMN task_id DROP NOT NULL,
  ADD CONSTRAINT task_replications_source CHECK ((task_id IS NOT NULL) = (source_kind = 'task')),
  ADD CONSTRAINT task_replications_described CHECK (task_id IS NOT NULL OR source_description IS NOT NULL),
  ADD CONSTRAINT task_replications_application FOREIGN KEY (application_id, tenant_id)
    REFERENCES programme_applications (id, tenant_id);

CREATE INDEX task_replications_by_year ON task_replications (tenant_id, year);
CREATE INDEX task_replications_by_unit ON task_replications (admin_unit_id);
CREATE INDEX task_replications_by_application ON task_replications (application_id) WHERE application_id IS NOT NULL;

-- 2. Incubation services (dịch vụ ươm tạo) given to a selected startup — an application to a call of a `startup`
--    programme: co-working, training, mentoring, packaging and labels, media… (the kinds are rule data
--    `incubation.service_kinds`), on a date, by a provider, in hours and/or money (đồng).
CREATE TABLE incubation_services (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id       uuid NOT NULL REFERENCES tenants(id),
  application_id  uuid NOT NULL,
  kind            text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_]{0,39}$'),
  provided_on     date NOT NULL,
  provider        text NOT NULL CHECK (length(provider) BETWEEN 1 AND 300),
  hours           numeric(8, 1) CHECK (hours IS NULL OR hours > 0),
  amount          numeric(18, 0) CHECK (amount IS NULL OR amount >= 0),
  note            text CHECK (note IS NULL OR length(note) <= 2000),
  created_by      uuid REFERENCES users(id),
  version         integer NOT NULL DEFAULT 1,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (application_id, tenant_id) REFERENCES programme_applications (id, tenant_id) ON DELETE CASCADE,
  CONSTRAINT incubation_services_measure CHECK (hours IS NOT NULL OR amount IS NOT NULL)
);
CREATE INDEX incubation_services_by_application ON incubation_services (application_id, provided_on);
CREATE INDEX incubation_services_by_date ON incubation_services (tenant_id, provided_on);

-- 3. What the incubation achieved, one record per startup, kept up to date (free-form where the seeds are).
CREATE TABLE incubation_outcomes (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id       uuid NOT NULL REFERENCES tenants(id),
  application_id  uuid NOT NULL,
  products        text CHECK (products IS NULL OR length(products) <= 2000),
  revenue         numeric(18, 0) CHECK (revenue IS NULL OR revenue >= 0),
  jobs            integer CHECK (jobs IS NULL OR jobs >= 0),
  ip_filed        text CHECK (ip_filed IS NULL OR length(ip_filed) <= 2000),
  funding_raised  numeric(18, 0) CHECK (funding_raised IS NULL OR funding_raised >= 0),
  note            text CHECK (note IS NULL OR length(note) <= 2000),
  updated_by      uuid REFERENCES users(id),
  version         integer NOT NULL DEFAULT 1,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (application_id, tenant_id) REFERENCES programme_applications (id, tenant_id) ON DELETE CASCADE,
  CONSTRAINT incubation_outcomes_application_key UNIQUE (application_id)
);
