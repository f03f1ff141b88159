/**
 * The periodic report of a plan with 200 items (10 groups of 20, one progress report each, items spread over 10
 * agencies): the time to build the DOCX and the XLSX annex of a draft from the data (plans.report `renderReport`, as
 * issuing does: the plan's items with their carriers and state, the indicator table, the registered sections, the
 * Decree 30 layout), median of the runs — plans_report_build_ms, target ≤ 1 s. Its baseline, in the same run: the
 * least such a report costs — a raw SQL read of the same 200 item rows, an administrative document rendered with one
 * table of those rows, and a one-sheet workbook of them. PGlite in memory (the embedded engine, the slower one
 * for reads on this machine). Run alone with `npx tsx bench/plans.ts`; `npm run bench` includes it
 * (BENCH_PLANS=0 skips it).
 */
import { performance } from 'node:perf_hooks';
import { openDb } from '../src/server/db/client.ts';
import { prepareDatabase } from '../src/server/modules/index.ts';
import { systemActor, type Ctx } from '../src/server/context.ts';
import { renderAdministrativeDocument } from '../src/server/modules/documents/documents.service.ts';
import { toXlsx } from '../src/server/modules/exports/exports.service.ts';
import { buildAnnex, buildPlanReport, createReport, renderReport, reportData } from '../src/server/modules/plans/plans.report.ts';
import { findReport } from '../src/server/modules/plans/plans.repo.ts';
import { createPlan } from '../src/server/modules/plans/plans.service.ts';

const ITEMS = Number(process.env.BENCH_PLAN_ITEMS ?? 200);
const RUNS = Number(process.env.BENCH_PLAN_RUNS ?? 7);

export interface PlanFigure { bench: string; engine: 'pglite'; value: number; unit: string; baseline: number }

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

export async function planReportFigures(log: (msg: string) => void = () => undefined): Promise<PlanFigure[]> {
  const h = await openDb();
  try {
    await prepareDatabase(h);
    const [tenant] = await h.query<{ id: string }>("INSERT INTO tenants (slug, name) VALUES ('bench-plans', 'Sở KH&CN đo hiệu năng') RETURNING id");
    const ctx: Ctx = { db: h.db, actor: systemActor(tenant.id) };
    const agencies = await h.query<{ id: string }>(`
      INSERT INTO agencies (tenant_id, kind, name, valid_from, search_text, sort_key)
      SELECT $1, 'department', 'Sở thử nghiệm ' || g, '2020-01-01', 'so thu nghiem ' || g, 'so thu nghiem ' || g FROM generate_series(1, 10) g
      RETURNING id`, [tenant.id]);
    const plan = await createPlan(ctx, { title: 'Kế hoạch phát triển khoa học, công nghệ và đổi mới sáng tạo (đo hiệu năng)', periodFrom: '2026-01-01', periodTo: '2030-12-31', schedule: { kind: 'half_yearly' } });
    // Rows written directly: the bench measures the report, not 200 audited inserts.
    await h.query(`INSERT INTO plan_groups (tenant_id, plan_id, position, code, title)
      SELECT $1, $2, g, g::text, 'Nhóm nhiệm vụ số ' || g FROM generate_series(0, 9) g`, [tenant.id, plan.id]);
    await h.query(`
      INSERT INTO plan_items (tenant_id, plan_id, group_id, position, code, title, responsible_agency_id, deadline, expected_output, search_text)
      SELECT $1, $2, gr.id, i, gr.position || '.' || i, 'Nhiệm vụ ' || n || ': ứng dụng tiến bộ khoa học kỹ thuật vào sản xuất nông nghiệp công nghệ cao',
             ($3::uuid[])[1 + n % 10], '2030-12-31', 'Báo cáo kết quả', 'nhiem vu ' || n
      FROM plan_groups gr CROSS JOIN generate_series(0, $4::int / 10 - 1) i CROSS JOIN LATERAL (SELECT gr.position * ($4::int / 10) + i AS n) x
      WHERE gr.plan_id = $2`, [tenant.id, plan.id, agencies.map((a) => a.id), ITEMS]);
    await h.query(`INSERT INTO plan_progress (tenant_id, item_id, period_key, status, percent, narrative, source, reported_by_name)
      SELECT tenant_id, id, '2026-H1', 'in_progress', 50, 'Đang triển khai theo kế hoạch', 'seed', 'Đo hiệu năng' FROM plan_items WHERE plan_id = $1`, [plan.id]);
    const report = await createReport(ctx, plan.id, { periodKey: '2026-H1' });
    log(`plans: ${ITEMS} items, ${RUNS} runs`);

    const meta = (await findReport(h.db, tenant.id, report.id))!;
    const build = () => renderReport(ctx, meta, { number: '1/BC-{symbol}', date: '2026-07-05' });
    const baseline = async () => {
      const rows = await h.query<{ code: string; title: string; deadline: string }>(
        'SELECT code, title, deadline::text FROM plan_items WHERE plan_id = $1 ORDER BY position', [plan.id]);
      await renderAdministrativeDocument({
        issuingAgency: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ', number: '1/BC-SKHCN', place: 'Tây Ninh', date: '2026-07-05', documentType: 'BÁO CÁO',
        body: [{ type: 'table', columns: [{ header: 'Mã' }, { header: 'Nhiệm vụ' }, { header: 'Thời hạn' }], rows: rows.map((r) => [r.code, r.title, r.deadline]) }],
        signers: [{ title: 'GIÁM ĐỐC' }],
      });
      await toXlsx({ sheetName: 'Nhiệm vụ', lang: 'vi', rows, columns: [
        { key: 'code', header: { vi: 'Mã', en: 'Code' }, type: 'text' }, { key: 'title', header: { vi: 'Nhiệm vụ', en: 'Item' }, type: 'text' },
        { key: 'deadline', header: { vi: 'Thời hạn', en: 'Deadline' }, type: 'date' },
      ] });
    };
    await build(); await baseline(); // warm-up
    const [a, b]: [number[], number[]] = [[], []];
    for (let i = 0; i < RUNS; i++) { a.push(await timed(build)); b.push(await timed(baseline)); }
    // Where the time goes (stderr): reading the data, the DOCX, the XLSX.
    const t0 = performance.now();
    const data = await reportData(ctx, meta, { number: '1/BC-{symbol}', date: '2026-07-05' });
    const t1 = performance.now();
    await renderAdministrativeDocument(buildPlanReport(data));
    const t2 = performance.now();
    await buildAnnex(data);
    log(`plans: data ${(t1 - t0).toFixed(0)} ms, docx ${(t2 - t1).toFixed(0)} ms, xlsx ${(performance.now() - t2).toFixed(0)} ms`);
    return [{ bench: 'plans_report_build_ms', engine: 'pglite', value: median(a), unit: 'ms', baseline: median(b) }];
  } finally {
    await h.close();
  }
}

if (process.argv[1]?.endsWith('plans.ts')) {
  planReportFigures((m) => process.stderr.write(`[bench] ${m}\n`))
    .then((fs) => { for (const f of fs) console.log(JSON.stringify({ ...f, ratio: Number((f.value / f.baseline).toFixed(3)) })); })
    .catch((e) => { console.error(e); process.exit(1); });
}
