/**
 * Demo legal documents: each province's own documents the seed articles cite, written through the service as the
 * province's system author (the national ones come from the module's reference loader), and the relations the
 * articles state, so the policy chains Nghị quyết 05-NQ/TW → Chương trình 16-CTr/TU → Kế hoạch 98/KH-UBND and Kết
 * luận 69-KL/TW → Chương trình 54-CTr/TU are there to walk. Called by seedDemo inside its transaction.
 */
import type { Ctx, Tx } from '../context.ts';
import { LegalDocumentInput } from '../../shared/schemas/legal-documents.ts';
import { addRelation, createLegalDocument, legalDocumentByNumber } from '../modules/legal-documents/legal-documents.service.ts';
import { systemActor } from './actors.ts';
import { DEMO_LEGAL_DOCUMENTS, DEMO_LEGAL_RELATIONS } from './legal-documents-data.ts';

export async function seedDemoLegalDocuments(o: { db: Tx; tenantIds: Map<string, string> }): Promise<{ documents: number; relations: number }> {
  const ctxOf = (tenant: string): Ctx => {
    const tenantId = o.tenantIds.get(tenant);
    if (!tenantId) throw new Error(`demo legal documents: no tenant ${tenant}`);
    return { db: o.db as unknown as Ctx['db'], actor: systemActor(tenantId) };
  };
  for (const { tenant, ...d } of DEMO_LEGAL_DOCUMENTS) {
    await createLegalDocument(ctxOf(tenant), LegalDocumentInput.parse({ ...d, national: false }));
  }
  for (const [tenant, from, kind, to] of DEMO_LEGAL_RELATIONS) {
    const ctx = ctxOf(tenant);
    const [a, b] = [await legalDocumentByNumber(ctx, from), await legalDocumentByNumber(ctx, to)];
    if (!a || !b) throw new Error(`demo legal documents: ${!a ? from : to} is not in the register of ${tenant}`);
    await addRelation(ctx, a.id, { kind, targetId: b.id });
  }
  return { documents: DEMO_LEGAL_DOCUMENTS.length, relations: DEMO_LEGAL_RELATIONS.length };
}
