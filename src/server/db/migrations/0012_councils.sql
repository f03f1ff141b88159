-- Councils (hội đồng) and their scoring, generic over the subject they are about (subject_type + subject_id, e.g.
-- 'task'). A council evaluates dossiers (hồ sơ); each dossier is scored (or rated, for acceptance) by the members
-- assigned to it. The scoring sheet, composition and pass rule are dated rules (rule_versions, 0010_rules.sql),
-- resolved on the meeting date and frozen in councils.rules when the council opens.

CREATE TABLE councils (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id     uuid NOT NULL REFERENCES tenants(id),
  subject_type  text NOT NULL CHECK (subject_type ~ '^[a-z][a-z0-9_]*$'),
  subject_id    uuid NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('identification', 'selection', 'budget_appraisal', 'acceptance')),
  name          text NOT NULL,
  decision_no   text,
  decision_date date,
  meeting_date  date,
  location      text,
  minutes_no    text,
  note          text,
  status        text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'closed')),
  -- { onDate, scoringSheet, composition, passRule }: each { ruleVersionId, legalBasis, effectiveFrom, value }.
  rules         jsonb NOT NULL,
  opened_at     timestamptz,
  closed_at     timestamptz,
  search_text   text NOT NULL,
  sort_key      text NOT NULL,
  version       integer NOT NULL DEFAULT 1,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'draft') = (opened_at IS NULL)),
  CHECK ((status = 'closed') = (closed_at IS NOT NULL))
);
CREATE INDEX councils_subject ON councils (tenant_id, subject_type, subject_id);
CREATE INDEX councils_name ON councils (tenant_id, sort_key COLLATE "C", id);
CREATE INDEX councils_search ON councils USING gin (search_text gin_trgm_ops);

-- Members come from the expert registry (people) of the same province; user_id links the member's account.
CREATE TABLE council_members (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  council_id        uuid NOT NULL REFERENCES councils(id) ON DELETE CASCADE,
  tenant_id         uuid NOT NULL REFERENCES tenants(id),
  person_id         uuid NOT NULL REFERENCES people(id),
  user_id           uuid REFERENCES users(id),
  role              text NOT NULL CHECK (role IN ('chair', 'vice_chair', 'secretary', 'reviewer', 'member')),
  conflict_declared boolean NOT NULL DEFAULT false,
  conflict_note     text,
  declared_at       timestamptz,
  present           boolean NOT NULL DEFAULT false,
  created_at        timestamptz NOT NULL DEFAULT now(),
  CHECK (conflict_declared = (declared_at IS NOT NULL))
);
CREATE UNIQUE INDEX council_members_person ON council_members (council_id, person_id);
CREATE UNIQUE INDEX council_members_user ON council_members (council_id, user_id) WHERE user_id IS NOT NULL;
CREATE INDEX council_members_user_lookup ON council_members (user_id) WHERE user_id IS NOT NULL;
CREATE INDEX council_members_person_lookup ON council_members (person_id);

CREATE TABLE council_dossiers (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  council_id   uuid NOT NULL REFERENCES councils(id) ON DELETE CASCADE,
  tenant_id    uuid NOT NULL REFERENCES tenants(id),
  subject_type text NOT NULL CHECK (subject_type ~ '^[a-z][a-z0-9_]*$'),
  subject_id   uuid NOT NULL,
  title        text NOT NULL,
  position     integer NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX council_dossiers_subject_once ON council_dossiers (council_id, subject_type, subject_id);
CREATE INDEX council_dossiers_subject ON council_dossiers (tenant_id, subject_type, subject_id);

-- Which member evaluates which dossier (by default every member every dossier).
CREATE TABLE council_assignments (
  dossier_id uuid NOT NULL REFERENCES council_dossiers(id) ON DELETE CASCADE,
  member_id  uuid NOT NULL REFERENCES council_members(id) ON DELETE CASCADE,
  PRIMARY KEY (dossier_id, member_id)
);
CREATE INDEX council_assignments_member ON council_assignments (member_id);

-- A member's sheet for a dossier: points per criterion, or an acceptance rating. It exists only for an assignment.
CREATE TABLE council_sheets (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  council_id   uuid NOT NULL REFERENCES councils(id) ON DELETE CASCADE,
  tenant_id    uuid NOT NULL REFERENCES tenants(id),
  dossier_id   uuid NOT NULL,
  member_id    uuid NOT NULL,
  scores       jsonb,
  total        numeric(8, 2),
  rating       text CHECK (rating IN ('excellent', 'passed', 'failed')),
  comment      text,
  entered_by   uuid REFERENCES users(id),
  submitted_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (dossier_id, member_id) REFERENCES council_assignments (dossier_id, member_id) ON DELETE CASCADE,
  UNIQUE (dossier_id, member_id),
  CHECK ((scores IS NULL) = (total IS NULL)),
  CHECK ((scores IS NULL) <> (rating IS NULL))
);
CREATE INDEX council_sheets_council ON council_sheets (council_id);

-- The national default council rules (scoring sheet, composition, pass rule) ship from the councils module's
-- reference loader (councils.rules.ts, loadCouncilRules). Databases made before khcn 0.2 hold the same rows, which
-- this file inserted then; the loader recognises them by key and start date and leaves them as they are.

