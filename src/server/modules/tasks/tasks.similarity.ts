/**
 * Duplicate-proposal detection, pure: which existing tasks say the same thing as a proposal.
 *
 * Terms are the syllables of the search index (`fold()` of each word, so `Cá trê` and `ca tre` are one term) and
 * the pairs of adjacent syllables (Vietnamese words are mostly two syllables: `cá trê`, `bơm nhiệt`, `năng lượng`).
 * Documents are a task's title (counted twice: it is what a proposal is about), its summary (objectives) and its
 * product names. Weights are TF-IDF with a sublinear term frequency (1 + ln tf) and a smoothed IDF over the corpus
 * the caller may compare with; the similarity is the cosine of the two weight vectors (0..1, symmetric), which,
 * unlike a raw BM25 score, is a figure a council can read ("72 % similar") and compare across proposals.
 * Function words and the boilerplate of every proposal (`nghiên cứu`, `ứng dụng`, `trên địa bàn`…) are dropped
 * before weighting, since a provincial corpus of a few hundred tasks is too small for IDF alone to silence them.
 */
import { fold } from '../../../lib/vi/fold.ts';

export interface SimilarityDoc { id: string; title: string; summary?: string | null; products?: string[] }
export interface SimilarityHit { id: string; similarity: number; sharedTerms: string[] }

/** Folded syllables that carry no topic in a task title or summary. */
const STOP = new Set((
  'va cua cho cac tai tren nham bang voi de duoc theo trong cua mot nhung la co khong tu den ve hoac nay do khi '
  + 'nghien cuu ung dung xay dung trien khai thuc hien ho tro nang cao phuc vu phu hop ket qua bao cao tong hop '
  + 'dia ban tinh huyen xa thanh pho de tai du an nhiem vu khoa hoc cong nghe kh cn mo hinh quy trinh ky thuat '
  + 'san pham tap huan giai doan dong thoi su dung ap dung chu dong'
).split(' '));

const WORD = /[\p{L}\p{N}]+/gu;

interface Terms { tf: Map<string, number>; display: Map<string, string> }

/** Syllables and adjacent pairs of a text, folded, with the first spelling seen for display. */
function addTerms(t: Terms, text: string | null | undefined, times = 1) {
  if (!text) return;
  const words = (text.normalize('NFC').match(WORD) ?? []).map((w) => ({ exact: w.toLowerCase(), folded: fold(w) }));
  const add = (key: string, shown: string) => {
    t.tf.set(key, (t.tf.get(key) ?? 0) + times);
    if (!t.display.has(key)) t.display.set(key, shown);
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (!STOP.has(w.folded) && w.folded.length > 1) add(w.folded, w.exact);
    const n = words[i + 1];
    if (n && !(STOP.has(w.folded) && STOP.has(n.folded))) add(`${w.folded} ${n.folded}`, `${w.exact} ${n.exact}`);
  }
}

function termsOf(d: SimilarityDoc): Terms {
  const t: Terms = { tf: new Map(), display: new Map() };
  addTerms(t, d.title, 2);
  addTerms(t, d.summary);
  for (const p of d.products ?? []) addTerms(t, p);
  return t;
}

/** A corpus prepared once: IDF of every term and each document's weight vector. */
export function similarityIndex(corpus: SimilarityDoc[]) {
  const docs = corpus.map((d) => ({ id: d.id, terms: termsOf(d) }));
  const df = new Map<string, number>();
  for (const d of docs) for (const k of d.terms.tf.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  const n = docs.length;
  const idf = (k: string) => Math.log((n + 1) / ((df.get(k) ?? 0) + 1)) + 1;
  const vector = (t: Terms) => {
    const v = new Map<string, number>();
    let norm = 0;
    for (const [k, tf] of t.tf) {
      const w = (1 + Math.log(tf)) * idf(k);
      v.set(k, w);
      norm += w * w;
    }
    return { v, norm: Math.sqrt(norm) };
  };
  const vectors = docs.map((d) => ({ id: d.id, display: d.terms.display, ...vector(d.terms) }));

  /** The most similar documents to a proposal, best first, at least `minSimilarity`, at most `limit`. */
  function similarTo(q: SimilarityDoc, o: { limit?: number; minSimilarity?: number; excludeIds?: string[] } = {}): SimilarityHit[] {
    const qt = termsOf(q);
    const qv = vector(qt);
    if (qv.norm === 0) return [];
    const exclude = new Set(o.excludeIds ?? []);
    const hits: SimilarityHit[] = [];
    for (const d of vectors) {
      if (exclude.has(d.id) || d.norm === 0) continue;
      const shared: { k: string; c: number }[] = [];
      let dot = 0;
      for (const [k, w] of qv.v) {
        const dw = d.v.get(k);
        if (dw === undefined) continue;
        dot += w * dw;
        shared.push({ k, c: w * dw });
      }
      const similarity = dot / (qv.norm * d.norm);
      if (similarity < (o.minSimilarity ?? 0.12)) continue;
      hits.push({ id: d.id, similarity: Math.round(similarity * 1000) / 1000, sharedTerms: sharedTerms(shared, d.display) });
    }
    hits.sort((a, b) => b.similarity - a.similarity || a.id.localeCompare(b.id));
    return hits.slice(0, o.limit ?? 5);
  }
  return { similarTo, size: n };
}

/** The terms that weigh most in the match, as the existing task spells them; a pair hides its own syllables. */
function sharedTerms(shared: { k: string; c: number }[], display: Map<string, string>, max = 6): string[] {
  shared.sort((a, b) => b.c - a.c);
  const out: string[] = [];
  const covered = new Set<string>();
  for (const { k } of shared) {
    if (out.length >= max) break;
    const parts = k.split(' ');
    if (parts.length === 1 && covered.has(k)) continue;
    if (parts.length === 2 && (STOP.has(parts[0]) || STOP.has(parts[1]))) continue;
    out.push(display.get(k) ?? k);
    for (const p of parts) covered.add(p);
  }
  return out;
}
