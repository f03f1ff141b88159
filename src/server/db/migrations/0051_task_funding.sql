-- Funding as it happens, and the organisations that take part in a task.
--
-- task_disbursements (cấp phát kinh phí): what was actually paid out or contributed, on a date, from a source
-- (state budget, counterpart, other), on the decision that ordered it. Amounts are in million VND (triệu đồng), like
-- the planned funding of task_funding, so planned and disbursed compare directly. A versioned record of the task's
-- province: the composite key to tasks keeps a disbursement in its task's province.
ALTER TABLE tasks ADD CONSTRAINT tasks_id_tenant_key UNIQUE (id, tenant_id);

CREATE TABLE task_disbursements (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id     uuid NOT NULL REFERENCES tenants(id),
  task_id       uuid NOT NULL,
  disbursed_on  date NOT NULL,
  amount        numeric(14, 3) NOT NULL CHECK (amount > 0),
  source        text NOT NULL CHECK (source IN ('state_budget', 'counterpart', 'other')),
  decision_no   text,
  decision_date date,
  note          text,
  created_by    uuid REFERENCES users(id),
  version       integer NOT NULL DEFAULT 1,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (task_id, tenant_id) REFERENCES tasks (id, tenant_id) ON DELETE CASCADE,
  CHECK (decision_date IS NULL OR decision_date <= disbursed_on)
);
CREATE INDEX task_disbursements_task ON task_disbursements (task_id, disbursed_on);
CREATE INDEX task_disbursements_tenant ON task_disbursements (tenant_id, disbursed_on);

-- Organisations taking part besides the host, each with its role (co-operating enterprise, beneficiary, ordering
-- body, co-implementer, other). An applicant account of a participating organisation reads the task.
CREATE TABLE task_participants (
  task_id         uuid NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  organization_id uuid NOT NULL REFERENCES organizations(id),
  role            text NOT NULL CHECK (role IN ('cooperating_enterprise', 'beneficiary', 'ordering_body', 'co_implementer', 'other')),
  position        integer NOT NULL,
  note            text,
  PRIMARY KEY (task_id, organization_id)
);
CREATE INDEX task_participants_organization ON task_participants (organization_id);
