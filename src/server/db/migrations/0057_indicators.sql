-- Indicators (chỉ số) of a province, their targets (chỉ tiêu) per year — of the province or of a plan (0056) —, the
-- values units enter per period and administrative unit, and the indicators each plan item serves.
--
-- An indicator is either entered (values below) or a formula over khcn's own data: `formula` names a source
-- registered in code (`registerIndicatorSource`: tasks ordered since a date, counterpart share of task funding, a
-- ratio of two other indicators…) and its parameters, e.g. {"source":"indicators.ratio","params":{"numerator":
-- "RD_FTE","denominator":"POPULATION","scale":10000}}. `aggregation` says how values of several units combine when
-- rolled up through the admin-unit hierarchy or when units merged (sum, average, min, max, or none: the unit's own
-- value only); a ratio is recomputed from its rolled-up components, never summed.
--
-- A value belongs to the unit that reported it, as it was on the day (Long An before 01/07/2025): it is never
-- rewritten to the successor. The roll-up maps it onto the boundaries of the day asked for (indicators.rollup.ts).
CREATE TABLE indicators (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id    uuid NOT NULL REFERENCES tenants(id),
  code         text NOT NULL CHECK (code ~ '^[A-Z0-9_.-]{1,40}$'),
  name_vi      text NOT NULL CHECK (name_vi <> ''),
  name_en      text NOT NULL CHECK (name_en <> ''),
  unit         text NOT NULL,
  direction    text NOT NULL CHECK (direction IN ('increase', 'decrease', 'target')),
  period_type  text NOT NULL CHECK (period_type IN ('year', 'quarter', 'month')),
  aggregation  text NOT NULL CHECK (aggregation IN ('sum', 'average', 'min', 'max', 'none')),
  formula      jsonb CHECK (formula IS NULL OR jsonb_typeof(formula->'source') = 'string'),
  decimals     integer NOT NULL DEFAULT 2 CHECK (decimals BETWEEN 0 AND 6),
  description  text,
  version      integer NOT NULL DEFAULT 1,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT indicators_code_key UNIQUE (tenant_id, code),
  CONSTRAINT indicators_id_tenant_key UNIQUE (id, tenant_id)
);

-- A target for a year: one value, a range, at least or at most. plan_id NULL: the province's own target; else the
-- plan's (QĐ 9737's "1,2–1,5 % of GRDP by 2025"). One target per (indicator, plan or none, year).
CREATE TABLE indicator_targets (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id     uuid NOT NULL REFERENCES tenants(id),
  indicator_id  uuid NOT NULL,
  plan_id       uuid,
  year          integer NOT NULL CHECK (year BETWEEN 1990 AND 2100),
  kind          text NOT NULL CHECK (kind IN ('value', 'range', 'at_least', 'at_most')),
  value         double precision,
  min_value     double precision,
  max_value     double precision,
  note          text,
  version       integer NOT NULL DEFAULT 1,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (indicator_id, tenant_id) REFERENCES indicators (id, tenant_id) ON DELETE CASCADE,
  FOREIGN KEY (plan_id, tenant_id) REFERENCES plans (id, tenant_id) ON DELETE CASCADE,
  CONSTRAINT indicator_targets_shape CHECK (
    (kind = 'value' AND value IS NOT NULL) OR (kind = 'at_least' AND min_value IS NOT NULL)
    OR (kind = 'at_most' AND max_value IS NOT NULL)
    OR (kind = 'range' AND min_value IS NOT NULL AND max_value IS NOT NULL AND min_value <= max_value))
);
CREATE UNIQUE INDEX indicator_targets_province_year ON indicator_targets (indicator_id, year) WHERE plan_id IS NULL;
CREATE UNIQUE INDEX indicator_targets_plan_year ON indicator_targets (indicator_id, plan_id, year) WHERE plan_id IS NOT NULL;
CREATE INDEX indicator_targets_by_plan ON indicator_targets (plan_id, year);

-- An entered value: the indicator's figure for a period (`2024`, `2024-Q3`, `2024-07`) reported by a unit, with its
-- source; evidence files are attachments of subject `indicator_value`. period_year is the period's year (the
-- dashboard reads by year).
CREATE TABLE indicator_values (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id      uuid NOT NULL REFERENCES tenants(id),
  indicator_id   uuid NOT NULL,
  period         text NOT NULL CHECK (period ~ '^[0-9]{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$'),
  period_year    integer NOT NULL CHECK (period_year = substr(period, 1, 4)::integer),
  admin_unit_id  uuid NOT NULL REFERENCES admin_units(id),
  value          double precision NOT NULL CHECK (value = value AND value NOT IN ('Infinity', '-Infinity')),
  source         text NOT NULL CHECK (source <> ''),
  note           text,
  entered_by     uuid REFERENCES users(id),
  version        integer NOT NULL DEFAULT 1,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (indicator_id, tenant_id) REFERENCES indicators (id, tenant_id) ON DELETE CASCADE,
  CONSTRAINT indicator_values_unique UNIQUE (indicator_id, period, admin_unit_id)
);
CREATE INDEX indicator_values_by_year ON indicator_values (tenant_id, period_year, indicator_id);

-- The indicators a plan item serves (the item drawer of the plans module edits them through this module's API).
CREATE TABLE plan_item_indicators (
  tenant_id     uuid NOT NULL REFERENCES tenants(id),
  item_id       uuid NOT NULL,
  indicator_id  uuid NOT NULL,
  PRIMARY KEY (item_id, indicator_id),
  FOREIGN KEY (item_id, tenant_id) REFERENCES plan_items (id, tenant_id) ON DELETE CASCADE,
  FOREIGN KEY (indicator_id, tenant_id) REFERENCES indicators (id, tenant_id) ON DELETE CASCADE
);
CREATE INDEX plan_item_indicators_by_indicator ON plan_item_indicators (indicator_id);
