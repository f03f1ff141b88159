-- Core schema: administrative units, tenants (provinces), accounts, audit log, registry.
-- PostgreSQL 15 SQL; runs unchanged on PGlite.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Administrative units of every era. A unit is its level + code + validity: codes are reused after the 2025
-- reform (the new Tây Ninh has 80, Long An's old code), so the code alone never identifies a unit.
-- valid_from '-infinity' means "in force since before our records begin"; valid_to is the last day in force.
CREATE TABLE admin_units (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  level       text NOT NULL CHECK (level IN ('province', 'district', 'commune')),
  code        text,
  name        text NOT NULL,
  kind        text,
  parent_id   uuid REFERENCES admin_units(id),
  valid_from  date NOT NULL DEFAULT '-infinity',
  valid_to    date,
  search_text text NOT NULL,
  sort_key    text NOT NULL,
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE UNIQUE INDEX admin_units_code_era ON admin_units (level, code, valid_from) WHERE code IS NOT NULL;
CREATE INDEX admin_units_parent ON admin_units (parent_id);
CREATE INDEX admin_units_search ON admin_units USING gin (search_text gin_trgm_ops);

CREATE TABLE admin_unit_successions (
  predecessor_id uuid NOT NULL REFERENCES admin_units(id),
  successor_id   uuid NOT NULL REFERENCES admin_units(id),
  effective_on   date NOT NULL,
  legal_basis    text NOT NULL,
  PRIMARY KEY (predecessor_id, successor_id)
);
CREATE INDEX admin_unit_successions_successor ON admin_unit_successions (successor_id);

-- A tenant is a provincial DOST. Every record below carries tenant_id.
CREATE TABLE tenants (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug             text NOT NULL UNIQUE,
  name             text NOT NULL,
  province_unit_id uuid REFERENCES admin_units(id),
  created_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE science_fields (
  code        text PRIMARY KEY,
  parent_code text REFERENCES science_fields(code),
  name_vi     text NOT NULL,
  name_en     text NOT NULL
);

CREATE TABLE organizations (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id        uuid NOT NULL REFERENCES tenants(id),
  kind             text NOT NULL CHECK (kind IN ('enterprise', 'cooperative', 'research_institute', 'university',
                                                'state_agency', 'startup', 'household_business')),
  name             text NOT NULL,
  short_name       text,
  tax_code         text,
  address          text,
  admin_unit_id    uuid REFERENCES admin_units(id),
  science_field    text REFERENCES science_fields(code),
  is_st_enterprise boolean NOT NULL DEFAULT false,
  phone            text,
  email            text,
  website          text,
  note             text,
  search_text      text NOT NULL,
  sort_key         text NOT NULL,
  version          integer NOT NULL DEFAULT 1,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX organizations_tax_code ON organizations (tenant_id, tax_code) WHERE tax_code IS NOT NULL;
CREATE INDEX organizations_name ON organizations (tenant_id, sort_key COLLATE "C", id);
CREATE INDEX organizations_search ON organizations USING gin (search_text gin_trgm_ops);

CREATE TABLE people (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id       uuid NOT NULL REFERENCES tenants(id),
  full_name       text NOT NULL,
  academic_title  text,
  degree          text,
  position        text,
  science_field   text REFERENCES science_fields(code),
  expertise       text,
  organization_id uuid REFERENCES organizations(id),
  email           text,
  phone           text,
  is_expert       boolean NOT NULL DEFAULT true,
  note            text,
  search_text     text NOT NULL,
  sort_key        text NOT NULL,
  version         integer NOT NULL DEFAULT 1,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX people_name ON people (tenant_id, sort_key COLLATE "C", id);
CREATE INDEX people_search ON people USING gin (search_text gin_trgm_ops);
CREATE INDEX people_organization ON people (organization_id);

CREATE TABLE users (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id       uuid NOT NULL REFERENCES tenants(id),
  username        text NOT NULL UNIQUE,
  display_name    text NOT NULL,
  email           text,
  password_hash   text NOT NULL,
  role            text NOT NULL CHECK (role IN ('admin', 'dost_officer', 'unit_officer', 'reviewer', 'leader', 'applicant')),
  organization_id uuid REFERENCES organizations(id),
  unit_name       text,
  active          boolean NOT NULL DEFAULT true,
  version         integer NOT NULL DEFAULT 1,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);

-- Session and API token secrets are stored only as SHA-256 hashes.
CREATE TABLE sessions (
  token_hash  text PRIMARY KEY,
  user_id     uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id      uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name         text NOT NULL,
  token_hash   text NOT NULL UNIQUE,
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  expires_at   timestamptz,
  revoked_at   timestamptz
);

-- Append-only audit log: UPDATE and DELETE are refused by a trigger.
CREATE TABLE audit_log (
  id          bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  tenant_id   uuid REFERENCES tenants(id),
  actor_id    uuid REFERENCES users(id),
  actor_name  text,
  at          timestamptz NOT NULL DEFAULT now(),
  action      text NOT NULL,
  entity      text NOT NULL,
  entity_id   text,
  before      jsonb,
  after       jsonb,
  request_id  text
);
CREATE INDEX audit_log_tenant_at ON audit_log (tenant_id, id DESC);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
