-- Rules are data: configuration values with an effective period and a legal citation, national by default and
-- overridable per province (a province's own decision transposing a national circular). Values are validated in
-- the rules module against the zod schema the owning module registered for the key.
-- tenant_id NULL = the national default. effective_to is the last day in force (NULL = still in force).
CREATE TABLE rule_versions (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id      uuid REFERENCES tenants(id),
  key            text NOT NULL CHECK (key ~ '^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$'),
  effective_from date NOT NULL,
  effective_to   date,
  legal_basis    text NOT NULL CHECK (btrim(legal_basis) <> ''),
  value          jsonb NOT NULL,
  note           text,
  created_by     uuid REFERENCES users(id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  CHECK (effective_to IS NULL OR effective_to >= effective_from)
);
-- At most one open version per (province or national, key).
CREATE UNIQUE INDEX rule_versions_open ON rule_versions (tenant_id, key) NULLS NOT DISTINCT WHERE effective_to IS NULL;
CREATE INDEX rule_versions_lookup ON rule_versions (key, tenant_id, effective_from);

-- No two versions of the same (tenant, key) overlap; a version is never rewritten, only closed (effective_to set).
-- A trigger rather than an exclusion constraint: EXCLUDE on (uuid, text, daterange) needs btree_gist, which the
-- embedded engine would have to load at every open. The advisory lock serialises writers of one (tenant, key).
CREATE FUNCTION rule_versions_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (NEW.tenant_id IS DISTINCT FROM OLD.tenant_id OR NEW.key <> OLD.key
      OR NEW.effective_from <> OLD.effective_from OR NEW.value <> OLD.value OR NEW.legal_basis <> OLD.legal_basis) THEN
    RAISE EXCEPTION 'rule_versions: only effective_to may change; create a new version instead'
      USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'rule_versions_immutable';
  END IF;
  PERFORM pg_advisory_xact_lock(hashtextextended('rule_versions/' || coalesce(NEW.tenant_id::text, 'national') || '/' || NEW.key, 0));
  IF EXISTS (
    SELECT 1 FROM rule_versions r
    WHERE r.key = NEW.key AND r.tenant_id IS NOT DISTINCT FROM NEW.tenant_id AND r.id <> NEW.id
      AND r.effective_from <= coalesce(NEW.effective_to, 'infinity'::date)
      AND NEW.effective_from <= coalesce(r.effective_to, 'infinity'::date)
  ) THEN
    RAISE EXCEPTION 'rule_versions: the period of % overlaps another version', NEW.key
      USING ERRCODE = 'exclusion_violation', CONSTRAINT = 'rule_versions_no_overlap';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER rule_versions_guard BEFORE INSERT OR UPDATE ON rule_versions
  FOR EACH ROW EXECUTE FUNCTION rule_versions_guard();
