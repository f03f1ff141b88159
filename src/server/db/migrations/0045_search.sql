-- Whole-syllable search (db/search.ts): every list's folded search_text is matched through a GIN index on its
-- `simple` text-search vector, which finds whole syllables and syllable prefixes (`co & kh:*`) on both engines
-- with no extension. The expression must stay exactly as db/search.ts writes it. The trigram indexes of the
-- lists go: no query uses LIKE on search_text any more (admin_units keeps its own, which its loader relies on).
CREATE INDEX organizations_words ON organizations USING gin (to_tsvector('simple'::regconfig, search_text));
CREATE INDEX people_words ON people USING gin (to_tsvector('simple'::regconfig, search_text));
CREATE INDEX tasks_words ON tasks USING gin (to_tsvector('simple'::regconfig, search_text));
CREATE INDEX agencies_words ON agencies USING gin (to_tsvector('simple'::regconfig, search_text));
CREATE INDEX councils_words ON councils USING gin (to_tsvector('simple'::regconfig, search_text));
CREATE INDEX admin_units_words ON admin_units USING gin (to_tsvector('simple'::regconfig, search_text));
DROP INDEX IF EXISTS organizations_search;
DROP INDEX IF EXISTS people_search;
DROP INDEX IF EXISTS tasks_search;
DROP INDEX IF EXISTS councils_search;
