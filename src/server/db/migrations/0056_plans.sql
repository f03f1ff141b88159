-- Plans (kế hoạch) and their items, the progress units report on them, the urging (đôn đốc) of a unit by the
-- department, and the periodic reports to the People's Committee (báo cáo định kỳ).
--
-- A plan carries out a decision of the legal-document register (9737/QĐ-UBND) over a period, and says how often its
-- units report: monthly, quarterly, half-yearly, yearly, or on dates (`schedule`, data on the plan, e.g.
-- {"kind":"quarterly"} or {"kind":"dates","dates":["2026-06-15","2026-12-15"]}). Items sit in ordered groups; each
-- has one responsible unit — an agency (a department) or an administrative unit in force on the item's dates — and
-- co-operating units. A unit that ended (An Giang's districts on 01/07/2025) keeps the item as signed: the item
-- passes to the unit's successors (admin_unit_successions), or to the unit the department names (handover_*), and
-- shows "was: <old unit>". The indicators module (0057) links items to indicators and plans to targets by these ids.
CREATE TABLE plans (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id          uuid NOT NULL REFERENCES tenants(id),
  legal_document_id  uuid REFERENCES legal_documents(id),
  title              text NOT NULL CHECK (title <> ''),
  period_from        date NOT NULL,
  period_to          date NOT NULL,
  schedule           jsonb NOT NULL,
  note               text,
  search_text        text NOT NULL,
  sort_key           text NOT NULL,
  version            integer NOT NULL DEFAULT 1,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT plans_period CHECK (period_to >= period_from),
  CONSTRAINT plans_schedule_kind CHECK (schedule->>'kind' IN ('monthly', 'quarterly', 'half_yearly', 'yearly', 'dates')),
  CONSTRAINT plans_id_tenant_key UNIQUE (id, tenant_id)
);
CREATE INDEX plans_by_tenant ON plans (tenant_id, period_from DESC);
CREATE INDEX plans_by_document ON plans (legal_document_id);

CREATE TABLE plan_groups (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id   uuid NOT NULL REFERENCES tenants(id),
  plan_id     uuid NOT NULL,
  position    integer NOT NULL CHECK (position >= 0),
  code        text,
  title       text NOT NULL CHECK (title <> ''),
  version     integer NOT NULL DEFAULT 1,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (plan_id, tenant_id) REFERENCES plans (id, tenant_id) ON DELETE CASCADE,
  CONSTRAINT plan_groups_id_plan_key UNIQUE (id, plan_id)
);
CREATE INDEX plan_groups_by_plan ON plan_groups (plan_id, position);

CREATE TABLE plan_items (
  id                         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id                  uuid NOT NULL REFERENCES tenants(id),
  plan_id                    uuid NOT NULL,
  group_id                   uuid NOT NULL,
  position                   integer NOT NULL CHECK (position >= 0),
  code                       text,
  title                      text NOT NULL CHECK (title <> ''),
  responsible_agency_id      uuid REFERENCES agencies(id),
  responsible_admin_unit_id  uuid REFERENCES admin_units(id),
  handover_agency_id         uuid REFERENCES agencies(id),
  handover_admin_unit_id     uuid REFERENCES admin_units(id),
  starts_on                  date,
  deadline                   date,
  expected_output            text,
  note                       text,
  search_text                text NOT NULL,
  version                    integer NOT NULL DEFAULT 1,
  created_at                 timestamptz NOT NULL DEFAULT now(),
  updated_at                 timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (plan_id, tenant_id) REFERENCES plans (id, tenant_id) ON DELETE CASCADE,
  FOREIGN KEY (group_id, plan_id) REFERENCES plan_groups (id, plan_id),
  CONSTRAINT plan_items_one_responsible CHECK (num_nonnulls(responsible_agency_id, responsible_admin_unit_id) = 1),
  CONSTRAINT plan_items_one_handover CHECK (num_nonnulls(handover_agency_id, handover_admin_unit_id) <= 1),
  CONSTRAINT plan_items_dates CHECK (deadline IS NULL OR starts_on IS NULL OR deadline >= starts_on),
  CONSTRAINT plan_items_id_tenant_key UNIQUE (id, tenant_id)
);
CREATE INDEX plan_items_by_plan ON plan_items (plan_id, group_id, position);
CREATE INDEX plan_items_by_agency ON plan_items (tenant_id, responsible_agency_id);
CREATE INDEX plan_items_by_admin_unit ON plan_items (tenant_id, responsible_admin_unit_id);
CREATE INDEX plan_items_by_handover ON plan_items (tenant_id, handover_agency_id, handover_admin_unit_id);

-- Co-operating units (đơn vị phối hợp): an agency or an administrative unit each.
CREATE TABLE plan_item_partners (
  item_id        uuid NOT NULL REFERENCES plan_items(id) ON DELETE CASCADE,
  position       integer NOT NULL,
  agency_id      uuid REFERENCES agencies(id),
  admin_unit_id  uuid REFERENCES admin_units(id),
  CONSTRAINT plan_item_partners_one_unit CHECK (num_nonnulls(agency_id, admin_unit_id) = 1),
  PRIMARY KEY (item_id, position)
);

-- What a unit reports on an item for a reporting period (period_key: 2026-03, 2026-Q1, 2026-H1, 2026, or the
-- report date of a plan reporting on dates). Append-only: a later entry for the same period supersedes the earlier
-- one in the item's state, and both stay in its history. Evidence files are attachments of subject
-- 'plan_progress' (the attachments module). `source` says whether it came from the browser or an Excel upload.
CREATE TABLE plan_progress (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id      uuid NOT NULL REFERENCES tenants(id),
  item_id        uuid NOT NULL,
  period_key     text NOT NULL CHECK (period_key ~ '^[0-9]{4}(-(0[1-9]|1[0-2])|-Q[1-4]|-H[12]|-[0-9]{2}-[0-9]{2})?$'),
  status         text NOT NULL CHECK (status IN ('not_started', 'in_progress', 'behind', 'done')),
  percent        integer NOT NULL CHECK (percent BETWEEN 0 AND 100),
  narrative      text,
  source         text NOT NULL DEFAULT 'web' CHECK (source IN ('web', 'excel', 'seed')),
  reported_by    uuid REFERENCES users(id),
  reported_by_name text NOT NULL,
  agency_id      uuid REFERENCES agencies(id),
  admin_unit_id  uuid REFERENCES admin_units(id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (item_id, tenant_id) REFERENCES plan_items (id, tenant_id) ON DELETE CASCADE
);
CREATE INDEX plan_progress_by_item ON plan_progress (item_id, period_key, created_at DESC);

-- The department urging (đôn đốc) a unit about an item: also an inbox notice to the unit and an audit entry.
CREATE TABLE plan_item_urges (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id      uuid NOT NULL REFERENCES tenants(id),
  item_id        uuid NOT NULL,
  agency_id      uuid REFERENCES agencies(id),
  admin_unit_id  uuid REFERENCES admin_units(id),
  message        text,
  urged_by       uuid REFERENCES users(id),
  urged_by_name  text NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (item_id, tenant_id) REFERENCES plan_items (id, tenant_id) ON DELETE CASCADE,
  CONSTRAINT plan_item_urges_one_unit CHECK (num_nonnulls(agency_id, admin_unit_id) = 1)
);
CREATE INDEX plan_item_urges_by_item ON plan_item_urges (item_id, created_at DESC);

-- The periodic report to the People's Committee: a draft whose written sections the officer edits, then issued
-- with its number (seq/year/symbol: "12/BC-SKHCN"), date and the DOCX + XLSX annex built that moment, kept as
-- they were sent. An issued report never changes and is never deleted (trigger).
CREATE TABLE plan_reports (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id      uuid NOT NULL REFERENCES tenants(id),
  plan_id        uuid NOT NULL,
  period_key     text NOT NULL,
  title          text NOT NULL CHECK (title <> ''),
  sections       jsonb NOT NULL DEFAULT '{}'::jsonb,
  recipients     jsonb NOT NULL DEFAULT '[]'::jsonb,
  signer_title   text,
  signer_name    text,
  status         text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'issued')),
  number_year    integer,
  number_seq     integer,
  number         text,
  issued_on      date,
  issued_by      uuid REFERENCES users(id),
  docx           bytea,
  xlsx           bytea,
  version        integer NOT NULL DEFAULT 1,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (plan_id, tenant_id) REFERENCES plans (id, tenant_id) ON DELETE RESTRICT,
  CONSTRAINT plan_reports_issued CHECK (status = 'draft'
    OR (number IS NOT NULL AND number_seq IS NOT NULL AND number_year IS NOT NULL AND issued_on IS NOT NULL AND docx IS NOT NULL AND xlsx IS NOT NULL))
);
CREATE UNIQUE INDEX plan_reports_number ON plan_reports (tenant_id, number_year, number_seq) WHERE status = 'issued';
CREATE INDEX plan_reports_by_plan ON plan_reports (plan_id, created_at DESC);

CREATE FUNCTION plan_reports_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'issued' THEN
    RAISE EXCEPTION 'plan report % is issued and cannot change', OLD.id USING ERRCODE = 'check_violation',
      CONSTRAINT = 'plan_reports_immutable';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER plan_reports_immutable BEFORE UPDATE OR DELETE ON plan_reports
  FOR EACH ROW EXECUTE FUNCTION plan_reports_immutable();
