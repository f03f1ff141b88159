/**
 * The legal-document register through the real app and database: versioned writes and their policy, numbers unique
 * per scope (compared as extractLegalRefs compares them), relations both ways, the policy chain (recursive, bounded,
 * cycle-safe) and the references a pasted text cites matched to the register.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant, testEnv, type AuthHeaders, type TestEnv } from '../../testing/harness.ts';
import { loadNationalLegalDocuments } from './legal-documents.service.ts';

let env: TestEnv;
let officer: AuthHeaders;
let admin: AuthHeaders;
let applicant: AuthHeaders;
let otherOfficer: AuthHeaders;
let n = 0;

beforeAll(async () => {
  env = await testEnv();
  officer = await env.as('dost_officer');
  admin = await env.as('admin');
  applicant = await env.as('applicant');
  const other = await buildTenant(env.h, 'Sở KH&CN tỉnh khác');
  otherOfficer = await env.as('dost_officer', { tenantId: other.id });
});
afterAll(() => env.close());

type Doc = { id: string; number: string; version: number; national: boolean; title: string; docType: string };

const send = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, headers: AuthHeaders, payload?: object) =>
  env.app.inject({ method, url, headers, payload });

/** A number no other test uses: `<n>/KH-UBND` by default. */
const fresh = (symbol = 'KH-UBND') => `${7000 + n++}/${symbol}`;

async function create(o: Record<string, unknown> = {}, headers = officer): Promise<Doc> {
  const res = await send('POST', '/api/legal-documents', headers, {
    number: fresh(), docType: 'plan', title: 'Kế hoạch triển khai thực hiện chương trình', issuer: 'UBND tỉnh', issuedOn: '2017-07-12', ...o,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function national(number: string): Promise<Doc> {
  const res = await send('GET', `/api/legal-documents?scope=national&q=${encodeURIComponent(number)}&limit=50`, officer);
  const found = (res.json().items as Doc[]).find((d) => d.number === number);
  expect(found, number).toBeDefined();
  return found!;
}

const relate = (from: string, kind: string, to: string, headers = officer) =>
  send('POST', `/api/legal-documents/${from}/relations`, headers, { kind, targetId: to });

async function related(from: string, kind: string, to: string) {
  const res = await relate(from, kind, to);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('the register', () => {
  it('writes a number as extractLegalRefs does (spaces around - and / removed) and reads the record back', async () => {
    const num = 7900 + n++;
    const doc = await create({ number: ` ${num} / KH – UBND ` });
    expect(doc).toMatchObject({ number: `${num}/KH-UBND`, national: false, docType: 'plan', issuedOn: '2017-07-12', version: 1 });
    const got = await send('GET', `/api/legal-documents/${doc.id}`, applicant);
    expect(got.statusCode).toBe(200);
    expect(got.json()).toMatchObject({ id: doc.id, number: `${num}/KH-UBND`, relations: [] });
  });

  it('updates with the version read, and answers a stale version with 409', async () => {
    const doc = await create();
    const body = { number: doc.number, docType: 'plan', title: 'Kế hoạch đã sửa tên', version: doc.version };
    const ok = await send('PUT', `/api/legal-documents/${doc.id}`, officer, body);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ title: 'Kế hoạch đã sửa tên', version: 2 });
    const stale = await send('PUT', `/api/legal-documents/${doc.id}`, officer, { ...body, title: 'Lần nữa' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'common.version_conflict', details: { current: 2, sent: 1 } });
  });

  it('refuses invalid input naming the fields', async () => {
    const res = await send('POST', '/api/legal-documents', officer, {
      number: 'KH-UBND', docType: 'memo', title: '', effectiveFrom: '2024-05-01', effectiveTo: '2024-01-01',
    });
    expect(res.statusCode).toBe(400);
    const paths = (res.json().details as { path: string }[]).map((d) => d.path).sort();
    expect(paths).toEqual(expect.arrayContaining(['body.number', 'body.docType', 'body.title']));
    const dates = await send('POST', '/api/legal-documents', officer, {
      number: fresh(), docType: 'plan', title: 'Kế hoạch', effectiveFrom: '2024-05-01', effectiveTo: '2024-01-01',
    });
    expect(dates.statusCode).toBe(400);
    expect(dates.json().details).toMatchObject([{ path: 'body.effectiveTo' }]);
  });

  it('finds a document by words typed without diacritics and by its number, and filters by type, year, scope and issuer', async () => {
    const doc = await create({ title: 'Kế hoạch phát triển thị trường công nghệ vùng Đồng Tháp Mười', issuer: 'Sở KH&CN thử nghiệm', issuedOn: '2019-03-04' });
    const ids = async (query: string) => ((await send('GET', `/api/legal-documents?${query}`, officer)).json().items as Doc[]).map((d) => d.id);
    expect(await ids(`q=${encodeURIComponent('dong thap muoi')}`)).toContain(doc.id);
    expect(await ids(`q=${encodeURIComponent(doc.number)}`)).toContain(doc.id);
    expect(await ids(`q=${encodeURIComponent('dong thap muoi')}&docType=decision`)).not.toContain(doc.id);
    expect(await ids(`q=${encodeURIComponent('dong thap muoi')}&year=2019&scope=province`)).toContain(doc.id);
    expect(await ids(`q=${encodeURIComponent('dong thap muoi')}&year=2020`)).not.toContain(doc.id);
    expect(await ids(`q=${encodeURIComponent('dong thap muoi')}&scope=national`)).not.toContain(doc.id);
    expect(await ids(`issuer=${encodeURIComponent('Sở KH&CN thử nghiệm')}`)).toEqual([doc.id]);
    const issuers = (await send('GET', '/api/legal-documents/issuers', officer)).json().items as string[];
    expect(issuers).toEqual(expect.arrayContaining(['Sở KH&CN thử nghiệm', 'Quốc hội']));
  });

  it('ships the national documents, read by every province, and loads them again without duplicates', async () => {
    const law = await national('93/2025/QH15');
    expect(law).toMatchObject({ national: true, docType: 'law', title: 'Luật Khoa học, công nghệ và đổi mới sáng tạo', effectiveFrom: '2025-10-01' });
    expect((await send('GET', `/api/legal-documents/${law.id}`, otherOfficer)).statusCode).toBe(200);
    const count = async () => (await env.h.query<{ n: number }>('SELECT count(*)::int AS n FROM legal_documents WHERE tenant_id IS NULL'))[0].n;
    const relations = async () => (await env.h.query<{ n: number }>('SELECT count(*)::int AS n FROM legal_document_relations'))[0].n;
    const before = [await count(), await relations()];
    await loadNationalLegalDocuments(env.h);
    expect([await count(), await relations()]).toEqual(before);
  });
});

describe('who may write', () => {
  it('lets officers keep their province\'s documents and only administrators the national ones', async () => {
    const refused = await send('POST', '/api/legal-documents', officer, { number: fresh('NQ-CP'), docType: 'resolution', title: 'Nghị quyết', national: true });
    expect(refused.statusCode).toBe(403);
    const doc = await create({ number: fresh('NQ-CP'), docType: 'resolution', national: true }, admin);
    expect(doc.national).toBe(true);
    const edit = await send('PUT', `/api/legal-documents/${doc.id}`, officer, { number: doc.number, docType: 'resolution', title: 'Sửa', version: 1 });
    expect(edit.statusCode).toBe(403);
    // Another province's administrator reads it and may keep it too: it is national.
    expect((await send('GET', `/api/legal-documents/${doc.id}`, otherOfficer)).json()).toMatchObject({ national: true });
  });

  it('lets an applicant read but not write, and hides a province\'s documents from another province (404)', async () => {
    const doc = await create();
    expect((await send('GET', `/api/legal-documents/${doc.id}`, applicant)).statusCode).toBe(200);
    expect((await send('POST', '/api/legal-documents', applicant, { number: fresh(), docType: 'plan', title: 'Kế hoạch' })).statusCode).toBe(403);
    expect((await send('PUT', `/api/legal-documents/${doc.id}`, applicant, { number: doc.number, docType: 'plan', title: 'X', version: 1 })).statusCode).toBe(403);
    expect((await send('GET', `/api/legal-documents/${doc.id}`, otherOfficer)).statusCode).toBe(404);
    expect((await send('PUT', `/api/legal-documents/${doc.id}`, otherOfficer, { number: doc.number, docType: 'plan', title: 'X', version: 1 })).statusCode).toBe(404);
    expect((await send('DELETE', `/api/legal-documents/${doc.id}?version=1`, otherOfficer)).statusCode).toBe(404);
    const list = (await send('GET', `/api/legal-documents?q=${encodeURIComponent(doc.number)}`, otherOfficer)).json().items as Doc[];
    expect(list.map((d) => d.id)).not.toContain(doc.id);
  });
});

describe('numbers', () => {
  it('are unique in a province, compared without case and spaces (409 naming the number)', async () => {
    const num = 7950 + n++;
    await create({ number: `${num}/KH-UBND` });
    const dup = await send('POST', '/api/legal-documents', officer, { number: `${num} / kh - ubnd`, docType: 'plan', title: 'Trùng số' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'common.duplicate', details: [{ path: 'body.number', code: 'duplicate' }] });
    expect(dup.json().message).toContain('Số, ký hiệu');
  });

  it('may repeat in another province (each has its own 98/KH-UBND)', async () => {
    const doc = await create();
    const theirs = await create({ number: doc.number }, otherOfficer);
    expect(theirs.id).not.toBe(doc.id);
  });

  it('may not repeat a national number in a province, nor a province\'s number nationally', async () => {
    const res = await send('POST', '/api/legal-documents', officer, { number: '05-nq/tw', docType: 'resolution', title: 'Bản sao' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'legal_document.number_is_national', details: [{ path: 'body.number' }] });
    const own = await create();
    const nat = await send('POST', '/api/legal-documents', admin, { number: own.number, docType: 'plan', title: 'Trung ương', national: true });
    expect(nat.statusCode).toBe(409);
    expect(nat.json().code).toBe('legal_document.number_in_province');
  });
});

describe('relations', () => {
  it('relates two documents and shows the inverse on the other side', async () => {
    const programme = await create({ number: fresh('CTr/TU'), docType: 'programme' });
    const plan = await create();
    const detail = await related(plan.id, 'implements', programme.id);
    expect(detail.relations).toMatchObject([{ kind: 'implements', direction: 'outgoing', document: { id: programme.id, number: programme.number } }]);
    const other = (await send('GET', `/api/legal-documents/${programme.id}`, officer)).json();
    expect(other.relations).toMatchObject([{ kind: 'implements', direction: 'incoming', document: { id: plan.id } }]);
  });

  it('refuses a relation to itself, a duplicate, an unknown or another province\'s target', async () => {
    const a = await create();
    const b = await create();
    const self = await relate(a.id, 'amends', a.id);
    expect(self.statusCode).toBe(400);
    expect(self.json().details).toMatchObject([{ path: 'body.targetId', code: 'self_relation' }]);
    await related(a.id, 'amends', b.id);
    const dup = await relate(a.id, 'amends', b.id);
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('legal_document.duplicate_relation');
    expect((await relate(a.id, 'replaces', b.id)).statusCode).toBe(201); // another kind is another relation
    const theirs = await create({}, otherOfficer);
    const hidden = await relate(a.id, 'based_on', theirs.id);
    expect(hidden.statusCode).toBe(400);
    expect(hidden.json().details).toMatchObject([{ path: 'body.targetId', code: 'unknown_reference' }]);
  });

  it('lets only administrators relate two national documents; an officer relates the province\'s to a national one', async () => {
    const law = await national('93/2025/QH15');
    const decree = await national('30/2020/NĐ-CP');
    expect((await relate(decree.id, 'based_on', law.id)).statusCode).toBe(403);
    const plan = await create();
    expect((await relate(plan.id, 'based_on', law.id)).statusCode).toBe(201);
    expect((await relate(plan.id, 'based_on', decree.id, applicant)).statusCode).toBe(403);
  });

  it('removes a relation from either side, and deleting a document removes its relations', async () => {
    const a = await create();
    const b = await create();
    const c = await create();
    const rel = (await related(a.id, 'implements', b.id)).relations[0];
    expect((await send('DELETE', `/api/legal-documents/${b.id}/relations/${rel.id}`, officer)).statusCode).toBe(204);
    expect((await send('GET', `/api/legal-documents/${a.id}`, officer)).json().relations).toEqual([]);
    await related(a.id, 'implements', c.id);
    expect((await send('DELETE', `/api/legal-documents/${c.id}?version=1`, officer)).statusCode).toBe(204);
    expect((await send('GET', `/api/legal-documents/${a.id}`, officer)).json().relations).toEqual([]);
  });

  it('keeps a national document that another province\'s documents relate to (409)', async () => {
    const doc = await create({ number: fresh('QĐ-TTg'), docType: 'decision', national: true }, admin);
    const theirs = await create({}, otherOfficer);
    expect((await relate(theirs.id, 'implements', doc.id, otherOfficer)).statusCode).toBe(201);
    const res = await send('DELETE', `/api/legal-documents/${doc.id}?version=1`, admin);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('legal_document.used_by_other_provinces');
  });
});

describe('the policy chain', () => {
  it('walks down from Nghị quyết 05-NQ/TW to the programme and the plan that carry it out, and up from the plan', async () => {
    const resolution = await national('05-NQ/TW');
    const programme = await create({ number: fresh('CTr/TU'), docType: 'programme', issuedOn: '2017-05-17' });
    const plan = await create({ issuedOn: '2017-07-12' });
    await related(programme.id, 'implements', resolution.id);
    await related(plan.id, 'implements', programme.id);

    const down = (await send('GET', `/api/legal-documents/${resolution.id}/chain`, officer)).json();
    const mine = down.down.filter((x: { document: { id: string } }) => [programme.id, plan.id].includes(x.document.id));
    expect(mine).toMatchObject([
      { depth: 1, kind: 'implements', parentKey: null, document: { number: programme.number } },
      { depth: 2, kind: 'implements', document: { number: plan.number } },
    ]);
    expect(mine[1].parentKey).toBe(mine[0].key);
    expect(down.truncated).toBe(false);

    const up = (await send('GET', `/api/legal-documents/${plan.id}/chain`, officer)).json();
    expect(up.up.map((x: { document: { number: string }; depth: number }) => [x.depth, x.document.number])).toEqual([[1, programme.number], [2, '05-NQ/TW']]);
    expect(up.down).toEqual([]);
    expect(up.servedBy).toEqual([]);

    // Another province does not see this province's programme under the national resolution.
    const theirs = (await send('GET', `/api/legal-documents/${resolution.id}/chain`, otherOfficer)).json();
    expect(theirs.down.map((x: { document: { id: string } }) => x.document.id)).not.toContain(programme.id);
  });

  it('ends a path at a cycle and stops at the depth asked for', async () => {
    const a = await create();
    const b = await create();
    const c = await create();
    await related(b.id, 'implements', a.id);
    await related(c.id, 'based_on', b.id);
    await related(a.id, 'implements', c.id); // a → c → b → a: a cycle
    const chain = (await send('GET', `/api/legal-documents/${a.id}/chain`, officer)).json();
    expect(chain.down.map((x: { document: { id: string } }) => x.document.id)).toEqual([b.id, c.id]);
    expect(chain.up.map((x: { document: { id: string } }) => x.document.id)).toEqual([c.id, b.id]);
    const shallow = (await send('GET', `/api/legal-documents/${a.id}/chain?depth=1`, officer)).json();
    expect(shallow.down.map((x: { document: { id: string } }) => x.document.id)).toEqual([b.id]);
    expect(shallow.truncated).toBe(true);
  });
});

describe('references a pasted text cites', () => {
  it('matches each reference to the register, or offers it for creation with number, type and date prefilled', async () => {
    const programme = await create({ number: fresh('CTr/TU'), docType: 'programme' });
    const missing = `${8800 + n++}/QĐ-UBND`;
    const text = `Ngày 12/7/2017, UBND tỉnh đã ban hành Quyết định số ${missing} triển khai Chương trình số ${programme.number} `
      + 'thực hiện Nghị quyết số 05-NQ/TW của BCH Trung ương Đảng (Khóa XII).';
    const res = await send('POST', '/api/legal-documents/extract', officer, { text });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { number: string; start: number; end: number; document: { id: string; national: boolean } | null; proposal: object }[];
    expect(items.map((i) => i.number)).toEqual([missing, programme.number, '05-NQ/TW']);
    expect(items[0]).toMatchObject({
      document: null, docType: 'decision', date: '2017-07-12',
      proposal: { number: missing, docType: 'decision', issuedOn: '2017-07-12', issuer: 'Ủy ban nhân dân tỉnh', national: false },
    });
    expect(text.slice(items[0].start, items[0].end)).toBe(`Quyết định số ${missing}`);
    expect(items[1].document).toMatchObject({ id: programme.id, national: false });
    expect(items[2].document).toMatchObject({ national: true });
    expect(items[2].proposal).toMatchObject({ national: true });

    // Another province reads the national resolution, not this province's programme.
    const theirs = (await send('POST', '/api/legal-documents/extract', otherOfficer, { text })).json().items;
    expect(theirs[1].document).toBeNull();
    expect(theirs[2].document).not.toBeNull();
  });
});

describe('files', () => {
  it('registers documents as an attachment subject: the department attaches, others read', async () => {
    const doc = await create();
    const mine = await send('GET', `/api/attachments/legal_document/${doc.id}`, officer);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json()).toMatchObject({ items: [], may: { attach: true } });
    expect(mine.json().kinds.map((k: { kind: string }) => k.kind)).toEqual(['official_text', 'annex']);
    expect((await send('GET', `/api/attachments/legal_document/${doc.id}`, applicant)).json().may).toEqual({ attach: false, remove: false });
    expect((await send('GET', `/api/attachments/legal_document/${doc.id}`, otherOfficer)).statusCode).toBe(404);
  });
});
