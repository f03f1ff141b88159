-- Enterprise account requests (issue #11): a company may hold several applicant accounts, each confirmed by the
-- province's DOST. A visitor asks for one on the public form (the company found by its exact tax code); the account
-- is created at once, inactive, so its username is taken and its password hashed like any other, and this row keeps
-- what only the request has (phone, position) and its decision: pending → confirmed (the account becomes active)
-- or refused (with a reason; the account stays inactive). One request per account. A versioned record of the
-- province, so two officers deciding at once get a 409, not two decisions.
CREATE TABLE account_requests (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id       uuid NOT NULL REFERENCES tenants(id),
  user_id         uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  organization_id uuid NOT NULL REFERENCES organizations(id),
  phone           text NOT NULL,
  position        text NOT NULL,
  status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'confirmed', 'refused')),
  reason          text,
  decided_by      uuid REFERENCES users(id),
  decided_at      timestamptz,
  version         integer NOT NULL DEFAULT 1,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT account_requests_user_key UNIQUE (user_id),
  CONSTRAINT account_requests_decided CHECK ((status = 'pending') = (decided_at IS NULL)),
  CONSTRAINT account_requests_reason CHECK (status <> 'refused' OR reason IS NOT NULL)
);
CREATE INDEX account_requests_tenant_status ON account_requests (tenant_id, status, created_at);
CREATE INDEX account_requests_organization ON account_requests (organization_id);
