-- Legal documents (văn bản): the registry of the documents plans, rules and tasks cite, and the relations between
-- them (a programme implements a resolution, a circular amends another…).
--
-- tenant_id NULL is a national document (a Party resolution, a law, a decree, a ministry's circular): one row that
-- every province reads, written by administrators; a province's own documents (its Party committee's programmes,
-- the People's Committee's plans and decisions, the DOST's letters) carry its tenant. The same convention as
-- rule_versions' national defaults. The number/symbol is unique per scope, compared by number_key: the number with
-- the spaces around "-" and "/" removed, upper case, Đ as D — exactly how extractLegalRefs compares numbers — so
-- "16-Ctr/TU" and "16-CTr/TU" are one document. Two provinces may each have their own 98/KH-UBND.
CREATE TABLE legal_documents (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id      uuid REFERENCES tenants(id),
  number         text NOT NULL CHECK (number <> '' AND length(number) <= 80),
  number_key     text NOT NULL,
  doc_type       text NOT NULL CHECK (doc_type ~ '^[a-z][a-z_]{0,39}$'),
  issuer         text,
  issued_on      date,
  title          text NOT NULL,
  effective_from date,
  effective_to   date,
  note           text,
  search_text    text NOT NULL,
  sort_key       text NOT NULL,
  version        integer NOT NULL DEFAULT 1,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  CHECK (effective_to IS NULL OR effective_from IS NULL OR effective_to >= effective_from)
);
CREATE UNIQUE INDEX legal_documents_national_number ON legal_documents (number_key) WHERE tenant_id IS NULL;
CREATE UNIQUE INDEX legal_documents_province_number ON legal_documents (tenant_id, number_key) WHERE tenant_id IS NOT NULL;
CREATE INDEX legal_documents_words ON legal_documents USING gin (to_tsvector('simple'::regconfig, search_text));
CREATE INDEX legal_documents_by_name ON legal_documents (tenant_id, (sort_key COLLATE "C"), id);

-- "from_id <kind> to_id": 98/KH-UBND implements 16-CTr/TU; Decree 267/2025/NĐ-CP implements Law 93/2025/QH15;
-- 20/2023/TT-BKHCN amends 08/2017/TT-BKHCN; 93/2025/QH15 replaces 29/2013/QH13. The inverse ("implemented by",
-- "amended by") is the same row read from the other side. A relation belongs to the province of whichever end is a
-- province's document (both national: a national relation), so it is never stored twice and a province sees only
-- relations whose two ends it can read. Deleting a document removes its relations (the service first refuses when
-- another province's documents relate to a national one).
CREATE TABLE legal_document_relations (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  from_id     uuid NOT NULL REFERENCES legal_documents(id) ON DELETE CASCADE,
  to_id       uuid NOT NULL REFERENCES legal_documents(id) ON DELETE CASCADE,
  kind        text NOT NULL CHECK (kind IN ('implements', 'based_on', 'amends', 'replaces')),
  created_at  timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT legal_document_relations_not_self CHECK (from_id <> to_id),
  CONSTRAINT legal_document_relations_unique UNIQUE (from_id, to_id, kind)
);
CREATE INDEX legal_document_relations_to ON legal_document_relations (to_id, kind);
