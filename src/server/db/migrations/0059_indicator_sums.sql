-- Pre-summed indicator values (issue #12, the dashboard at scale). The dashboard used to read every commune's value
-- on every request and group the communes that roll up alike (indicators.repo.ts, at 0057–0058); at three provinces'
-- communes over ten years that scan alone took seconds. This table holds those groups, kept in step with
-- indicator_values by the triggers below (same transaction as every write: an entry, an Excel import, a delete, the
-- demo seed, a bulk load) and filled here for the rows that already exist. The roll-up itself (supersession, the
-- view, the scope) still runs in indicators.rollup.ts over these rows, exactly as it ran over the scanned groups.
--
-- A group: the values of one indicator and period whose units roll up alike on the map of a day — old communes of one
-- district that went into the same successors, or, when a province is asked about, the communes of one province (in
-- force, begun later, or ended and gone into communes of the same provinces) —, or a single unit (a province's or a
-- district's own figure, any value of an indicator that is never combined: aggregation `none`). Which group a value
-- falls in changes only on the dates its unit begins or ends and its successions take effect, so each (indicator,
-- period) has eras: [era_from, era_to) between consecutive such dates, the first from -infinity, the last to infinity. For Long An's 2024 value of
-- a commune there are two: before 01/07/2025 the commune is in force (counted in Long An, "as reported" and on that
-- day's map alike), from then on it is an ended unit counted in its successor of the new Tây Ninh.
--
-- grain: the groups a read for a province uses (`coarse`), those a read for any smaller unit uses (`fine`: only ended
-- communes pooled, by parent and exact successors), or both when the two coincide (indicator_sums_rows says when
-- values may be pooled without changing any figure). unit_id is one unit of the group (the smallest id), which the
-- roll-up treats as the whole group; value_sum, value_count, value_min and value_max are what sum, average, min and
-- max need (a ratio is a formula over two rolled-up indicators, never stored).
CREATE TABLE indicator_sums (
  tenant_id     uuid NOT NULL REFERENCES tenants(id),
  indicator_id  uuid NOT NULL,
  period        text NOT NULL,
  period_year   integer NOT NULL,
  era_from      date NOT NULL,
  era_to        date NOT NULL,
  grain         text NOT NULL CHECK (grain IN ('both', 'fine', 'coarse')),
  group_key     text NOT NULL,
  unit_id       uuid NOT NULL,
  value_sum     double precision NOT NULL,
  value_count   integer NOT NULL CHECK (value_count > 0),
  value_min     double precision NOT NULL,
  value_max     double precision NOT NULL,
  PRIMARY KEY (indicator_id, period, era_from, group_key),
  FOREIGN KEY (indicator_id, tenant_id) REFERENCES indicators (id, tenant_id) ON DELETE CASCADE,
  CHECK (era_from < era_to)
);
CREATE INDEX indicator_sums_read ON indicator_sums (indicator_id, grain, period_year, era_from);

-- The admin-unit graph the groups were computed on (a digest of units and successions). Reference loaders run after
-- every migration and restore; the indicators module's compares the digest and rebuilds every group when units or
-- successions changed since (a succession added after values exist moves values between groups).
CREATE TABLE indicator_sums_state (
  id          boolean PRIMARY KEY DEFAULT true CHECK (id),
  graph       text NOT NULL,
  rebuilt_at  timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION indicator_sums_graph() RETURNS text LANGUAGE sql STABLE AS $$
  SELECT md5(
    coalesce((SELECT string_agg(id::text || level || coalesce(parent_id::text, '') || valid_from::text || coalesce(valid_to::text, ''), ',' ORDER BY id)
              FROM admin_units), '')
    || '#' ||
    coalesce((SELECT string_agg(predecessor_id::text || successor_id::text || effective_on::text, ',' ORDER BY predecessor_id, successor_id)
              FROM admin_unit_successions), ''))
$$;

-- The groups of the values of the given (indicator, period) pairs (p_indicators[i], p_periods[i]). The only
-- definition of a group: the triggers, the rebuild and this migration's fill all read it.
CREATE FUNCTION indicator_sums_rows(p_indicators uuid[], p_periods text[])
  RETURNS SETOF indicator_sums LANGUAGE sql STABLE SET work_mem = '64MB' SET jit = off AS $$
  WITH sel AS (
    SELECT DISTINCT x.i AS indicator_id, x.p AS period FROM unnest(p_indicators, p_periods) AS x(i, p)
  ), v AS MATERIALIZED (
    SELECT v.tenant_id, v.indicator_id, v.period, v.period_year, v.admin_unit_id, v.value, i.aggregation <> 'none' AS combined
    FROM sel JOIN indicator_values v ON v.indicator_id = sel.indicator_id AND v.period = sel.period
      JOIN indicators i ON i.id = v.indicator_id
  ), units AS MATERIALIZED (
    -- Each unit that reported, once: its parent, its province, its dates.
    SELECT u.id, u.level, u.parent_id, coalesce(p.parent_id, u.parent_id) AS province_id, u.valid_from, u.valid_to
    FROM (SELECT DISTINCT admin_unit_id FROM v) AS r JOIN admin_units u ON u.id = r.admin_unit_id
      LEFT JOIN admin_units p ON p.id = u.parent_id
  ), unit_days AS MATERIALIZED (
    -- The days a commune's group may change: it begins, it ends, a succession takes effect.
    SELECT id, valid_from AS d FROM units WHERE level = 'commune' AND isfinite(valid_from)
    UNION SELECT id, valid_to + 1 FROM units WHERE level = 'commune' AND isfinite(valid_to)
    UNION SELECT s.predecessor_id, s.effective_on FROM units JOIN admin_unit_successions s ON s.predecessor_id = units.id
      WHERE units.level = 'commune' AND isfinite(s.effective_on)
  ), eras AS MATERIALIZED (
    SELECT indicator_id, period, d AS era_from,
      coalesce(lead(d) OVER (PARTITION BY indicator_id, period ORDER BY d), 'infinity'::date) AS era_to
    FROM (SELECT DISTINCT indicator_id, period, '-infinity'::date AS d FROM v
          UNION SELECT DISTINCT v.indicator_id, v.period, ud.d FROM v JOIN unit_days ud ON ud.id = v.admin_unit_id) AS starts
  ), unit_eras AS MATERIALIZED (
    -- Each unit's state on the first day of each era, and an ended commune's successors then, with their provinces.
    SELECT u.id, d.era_from,
      CASE WHEN u.level <> 'commune' THEN 'other' WHEN u.valid_to < d.era_from THEN 'ended'
        WHEN u.valid_from <= d.era_from THEN 'in_force' ELSE 'later' END AS state,
      sig.successors, sig.successor_parents
    FROM units u CROSS JOIN (SELECT DISTINCT era_from FROM eras) AS d
      LEFT JOIN LATERAL (
        SELECT string_agg(s.successor_id::text, ',' ORDER BY s.successor_id::text) AS successors,
          string_agg(DISTINCT coalesce(n.parent_id, n.id)::text, ',' ORDER BY coalesce(n.parent_id, n.id)::text) AS successor_parents
        FROM admin_unit_successions s JOIN admin_units n ON n.id = s.successor_id
        WHERE s.predecessor_id = u.id AND s.effective_on <= d.era_from
      ) AS sig ON u.level = 'commune' AND u.valid_to < d.era_from
  ), ve AS MATERIALIZED (
    -- Each value in each era of its (indicator, period).
    SELECT v.*, e.era_from, e.era_to, ue.state, ue.successors, ue.successor_parents, u.parent_id, u.province_id,
      v.combined AND u.level = 'commune' AS pooled
    FROM v JOIN eras e ON e.indicator_id = v.indicator_id AND e.period = v.period
      JOIN unit_eras ue ON ue.id = v.admin_unit_id AND ue.era_from = e.era_from
      JOIN units u ON u.id = v.admin_unit_id
  ), flags AS MATERIALIZED (
    SELECT indicator_id, period, era_from, bool_or(state = 'in_force') AS any_in_force, bool_or(state = 'ended') AS any_ended,
      bool_or(state = 'other' AND parent_id IS NOT NULL) AS district_reported
    FROM ve GROUP BY indicator_id, period, era_from
  ), keyed AS (
    -- fine (any unit asked about): ended communes by parent and successors, every other value alone.
    -- coarse (a province asked about): communes by their province — or by parent when a district reported the same
    -- period (it replaces its own communes' figures only) —: ended ones with their successors' provinces unless a
    -- commune in force reported the same period (its own figure then replaces those counted in it: by exact
    -- successors, as fine), those in force unless an ended commune reported too (it may be counted in one of them:
    -- alone), those that began later (no place on that day's map; as reported, within their province).
    SELECT ve.tenant_id, ve.indicator_id, ve.period, ve.period_year, ve.era_from, ve.era_to, ve.admin_unit_id, ve.value,
      CASE WHEN ve.pooled AND ve.state = 'ended'
          THEN 's|' || coalesce(ve.parent_id::text, '') || '|' || coalesce(ve.successors, '')
        ELSE 'u|' || ve.admin_unit_id::text END AS fine_key,
      CASE WHEN NOT ve.pooled OR ve.state = 'other' THEN 'u|' || ve.admin_unit_id::text
        WHEN ve.state = 'ended' AND f.any_in_force
          THEN 's|' || coalesce(ve.parent_id::text, '') || '|' || coalesce(ve.successors, '')
        WHEN ve.state = 'in_force' AND f.any_ended THEN 'u|' || ve.admin_unit_id::text
        ELSE left(ve.state, 1) || '|' || coalesce(CASE WHEN f.district_reported THEN ve.parent_id ELSE ve.province_id END::text, '')
          || CASE WHEN ve.state = 'ended' THEN '|' || coalesce(ve.successor_parents, '') ELSE '' END
        END AS coarse_key
    FROM ve JOIN flags f ON f.indicator_id = ve.indicator_id AND f.period = ve.period AND f.era_from = ve.era_from
  )
  SELECT tenant_id, indicator_id, period, period_year, era_from, era_to,
    CASE WHEN bool_and(fine_key = coarse_key) THEN 'both' ELSE 'fine' END, fine_key,
    min(admin_unit_id::text)::uuid, sum(value), count(*)::integer, min(value), max(value)
  FROM keyed GROUP BY tenant_id, indicator_id, period, period_year, era_from, era_to, fine_key
  UNION ALL
  SELECT tenant_id, indicator_id, period, period_year, era_from, era_to, 'coarse', coarse_key,
    min(admin_unit_id::text)::uuid, sum(value), count(*)::integer, min(value), max(value)
  FROM keyed WHERE fine_key <> coarse_key GROUP BY tenant_id, indicator_id, period, period_year, era_from, era_to, coarse_key
$$;

-- Recomputes the groups of these (indicator, period) pairs in the caller's transaction. Writers of the same pair
-- take turns (a transaction-scoped advisory lock per pair, in a fixed order), and each statement of the function sees
-- what the one before committed, so two entries for one period never leave a group without the other's value.
CREATE FUNCTION indicator_sums_refresh(p_indicators uuid[], p_periods text[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF p_indicators IS NULL OR cardinality(p_indicators) = 0 THEN RETURN; END IF;
  -- A bulk load (hundreds of periods in one statement, as into a new database) is planned on the table's statistics:
  -- bring them up to date first (they see the statement's own rows), or a plan made for an empty table takes minutes.
  IF cardinality(p_indicators) >= 200 THEN ANALYZE indicator_values; END IF;
  PERFORM pg_advisory_xact_lock(5902026, hashtext(x.i::text || '|' || x.p))
    FROM (SELECT DISTINCT i, p FROM unnest(p_indicators, p_periods) AS u(i, p) ORDER BY i, p) AS x;
  DELETE FROM indicator_sums s USING (SELECT DISTINCT i, p FROM unnest(p_indicators, p_periods) AS u(i, p)) AS x
    WHERE s.indicator_id = x.i AND s.period = x.p;
  INSERT INTO indicator_sums SELECT * FROM indicator_sums_rows(p_indicators, p_periods);
END
$$;

-- Every group of a tenant (NULL: of every tenant, and the graph digest recorded) from indicator_values, in the
-- caller's transaction; writes of values wait while it runs. Returns the number of groups.
CREATE FUNCTION indicator_sums_rebuild(p_tenant uuid DEFAULT NULL) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE n integer;
BEGIN
  LOCK TABLE indicator_values IN SHARE MODE;
  DELETE FROM indicator_sums WHERE p_tenant IS NULL OR tenant_id = p_tenant;
  INSERT INTO indicator_sums SELECT r.* FROM (
      SELECT array_agg(indicator_id) AS i, array_agg(period) AS p FROM (
        SELECT DISTINCT indicator_id, period FROM indicator_values WHERE p_tenant IS NULL OR tenant_id = p_tenant) AS pairs
    ) AS a CROSS JOIN LATERAL indicator_sums_rows(a.i, a.p) AS r;
  GET DIAGNOSTICS n = ROW_COUNT;
  IF p_tenant IS NULL THEN
    INSERT INTO indicator_sums_state (id, graph, rebuilt_at) VALUES (true, indicator_sums_graph(), now())
      ON CONFLICT (id) DO UPDATE SET graph = excluded.graph, rebuilt_at = excluded.rebuilt_at;
  END IF;
  RETURN n;
END
$$;

-- The triggers: after each statement that writes values, the groups of the pairs it touched.
CREATE FUNCTION indicator_values_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM indicator_sums_refresh(array_agg(indicator_id), array_agg(period)) FROM (SELECT DISTINCT indicator_id, period FROM new_rows) AS c;
  RETURN NULL;
END
$$;
CREATE FUNCTION indicator_values_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM indicator_sums_refresh(array_agg(indicator_id), array_agg(period)) FROM (SELECT DISTINCT indicator_id, period FROM old_rows) AS c;
  RETURN NULL;
END
$$;
CREATE FUNCTION indicator_values_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- (A change of source or note alone regroups nothing.)
  PERFORM indicator_sums_refresh(array_agg(c.indicator_id), array_agg(c.period)) FROM (
      SELECT x.indicator_id, x.period FROM new_rows n JOIN old_rows o ON o.id = n.id
        CROSS JOIN LATERAL (VALUES (n.indicator_id, n.period), (o.indicator_id, o.period)) AS x(indicator_id, period)
      WHERE (n.indicator_id, n.period, n.admin_unit_id, n.value) IS DISTINCT FROM (o.indicator_id, o.period, o.admin_unit_id, o.value)
      GROUP BY x.indicator_id, x.period) AS c;
  RETURN NULL;
END
$$;
CREATE TRIGGER indicator_values_sums_insert AFTER INSERT ON indicator_values
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_values_inserted();
CREATE TRIGGER indicator_values_sums_delete AFTER DELETE ON indicator_values
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_values_deleted();
CREATE TRIGGER indicator_values_sums_update AFTER UPDATE ON indicator_values
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_values_updated();

-- An indicator whose aggregation changes (to or from `none`, never combined) regroups all its values.
CREATE FUNCTION indicators_aggregation_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM indicator_sums_refresh(array_agg(NEW.id), array_agg(p.period))
    FROM (SELECT DISTINCT period FROM indicator_values WHERE indicator_id = NEW.id) AS p;
  RETURN NULL;
END
$$;
CREATE TRIGGER indicators_sums_aggregation AFTER UPDATE OF aggregation ON indicators
  FOR EACH ROW WHEN (OLD.aggregation IS DISTINCT FROM NEW.aggregation) EXECUTE FUNCTION indicators_aggregation_changed();

-- The values already entered (a live database, or a backup of an earlier level being restored).
SELECT indicator_sums_rebuild();
