/**
 * The demo documents: every number is written as the seed articles cite it (extractLegalRefs over the articles finds
 * it with the same date), every relation finds both ends, and the chains of issue 12 can be walked.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractLegalRefs, legalNumberKey } from '../../lib/vi/legal-refs.ts';
import { buildTenant, testEnv, type TestEnv } from '../testing/harness.ts';
import { systemActor } from '../context.ts';
import { legalDocumentByNumber, policyChain } from '../modules/legal-documents/legal-documents.service.ts';
import { DEMO_LEGAL_DOCUMENTS } from './legal-documents-data.ts';
import { seedDemoLegalDocuments } from './legal-documents.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SEEDS = path.resolve(ROOT, 'test/fixtures/seeds');

let env: TestEnv;
const tenantIds = new Map<string, string>();

beforeAll(async () => {
  env = await testEnv();
  for (const slug of ['tay-ninh', 'lang-son', 'an-giang']) tenantIds.set(slug, (await buildTenant(env.h, slug)).id);
  await env.h.db.transaction((tx) => seedDemoLegalDocuments({ db: tx, tenantIds }));
});
afterAll(() => env.close());

const ctx = (slug: string) => ({ db: env.h.db, actor: systemActor(tenantIds.get(slug)!) });

describe('demo legal documents', () => {
  it.skipIf(!existsSync(SEEDS))('cite the numbers and dates the seed articles state', () => {
    const cited = new Map<string, string | null>();
    for (const f of readdirSync(SEEDS).filter((x) => x.endsWith('.txt'))) {
      for (const r of extractLegalRefs(readFileSync(path.join(SEEDS, f), 'utf8'))) cited.set(legalNumberKey(r.number), r.date);
    }
    for (const d of DEMO_LEGAL_DOCUMENTS) {
      expect(cited.has(legalNumberKey(d.number)), d.number).toBe(true);
      expect(cited.get(legalNumberKey(d.number)), d.number).toBe(d.issuedOn);
    }
  });

  it('hang Chương trình 16-CTr/TU and Kế hoạch 98/KH-UBND under Nghị quyết 05-NQ/TW in Tây Ninh only', async () => {
    const resolution = (await legalDocumentByNumber(ctx('tay-ninh'), '05-NQ/TW'))!;
    const chain = await policyChain(ctx('tay-ninh'), resolution.id, 6);
    expect(chain.down.map((x) => [x.depth, x.document.number])).toEqual([[1, '16-CTr/TU'], [2, '98/KH-UBND']]);
    expect((await policyChain(ctx('lang-son'), resolution.id, 6)).down).toEqual([]);
    const conclusion = (await legalDocumentByNumber(ctx('tay-ninh'), '69-KL/TW'))!;
    const kl = await policyChain(ctx('tay-ninh'), conclusion.id, 6);
    expect(kl.down.map((x) => x.document.number)).toEqual(['54-CTr/TU']);
    expect(kl.up.map((x) => x.document.number)).toEqual(['20-NQ/TW']);
  });
});
