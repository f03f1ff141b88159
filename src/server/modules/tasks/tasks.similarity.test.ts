import { describe, expect, it } from 'vitest';
import { similarityIndex } from './tasks.similarity.ts';
import { demoCorpus } from '../../../../bench/duplicates.ts';
import { DUPLICATE_EVAL } from '../../../../bench/duplicates.eval.ts';

describe('duplicate-proposal detector', () => {
  const index = similarityIndex(demoCorpus());

  it('puts the demo task a paraphrase retells first', () => {
    for (const c of DUPLICATE_EVAL.filter((x) => x.kind === 'paraphrase')) {
      const [first] = index.similarTo({ id: 'p', title: c.title, summary: c.summary });
      expect(c.expected, c.title).toContain(first?.id);
    }
  });

  it('names the terms shared with the match, spelled as the task spells them', () => {
    const [first] = index.similarTo({ id: 'p', title: 'Nuôi cá trê vàng thương phẩm' });
    expect(first.sharedTerms).toContain('cá trê');
    expect(first.similarity).toBeGreaterThan(0);
    expect(first.similarity).toBeLessThanOrEqual(1);
  });

  it('shows nothing for a proposal with only the common words of proposals', () => {
    expect(index.similarTo({ id: 'p', title: 'Nghiên cứu ứng dụng khoa học công nghệ trên địa bàn tỉnh' })).toEqual([]);
  });
});
