/**
 * What serves a document in the policy chain: the extension point through which later modules hang their records
 * under the documents they carry out (a plan's items under the plan's decision, the tasks and support records that
 * serve an item). A module registers a provider once, from its manifest's `register()`:
 *
 *   registerDocumentServants('plan_item', {
 *     label: { vi: 'Mục kế hoạch', en: 'Plan item' },
 *     // Its own policy applies: return only what ctx.actor may read, in ctx.actor's province.
 *     servantsOf: async (ctx, documentIds) => new Map([[decisionId, [{ id: item.id, title: item.title }]]]),
 *   });
 *
 * The chain (`GET /api/legal-documents/:id/chain`) asks every provider once for all the documents it shows and puts
 * the answers in each node's `servedBy`, with the provider's type so the web links them like inbox subjects
 * (`subjectLinks` of the web module). No provider is registered yet: plans and items come with their own module.
 */
import type { Ctx } from '../../context.ts';
import type { ChainServant } from '../../../shared/schemas/legal-documents.ts';
import type { LocalizedText } from '../../../shared/schemas/common.ts';

export interface DocumentServantProvider {
  label: LocalizedText;
  /** Document id → what serves it (only what the actor may read); documents with nothing may be left out. */
  servantsOf(ctx: Ctx, documentIds: string[]): Promise<Map<string, { id: string; title: string }[]>>;
}

const providers = new Map<string, DocumentServantProvider>();

export function registerDocumentServants(type: string, provider: DocumentServantProvider): void {
  if (!/^[a-z][a-z0-9_]{0,49}$/.test(type)) throw new Error(`document servant type "${type}" must be snake_case`);
  const existing = providers.get(type);
  if (existing && existing.servantsOf !== provider.servantsOf) throw new Error(`document servant type "${type}" is registered twice`);
  providers.set(type, provider);
}

/** Every provider's answer for these documents: document id → its servants, providers in registration order. */
export async function servantsOf(ctx: Ctx, documentIds: string[]): Promise<Map<string, ChainServant[]>> {
  const out = new Map<string, ChainServant[]>();
  if (documentIds.length === 0) return out;
  for (const [type, p] of providers) { // in sequence: a provider may run several queries on one connection
    for (const [docId, items] of await p.servantsOf(ctx, documentIds)) {
      const list = out.get(docId) ?? [];
      list.push(...items.map((i) => ({ type, label: p.label, id: i.id, title: i.title })));
      out.set(docId, list);
    }
  }
  return out;
}
