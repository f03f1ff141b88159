-- Search at national scale (db/search.ts, bench/README.md). The syllable index of 0045 finds the matches of a query,
-- but a page in name order then needs every match read from the table and sorted: at 1,000,000 organisations a
-- query with common syllables (`co khi`, `tnhh`) matches thousands of rows, which is too slow. This index cuts a
-- province's organisations, in name order, into buckets of about 250 rows (every 64 buckets form a coarse bucket)
-- and indexes every folded syllable tagged with its bucket (`f1234:khi`, `c19:khi`, and prefixes `c19<kh`), so the
-- search can probe the buckets in name order and read only the rows of the first buckets that match.
--
-- A row's bucket is a function of (tenant_id, sort_key) whose bounds are data: search_rebalance() recomputes them
-- from the rows and rebuilds the index in one transaction, so a row's bucket always agrees with the function (the
-- function is IMMUTABLE as an index requires; only search_rebalance replaces it, and it reindexes at once). Bounds
-- that no longer fit the data only make buckets uneven (slower), never wrong. Words with digits (tax codes) are not
-- tagged: a query with one goes through the plain syllable index.

-- The tagged syllables of a row: each folded syllable of search_text (as the plain index's to_tsvector finds them)
-- with its bucket (`f1234:khi`) and its coarse bucket (`c19:khi`), and each proper prefix of it with its coarse bucket
-- (`c19<k`, `c19<kh`): a typed last word is a prefix, and a prefix match (`c19:kh:*`) would gather every syllable it
-- starts in the coarse bucket into a bitmap, costly for a short prefix, where `c19:kh | c19<kh` is two lookups.
CREATE FUNCTION search_bucket_words(bucket integer, search_text text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT array_to_tsvector(ARRAY(
      SELECT tag || w
      FROM unnest(tsvector_to_array(to_tsvector('simple'::regconfig, search_text))) AS w
      CROSS JOIN unnest(ARRAY['f' || bucket || ':', 'c' || (bucket / 64) || ':']) AS tag
      WHERE w !~ '[0-9]'
      UNION ALL
      SELECT 'c' || (bucket / 64) || '<' || left(w, n)
      FROM unnest(tsvector_to_array(to_tsvector('simple'::regconfig, search_text))) AS w
      CROSS JOIN generate_series(1, length(w) - 1) AS n
      WHERE w !~ '[0-9]'))
  $$;

-- The bucket of an organisation; replaced by search_rebalance() with the bounds of the data.
CREATE FUNCTION search_bucket_organizations(tenant_id uuid, sort_key text) RETURNS integer
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$ BEGIN RETURN 0; END $$;

-- Recomputes the bounds of `tbl`'s buckets from its rows and rebuilds `<tbl>_bucket_words`, in the caller's transaction.
-- A bound is every `bucket_rows`-th row of a tenant in name order, cut to the shortest prefix that still sorts after
-- the name before it; the key is the tenant (its first 8 hex digits) and the sort key. Each tenant's buckets start at
-- a multiple of 64, so a coarse bucket holds one province (two tenants sharing 8 hex digits would only share
-- buckets: still in order). Writes to the table wait while it runs (SHARE lock), searches while the index is rebuilt.
CREATE FUNCTION search_rebalance(tbl text, bucket_rows integer DEFAULT 250) RETURNS integer
  LANGUAGE plpgsql AS $fn$
DECLARE
  bounds text[] := '{}';
  r record;
  i integer;
BEGIN
  EXECUTE format('LOCK TABLE %I IN SHARE MODE', tbl);
  FOR r IN EXECUTE format($q$
      SELECT s.tenant_id, s.rn, left(s.tenant_id::text, 8) || ' ' || s.sort_key AS k,
             left(s.tenant_id::text, 8) || ' ' || (SELECT p.sort_key FROM %1$I p WHERE p.tenant_id = s.tenant_id
               AND p.sort_key COLLATE "C" < s.sort_key ORDER BY p.sort_key COLLATE "C" DESC LIMIT 1) AS prev
      FROM (SELECT tenant_id, sort_key, row_number() OVER (PARTITION BY tenant_id ORDER BY sort_key COLLATE "C", id) AS rn
            FROM %1$I) s
      WHERE s.rn %% $1 = 1 ORDER BY s.tenant_id, s.rn$q$, tbl) USING greatest(bucket_rows, 1)
  LOOP
    IF r.rn = 1 THEN
      IF cardinality(bounds) > 0 THEN
        LOOP
          bounds := bounds || left(r.tenant_id::text, 8);
          EXIT WHEN cardinality(bounds) % 64 = 0;
        END LOOP;
      END IF;
    ELSIF r.prev IS NOT NULL THEN
      i := 1;
      WHILE i <= length(r.prev) AND substr(r.prev, i, 1) = substr(r.k, i, 1) LOOP i := i + 1; END LOOP;
      bounds := bounds || left(r.k, i);
    END IF;
  END LOOP;
  SELECT coalesce(array_agg(b ORDER BY b COLLATE "C"), '{}') INTO bounds FROM unnest(bounds) AS b;
  EXECUTE format(
    'CREATE OR REPLACE FUNCTION %I(tenant_id uuid, sort_key text) RETURNS integer LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS %L',
    'search_bucket_' || tbl,
    format('BEGIN RETURN width_bucket((left(tenant_id::text, 8) || %L || sort_key) COLLATE "C", %L::text[]); END', ' ', bounds));
  -- (A bulk load may drop the index and build it afterwards, once, with the new bounds.)
  IF to_regclass(tbl || '_bucket_words') IS NOT NULL THEN
    EXECUTE format('REINDEX INDEX %I', tbl || '_bucket_words');
  END IF;
  RETURN cardinality(bounds);
END
$fn$;

-- Bounds from the rows already there, then the index, built once with them.
SELECT search_rebalance('organizations');

-- fastupdate off: a search probes this index dozens of times, and each probe would scan the whole pending list.
CREATE INDEX organizations_bucket_words ON organizations
  USING gin (search_bucket_words(search_bucket_organizations(tenant_id, sort_key), search_text)) WITH (fastupdate = off);
-- The plain syllable index is probed once per search; keep its pending list out of the way too.
ALTER INDEX organizations_words SET (fastupdate = off);
