/**
 * Migration 0050 on rows written before it: each member's conflict answer gets its state (declared / not answered),
 * nothing is lost, and the national pass rule stops citing the acceptance ratings, with an audit entry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, migrationFiles } from '../../db/migrate.ts';
import { openEmptyDb, type ScratchDb } from '../../testing/harness.ts';

const MIGRATION = '0050_council_conflicts.sql';
const OLD_BASIS = 'Thông tư 08/2017/TT-BKHCN (điều kiện được đề nghị); xếp loại nghiệm thu Xuất sắc / Đạt / Không đạt';
let h: ScratchDb;
let ids: { declared: string; unanswered: string; council: string; people: string[] };

beforeAll(async () => {
  h = await openEmptyDb();
  const files = await migrationFiles();
  await migrate(h, { upTo: files[files.indexOf(MIGRATION) - 1] });
  const [tenant] = await h.query<{ id: string }>(`INSERT INTO tenants (slug, name) VALUES ('mig-0050', 'Sở KH&CN thử nghiệm') RETURNING id`);
  const people = await h.query<{ id: string }>(
    `INSERT INTO people (tenant_id, full_name, search_text, sort_key) VALUES ($1, 'An', 'an', 'an'), ($1, 'Bình', 'binh', 'binh'), ($1, 'Cường', 'cuong', 'cuong') RETURNING id`,
    [tenant.id]);
  const [council] = await h.query<{ id: string }>(
    `INSERT INTO councils (tenant_id, subject_type, subject_id, kind, evaluation, name, rules, search_text, sort_key)
     VALUES ($1, 'task', gen_random_uuid(), 'selection', 'scoring', 'Hội đồng cũ', '{}'::jsonb, 'hoi dong cu', 'hoi dong cu') RETURNING id`, [tenant.id]);
  const [declared] = await h.query<{ id: string }>(
    `INSERT INTO council_members (council_id, tenant_id, person_id, role, conflict_declared, conflict_note, declared_at)
     VALUES ($1, $2, $3, 'member', true, 'Cổ đông của tổ chức chủ trì', now()) RETURNING id`, [council.id, tenant.id, people[0].id]);
  const [unanswered] = await h.query<{ id: string }>(
    `INSERT INTO council_members (council_id, tenant_id, person_id, role) VALUES ($1, $2, $3, 'chair') RETURNING id`, [council.id, tenant.id, people[1].id]);
  await h.query(`INSERT INTO rule_versions (key, effective_from, legal_basis, value) VALUES ('council.pass_rule', '2017-08-10', $1, $2::jsonb)`,
    [OLD_BASIS, JSON.stringify({ minAverage: 70, maxZeroShare: { numerator: 1, denominator: 3 } })]);
  ids = { declared: declared.id, unanswered: unanswered.id, council: council.id, people: people.map((p) => p.id) };
  await migrate(h);
});
afterAll(() => h?.close());

describe('migration 0050', () => {
  it('gives each member its conflict answer: declared stays declared with its note, the rest not answered', async () => {
    const rows = await h.query<{ id: string; conflict_status: string; conflict_declared: boolean; conflict_note: string | null }>(
      'SELECT id, conflict_status, conflict_declared, conflict_note FROM council_members ORDER BY role');
    expect(rows).toEqual([
      { id: ids.unanswered, conflict_status: 'unanswered', conflict_declared: false, conflict_note: null },
      { id: ids.declared, conflict_status: 'declared', conflict_declared: true, conflict_note: 'Cổ đông của tổ chức chủ trì' },
    ]);
  });

  it('keeps "no conflict" dated and apart from "not answered", and the boolean in step with the state', async () => {
    const insert = (status: string, declared: boolean, dated: boolean) => h.query(
      `INSERT INTO council_members (council_id, tenant_id, person_id, role, conflict_status, conflict_declared, declared_at)
       SELECT $1, tenant_id, $2, 'member', $3, $4, CASE WHEN $5 THEN now() END FROM councils WHERE id = $1`,
      [ids.council, ids.people[2], status, declared, dated]);
    await expect(insert('none', false, false)).rejects.toThrow(/council_members_answer_dated/);
    await expect(insert('none', true, true)).rejects.toThrow(/council_members_conflict_agrees/);
    await expect(insert('maybe', false, true)).rejects.toThrow(/council_members_conflict_status/);
    await insert('none', false, true);
  });

  it('corrects the national pass rule\'s citation, value and period unchanged, and records it', async () => {
    const [rule] = await h.query<{ id: string; legal_basis: string; value: unknown }>(
      `SELECT id, legal_basis, value FROM rule_versions WHERE key = 'council.pass_rule' AND tenant_id IS NULL`);
    expect(rule.legal_basis).toBe('Thông tư 08/2017/TT-BKHCN (điều kiện được đề nghị)');
    expect(rule.value).toEqual({ minAverage: 70, maxZeroShare: { numerator: 1, denominator: 3 } });
    const audit = await h.query<{ action: string; after: { migration: string } }>(
      `SELECT action, after FROM audit_log WHERE entity = 'rule_version' AND entity_id = $1`, [rule.id]);
    expect(audit).toEqual([{ action: 'migrate', after: expect.objectContaining({ migration: MIGRATION }) }]);
    // The guard is back: versions are not rewritten outside a migration.
    await expect(h.query(`UPDATE rule_versions SET legal_basis = 'x' WHERE id = $1`, [rule.id])).rejects.toThrow(/rule_versions/);
  });
});
