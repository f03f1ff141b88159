/** Precision and recall of the top 5 of the duplicate detector on bench/duplicates.eval.ts, over the demo tasks. */
import { DEMO_TASKS } from '../src/server/seed/tasks-data.ts';
import { similarityIndex, type SimilarityDoc } from '../src/server/modules/tasks/tasks.similarity.ts';
import { DUPLICATE_EVAL, type EvalCase } from './duplicates.eval.ts';

export function demoCorpus(): SimilarityDoc[] {
  return DEMO_TASKS.flatMap((t) => [
    { id: t.key, title: t.title, summary: t.summary, products: t.products.map((p) => p.name) },
    ...(t.reproposal ? [{ id: `${t.key}:reproposal`, title: t.reproposal.title, summary: t.reproposal.summary, products: t.products.map((p) => p.name) }] : []),
  ]);
}

export function evaluateDuplicates(cases: EvalCase[] = DUPLICATE_EVAL, k = 5) {
  const index = similarityIndex(demoCorpus());
  let shown = 0; let relevantShown = 0; let expected = 0;
  const misses: string[] = [];
  for (const c of cases) {
    const hits = index.similarTo({ id: 'proposal', title: c.title, summary: c.summary }, { limit: k }).map((h) => h.id);
    const good = hits.filter((h) => c.expected.includes(h)).length;
    shown += hits.length; relevantShown += good; expected += c.expected.length;
    if (good < c.expected.length || good < hits.length) misses.push(`${c.kind}: "${c.title}" → [${hits.join(', ')}] expected [${c.expected.join(', ')}]`);
  }
  return { cases: cases.length, precision: shown ? relevantShown / shown : 1, recall: expected ? relevantShown / expected : 1, misses };
}

if (process.argv[1]?.endsWith('duplicates.ts')) {
  const r = evaluateDuplicates();
  console.log(JSON.stringify({ cases: r.cases, precision: r.precision, recall: r.recall }));
  for (const m of r.misses) console.log(m);
}
