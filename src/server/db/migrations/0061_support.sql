-- Support given to an enterprise or cooperative through a programme's call (issue #13): the support decision on an
-- application (quyết định hỗ trợ), the certificates the support led to (ISO 9001, HACCP, VietGAP… : giấy chứng nhận)
-- and the completion record saying what the support achieved. The review itself is a council of the councils module
-- (kind `programme_review`, one per call, one dossier per application), and the ranking is computed from its results,
-- so neither has a table here.
--
-- A decision's amounts are whole VND (numeric(18,0), like a call's budget); total = state + counterpart always, and
-- the counterpart's minimum share is checked by the module against the rule `support.types` in force on the
-- decision date (a province changes it by a dated rule version, not by a schema change).
CREATE TABLE support_decisions (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id           uuid NOT NULL REFERENCES tenants(id),
  application_id      uuid NOT NULL,
  support_type        text NOT NULL CHECK (support_type ~ '^[a-z][a-z0-9_]{0,49}$'),
  total_cost          numeric(18, 0) NOT NULL CHECK (total_cost >= 0),
  state_amount        numeric(18, 0) NOT NULL CHECK (state_amount >= 0),
  counterpart_amount  numeric(18, 0) NOT NULL CHECK (counterpart_amount >= 0),
  -- Số quyết định as written ("15/QĐ-SKHCN"); number_key compares numbers as the legal-document register does.
  decision_number     text NOT NULL CHECK (decision_number <> ''),
  number_key          text NOT NULL,
  decision_date       date NOT NULL,
  -- The signer on the DOCX (chức vụ, họ tên); null: left blank for a signature by hand.
  signer_title        text,
  signer_name         text,
  note                text CHECK (note IS NULL OR length(note) <= 4000),
  created_by          uuid REFERENCES users(id),
  version             integer NOT NULL DEFAULT 1,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (application_id, tenant_id) REFERENCES programme_applications (id, tenant_id),
  CONSTRAINT support_decisions_application_key UNIQUE (application_id),
  CONSTRAINT support_decisions_number_key UNIQUE (tenant_id, number_key),
  CONSTRAINT support_decisions_id_tenant_key UNIQUE (id, tenant_id),
  CONSTRAINT support_decisions_amounts CHECK (state_amount + counterpart_amount = total_cost)
);
CREATE INDEX support_decisions_by_date ON support_decisions (tenant_id, decision_date);

-- What the support achieved, recorded when the supported work is done (one per decision); the workflow's `complete`
-- requires it or a certificate.
CREATE TABLE support_outcomes (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id       uuid NOT NULL REFERENCES tenants(id),
  decision_id     uuid NOT NULL,
  completed_on    date NOT NULL,
  achievements    text NOT NULL CHECK (length(achievements) BETWEEN 1 AND 4000),
  note            text CHECK (note IS NULL OR length(note) <= 4000),
  version         integer NOT NULL DEFAULT 1,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (decision_id, tenant_id) REFERENCES support_decisions (id, tenant_id) ON DELETE CASCADE,
  CONSTRAINT support_outcomes_decision_key UNIQUE (decision_id)
);

-- A certificate the supported organisation obtained (standard, certifying body, number, dates). The expiry job
-- reminds before expires_on, once per certificate and threshold (the inbox's period key).
CREATE TABLE support_certificates (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id        uuid NOT NULL REFERENCES tenants(id),
  decision_id      uuid NOT NULL,
  organization_id  uuid NOT NULL REFERENCES organizations(id),
  standard         text NOT NULL CHECK (length(standard) BETWEEN 1 AND 200),
  certifying_body  text NOT NULL CHECK (length(certifying_body) BETWEEN 1 AND 300),
  number           text NOT NULL CHECK (length(number) BETWEEN 1 AND 100),
  issued_on        date NOT NULL,
  expires_on       date,
  note             text CHECK (note IS NULL OR length(note) <= 4000),
  version          integer NOT NULL DEFAULT 1,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (decision_id, tenant_id) REFERENCES support_decisions (id, tenant_id) ON DELETE CASCADE,
  CONSTRAINT support_certificates_dates CHECK (expires_on IS NULL OR expires_on > issued_on),
  CONSTRAINT support_certificates_number_key UNIQUE (decision_id, certifying_body, number)
);
CREATE INDEX support_certificates_by_decision ON support_certificates (decision_id);
CREATE INDEX support_certificates_expiring ON support_certificates (tenant_id, expires_on) WHERE expires_on IS NOT NULL;
