-- S&T tasks (nhiệm vụ KH&CN): the record, its people, funding by year, planned products (the acceptance criteria),
-- attached documents, progress checks, and replication records. The stage lives in `stage` (current) and in
-- stage_events (history, via the workflow module). Amounts are in million VND (triệu đồng).
CREATE TABLE tasks (
  id                        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id                 uuid NOT NULL REFERENCES tenants(id),
  code                      text,
  title                     text NOT NULL,
  type                      text NOT NULL CHECK (type IN ('research_topic', 'pilot_production_project', 'scheme', 'st_project')),
  level                     text NOT NULL CHECK (level IN ('provincial', 'grassroots', 'national')),
  science_field             text REFERENCES science_fields(code),
  host_organization_id      uuid REFERENCES organizations(id),
  principal_investigator_id uuid REFERENCES people(id),
  assignment_mode           text CHECK (assignment_mode IN ('ordering', 'selection', 'direct')),
  funding_mode              text CHECK (funding_mode IN ('partial_lump_sum', 'final_product_lump_sum')),
  proposal_year             integer NOT NULL CHECK (proposal_year BETWEEN 1990 AND 2100),
  -- The date whose rules govern the task (its proposal date): a task started under an old regime keeps its rules.
  regime_date               date NOT NULL,
  start_date                date,
  end_date                  date,
  stage                     text NOT NULL,
  stage_entered_at          timestamptz NOT NULL DEFAULT now(),
  summary                   text,
  -- Outcomes of the task's councils, written when a council closes (councils module onClosed hook).
  identification_passed     boolean,
  selection_passed          boolean,
  acceptance_rating         text CHECK (acceptance_rating IN ('excellent', 'passed', 'failed')),
  previous_task_id          uuid REFERENCES tasks(id),
  search_text               text NOT NULL,
  sort_key                  text NOT NULL,
  version                   integer NOT NULL DEFAULT 1,
  created_at                timestamptz NOT NULL DEFAULT now(),
  updated_at                timestamptz NOT NULL DEFAULT now(),
  CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
);
CREATE UNIQUE INDEX tasks_code ON tasks (tenant_id, code) WHERE code IS NOT NULL;
CREATE INDEX tasks_name ON tasks (tenant_id, sort_key COLLATE "C", id);
CREATE INDEX tasks_search ON tasks USING gin (search_text gin_trgm_ops);
CREATE INDEX tasks_stage ON tasks (tenant_id, stage);
CREATE INDEX tasks_previous ON tasks (previous_task_id);

CREATE TABLE task_members (
  task_id   uuid NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  person_id uuid NOT NULL REFERENCES people(id),
  role      text NOT NULL CHECK (role IN ('secretary', 'key_member', 'member')),
  PRIMARY KEY (task_id, person_id)
);

CREATE TABLE task_funding (
  task_id      uuid NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  year         integer NOT NULL CHECK (year BETWEEN 1990 AND 2100),
  state_budget numeric(14, 3) NOT NULL DEFAULT 0 CHECK (state_budget >= 0),
  counterpart  numeric(14, 3) NOT NULL DEFAULT 0 CHECK (counterpart >= 0),
  PRIMARY KEY (task_id, year)
);

CREATE TABLE task_products (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  task_id       uuid NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  position      integer NOT NULL,
  name          text NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('sample', 'process', 'model', 'report', 'software', 'ip_application', 'publication', 'training', 'other')),
  specification text NOT NULL,
  quantity      numeric(14, 3),
  unit          text,
  status        text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'delivered', 'accepted', 'rejected')),
  UNIQUE (task_id, position)
);

CREATE TABLE task_documents (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  task_id      uuid NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  kind         text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_]*$'),
  file_name    text NOT NULL,
  content_type text NOT NULL,
  size         integer NOT NULL,
  content      bytea NOT NULL,
  note         text,
  uploaded_by  uuid REFERENCES users(id),
  uploaded_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX task_documents_task ON task_documents (task_id, kind);

-- Periodic progress checks, extensions and adjustments during implementation.
CREATE TABLE task_progress (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  task_id          uuid NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  kind             text NOT NULL CHECK (kind IN ('check', 'extension', 'adjustment')),
  report_date      date NOT NULL,
  percent_complete integer CHECK (percent_complete BETWEEN 0 AND 100),
  summary          text NOT NULL,
  new_end_date     date,
  created_by       uuid REFERENCES users(id),
  created_at       timestamptz NOT NULL DEFAULT now(),
  CHECK (kind <> 'extension' OR new_end_date IS NOT NULL)
);
CREATE INDEX task_progress_task ON task_progress (task_id, report_date);

-- Application, transfer and replication of a result (nhân rộng): where, by whom, at what scale.
CREATE TABLE task_replications (
  id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  task_id                 uuid NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  admin_unit_id           uuid REFERENCES admin_units(id),
  place                   text NOT NULL,
  adopter_organization_id uuid REFERENCES organizations(id),
  adopter_name            text,
  scale                   text NOT NULL,
  year                    integer NOT NULL CHECK (year BETWEEN 1990 AND 2100),
  note                    text,
  created_by              uuid REFERENCES users(id),
  created_at              timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX task_replications_task ON task_replications (task_id);
