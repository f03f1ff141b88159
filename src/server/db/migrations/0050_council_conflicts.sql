-- Issue 10: councils as a DOST runs them.

-- 1. A member's answer on conflicts of interest has three states: not answered yet, declared no conflict, declared a
--    conflict. Until now "no conflict" and "not answered" were the same false. Existing rows: a declared conflict is
--    'declared'; a row with a declaration time and no conflict is 'none' (0012's check allowed none, but a restored
--    row is taken as it comes); the rest were never answered. conflict_declared stays (the sitting's rules read it)
--    and must agree with the status; declared_at now dates either answer, so 0012's check (declared_at only with a
--    conflict; PostgreSQL named it council_members_check on both engines) gives way to one tying it to the status.
ALTER TABLE council_members ADD COLUMN conflict_status text NOT NULL DEFAULT 'unanswered'
  CONSTRAINT council_members_conflict_status CHECK (conflict_status IN ('unanswered', 'none', 'declared'));
UPDATE council_members SET conflict_status = CASE
  WHEN conflict_declared THEN 'declared'
  WHEN declared_at IS NOT NULL THEN 'none'
  ELSE 'unanswered'
END;
ALTER TABLE council_members DROP CONSTRAINT council_members_check;
ALTER TABLE council_members ADD CONSTRAINT council_members_conflict_agrees
  CHECK (conflict_declared = (conflict_status = 'declared'));
ALTER TABLE council_members ADD CONSTRAINT council_members_answer_dated
  CHECK ((conflict_status = 'unanswered') = (declared_at IS NULL));

-- 2. The national pass rule shipped for the 2013-law regime cited, after its own basis, the acceptance ratings
--    ("…; xếp loại nghiệm thu Xuất sắc / Đạt / Không đạt"), so identification and selection councils ended their
--    pass-rule citation with ratings that belong to acceptance councils only (whose ratings are cited by their kind's
--    rule, council.kind.acceptance). The citation of that one national row is corrected to the text the councils
--    module now ships; its value and period are unchanged, so no council's result changes, and councils that froze
--    the old text keep it (their minutes are history). Like 0042, this is a sanctioned rewrite of a stored rule
--    version, with the guard trigger off inside this migration and recorded in the audit log; a row whose citation
--    differs (edited elsewhere) is left as it is.
ALTER TABLE rule_versions DISABLE TRIGGER rule_versions_guard;

WITH changed AS (
  UPDATE rule_versions SET legal_basis = 'Thông tư 08/2017/TT-BKHCN (điều kiện được đề nghị)'
  WHERE tenant_id IS NULL AND key = 'council.pass_rule' AND effective_from = DATE '2017-08-10'
    AND legal_basis = 'Thông tư 08/2017/TT-BKHCN (điều kiện được đề nghị); xếp loại nghiệm thu Xuất sắc / Đạt / Không đạt'
  RETURNING id, tenant_id
)
INSERT INTO audit_log (tenant_id, action, entity, entity_id, after)
SELECT tenant_id, 'migrate', 'rule_version', id::text,
  jsonb_build_object('migration', '0050_council_conflicts.sql', 'changed', 'legal basis: acceptance ratings no longer cited by the scoring pass rule')
FROM changed;

ALTER TABLE rule_versions ENABLE TRIGGER rule_versions_guard;
