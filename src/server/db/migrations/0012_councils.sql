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

-- National defaults (tenant_id NULL). Demo values in the common form: a province that transposes the rules in
-- its own decision enters its version with that decision as the legal basis. The same values are in
-- src/server/modules/councils/councils.rules.ts (NATIONAL_DEFAULTS); councils.test.ts checks they agree.
INSERT INTO rule_versions (tenant_id, key, effective_from, legal_basis, value, note) VALUES
(NULL, 'council.scoring_sheet', '2017-08-10',
 'Thông tư 08/2017/TT-BKHCN (mẫu phiếu đánh giá)',
 '{"criteria": [
    {"key": "necessity", "name": {"vi": "Tính cấp thiết", "en": "Necessity"}, "maxPoints": 20},
    {"key": "feasibility", "name": {"vi": "Tính khả thi", "en": "Feasibility"}, "maxPoints": 30},
    {"key": "effectiveness", "name": {"vi": "Hiệu quả kinh tế - xã hội", "en": "Effectiveness"}, "maxPoints": 30},
    {"key": "replicability", "name": {"vi": "Khả năng nhân rộng", "en": "Replicability"}, "maxPoints": 20}
  ]}'::jsonb,
 'Phiếu 100 điểm mẫu (giá trị minh họa): tính cấp thiết 20, tính khả thi 30, hiệu quả 30, khả năng nhân rộng 20.'),
(NULL, 'council.composition', '2017-08-10',
 'Thông tư 08/2017/TT-BKHCN (thành phần và phiên họp hội đồng tư vấn)',
 '{"minMembers": 7, "maxMembers": 9,
   "roles": {"chair": {"min": 1, "max": 1}, "vice_chair": {"min": 0, "max": 1}, "secretary": {"min": 1, "max": 1},
             "reviewer": {"min": 2, "max": 2}},
   "quorum": {"numerator": 2, "denominator": 3}, "presidingRequired": true}'::jsonb,
 'Giá trị minh họa: 7–9 thành viên (chủ tịch, phó chủ tịch, thư ký, 2 ủy viên phản biện, các ủy viên); phiên họp hợp lệ khi có ít nhất 2/3 thành viên, có chủ tịch hoặc phó chủ tịch.'),
(NULL, 'council.pass_rule', '2017-08-10',
 'Thông tư 08/2017/TT-BKHCN (điều kiện được đề nghị); xếp loại nghiệm thu Xuất sắc / Đạt / Không đạt',
 '{"minAverage": 70, "maxZeroShare": {"numerator": 1, "denominator": 3}, "acceptance": {"tieBreak": "lower"}}'::jsonb,
 'Giá trị minh họa: đạt khi điểm trung bình ≥ 70 và không tiêu chí nào bị quá 1/3 số thành viên cho 0 điểm; nghiệm thu theo xếp loại của đa số thành viên (hòa thì lấy mức thấp hơn).');
