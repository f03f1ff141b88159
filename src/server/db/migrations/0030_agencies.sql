-- The units a user works in. A province's departments and agencies (Sở, Ban, Văn phòng, UBND tỉnh…) are a list per
-- province with validity dates: the 2025 restructuring (Decree 45/2025/NĐ-CP) merged several departments, and a
-- record made before keeps pointing at the unit as it was. A commune's officers point at the commune itself, an
-- administrative unit in force (admin_units).

CREATE TABLE agencies (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id   uuid NOT NULL REFERENCES tenants(id),
  kind        text NOT NULL CHECK (kind IN ('people_committee', 'office', 'department', 'agency', 'dost_division', 'other')),
  name        text NOT NULL,
  short_name  text,
  -- A division of a department (a DOST's Phòng Quản lý khoa học) names the department.
  parent_id   uuid REFERENCES agencies(id),
  valid_from  date NOT NULL,
  valid_to    date,
  note        text,
  search_text text NOT NULL,
  sort_key    text NOT NULL,
  version     integer NOT NULL DEFAULT 1,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX agencies_name ON agencies (tenant_id, sort_key COLLATE "C", id);
CREATE UNIQUE INDEX agencies_unique_name ON agencies (tenant_id, lower(name), valid_from);

ALTER TABLE users
  ADD COLUMN agency_id     uuid REFERENCES agencies(id),
  ADD COLUMN admin_unit_id uuid REFERENCES admin_units(id),
  ADD CONSTRAINT users_one_unit CHECK (agency_id IS NULL OR admin_unit_id IS NULL);
CREATE INDEX users_agency ON users (agency_id) WHERE agency_id IS NOT NULL;
CREATE INDEX users_admin_unit ON users (admin_unit_id) WHERE admin_unit_id IS NOT NULL;

-- Data: each distinct free-text unit name of a province becomes an agency of kind 'other' (an admin classifies and
-- dates it later), valid from the day its first account was made; the accounts point at it. Nothing is lost: the
-- name moves to the agency. search_text / sort_key are filled the simple way here (lower case); the app rewrites
-- them with its own folding and collation the next time the agency is saved.
INSERT INTO agencies (tenant_id, kind, name, valid_from, note, search_text, sort_key)
SELECT u.tenant_id, 'other', btrim(u.unit_name), min(u.created_at)::date,
       'Chuyển từ tên đơn vị nhập tự do của tài khoản (khcn 0.2)', lower(btrim(u.unit_name)), lower(btrim(u.unit_name))
FROM users u
WHERE u.unit_name IS NOT NULL AND btrim(u.unit_name) <> ''
GROUP BY u.tenant_id, btrim(u.unit_name);

UPDATE users u SET agency_id = a.id
FROM agencies a
WHERE a.tenant_id = u.tenant_id AND a.name = btrim(u.unit_name);

ALTER TABLE users DROP COLUMN unit_name;
