-- The issuing authority of a province's documents, as data. A DOST's documents (the council minutes, later its
-- reports and decisions) are headed by the DOST in force on the document's date, under the People's Committee it
-- answers to (its parent agency), dated at its place and numbered in its series. A province that absorbed another on
-- 01/07/2025 (Resolution 202/2025/QH15) keeps the absorbed province's DOST for the documents of that time: Sở KH&CN
-- Long An, under UBND tỉnh Long An, place "Long An", until 30/06/2025; Sở KH&CN Tây Ninh from 01/07/2025.
--
-- No row is marked here: which agency issued a province's documents in which years is the province's to enter. A
-- province with no issuing agency keeps the heading drawn from its tenant and province, as before.

ALTER TABLE agencies
  -- This agency is the province's DOST for the period it is in force: its name heads the documents of that period.
  ADD COLUMN issues_documents boolean NOT NULL DEFAULT false,
  -- Abbreviation in document numbers: "SKHCN" in "12/BB-SKHCN".
  ADD COLUMN document_symbol  text,
  -- Place name of the date line (Decree 30/2020, the province): "Long An, ngày 12 tháng 5 năm 2023".
  ADD COLUMN place_name       text,
  ADD CONSTRAINT agencies_issuer_heading
    CHECK (NOT issues_documents OR (document_symbol IS NOT NULL AND place_name IS NOT NULL));

CREATE INDEX agencies_issuers ON agencies (tenant_id, valid_from) WHERE issues_documents;

-- One issuing agency per province on any day. A trigger rather than an exclusion constraint (btree_gist, see
-- 0010_rules.sql); the advisory lock serialises writers of one province's issuers. The service checks first and
-- names the agency in the way; this is the guarantee.
CREATE FUNCTION agencies_issuer_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT NEW.issues_documents THEN
    RETURN NEW;
  END IF;
  PERFORM pg_advisory_xact_lock(hashtextextended('agencies/issuer/' || NEW.tenant_id::text, 0));
  IF EXISTS (
    SELECT 1 FROM agencies a
    WHERE a.tenant_id = NEW.tenant_id AND a.issues_documents AND a.id <> NEW.id
      AND a.valid_from <= coalesce(NEW.valid_to, 'infinity'::date)
      AND NEW.valid_from <= coalesce(a.valid_to, 'infinity'::date)
  ) THEN
    RAISE EXCEPTION 'agencies: two agencies issuing the documents of one province on the same day'
      USING ERRCODE = 'exclusion_violation', CONSTRAINT = 'agencies_one_issuer';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER agencies_issuer_guard BEFORE INSERT OR UPDATE ON agencies
  FOR EACH ROW EXECUTE FUNCTION agencies_issuer_guard();
