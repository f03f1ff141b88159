/**
 * Sections other modules add to a plan's periodic report: a module registers a provider once, from its manifest's
 * `register()`, and every report then has a section with what it returns (the programmes, traceability and public
 * services modules add theirs; the plans module itself registers the S&T tasks figures).
 *
 *   registerReportSection('programmes', {
 *     title: 'Chương trình hỗ trợ doanh nghiệp nâng cao năng suất, chất lượng',
 *     order: 30,
 *     // Its own policy applies (ctx.actor writes the report); null or [] leaves the section out.
 *     build: async (ctx, scope) => [{ type: 'paragraph', text: `Năm ${scope.year}, đã hỗ trợ 21 doanh nghiệp …` }],
 *   });
 */
import type { Ctx } from '../../context.ts';
import type { DocBlock } from '../../../shared/schemas/documents.ts';

/** What a report is about: the plan, the period and the day its figures are read. */
export interface ReportScope {
  planId: string;
  periodKey: string;
  periodStart: string;
  periodEnd: string;
  year: number;
  /** The report's date: figures are as of this day. */
  asOf: string;
  /** The plan's own period. */
  planFrom: string;
  planTo: string;
}

export interface ReportSectionProvider {
  /** The section's heading, in Vietnamese (the report's language), without its number. */
  title: string;
  /** Sections are placed by `order`, then by key. */
  order?: number;
  build(ctx: Ctx, scope: ReportScope): Promise<DocBlock[] | null>;
}

const sections = new Map<string, ReportSectionProvider>();

export function registerReportSection(key: string, provider: ReportSectionProvider): void {
  if (!/^[a-z][a-z0-9_]{0,49}$/.test(key)) throw new Error(`report section "${key}" must be snake_case`);
  const existing = sections.get(key);
  if (existing && existing.build !== provider.build) throw new Error(`report section "${key}" is registered twice`);
  sections.set(key, provider);
}

/** Every registered section's blocks for this report, in order; sections with nothing to say are left out. */
export async function registeredSections(ctx: Ctx, scope: ReportScope): Promise<{ key: string; title: string; blocks: DocBlock[] }[]> {
  const out: { key: string; title: string; blocks: DocBlock[] }[] = [];
  const ordered = [...sections].sort(([ka, a], [kb, b]) => (a.order ?? 100) - (b.order ?? 100) || ka.localeCompare(kb));
  for (const [key, p] of ordered) { // in sequence: a provider may run several queries on one connection
    const blocks = await p.build(ctx, scope);
    if (blocks && blocks.length > 0) out.push({ key, title: p.title, blocks });
  }
  return out;
}
