import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant, testEnv, type AuthHeaders, type TestEnv } from '../../testing/harness.ts';
import { todayInVietnam } from '../../../lib/vi/dates.ts';
import { sniffMigratedAttachments } from './attachments.service.ts';

let env: TestEnv;
let officer: AuthHeaders;
let leader: AuthHeaders;
let taskId: string;

const MB = 1024 * 1024;

/** A small valid PDF (one page with a line of text); `pad` bytes of an extra stream make it as large as needed. */
function pdf(text: string, pad = 0): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${text.length + 30} >>\nstream\nBT /F1 12 Tf 72 770 Td (${text}) Tj ET\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${pad} >>\nstream\n${' '.repeat(pad)}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A valid 1×1 PNG. */
function png(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]); // 1×1, 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.from([0, 0x1f, 0x6f, 0x3c]))), chunk('IEND', Buffer.alloc(0)),
  ]);
}

const HTML = Buffer.from('<!DOCTYPE html><html><body><script>fetch("/api/auth/session")</script></body></html>');

/** A multipart/form-data body as a browser's FormData makes it: the fields, then the file. */
async function form(file: { name: string; type: string; bytes: Buffer } | null, fields: Record<string, string> = {}) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  if (file) fd.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  const req = new Request('http://localhost/', { method: 'POST', body: fd });
  return { payload: Buffer.from(await req.arrayBuffer()), contentType: req.headers.get('content-type')! };
}

async function upload(kind: string, file: { name: string; type: string; bytes: Buffer } | null, o: { headers?: AuthHeaders; subject?: string; fields?: Record<string, string> } = {}) {
  const body = await form(file, o.fields);
  return env.app.inject({
    method: 'POST', url: `/api/attachments/task/${o.subject ?? taskId}?kind=${kind}`,
    headers: { ...(o.headers ?? officer), 'content-type': body.contentType }, payload: body.payload,
  });
}

const list = (headers: AuthHeaders = officer, subject = taskId) =>
  env.app.inject({ method: 'GET', url: `/api/attachments/task/${subject}`, headers });

async function newTask(headers: AuthHeaders, title = 'Nghiên cứu quy trình nhân giống lan Hoàng thảo') {
  const res = await env.app.inject({
    method: 'POST', url: '/api/tasks', headers,
    payload: { title, type: 'research_topic', level: 'provincial', scienceField: '2', proposalYear: 2026, proposedOn: '2026-01-15', members: [], funding: [], products: [] },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

beforeAll(async () => {
  env = await testEnv();
  officer = await env.as('dost_officer');
  leader = await env.as('leader');
  taskId = await newTask(officer);
});
afterAll(() => env.close());

describe('attachments of a task', () => {
  it('takes a PDF through multipart and serves it back as a download with headers that keep a browser from running it', async () => {
    const bytes = pdf('Phieu de xuat nhiem vu');
    const res = await upload('proposal_form', { name: 'Phiếu đề xuất nhiệm vụ.pdf', type: 'application/pdf', bytes }, { fields: { note: 'Bản ký' } });
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json();
    expect(a).toMatchObject({
      subjectType: 'task', subjectId: taskId, kind: 'proposal_form', kindName: { vi: 'Phiếu đề xuất nhiệm vụ' },
      fileName: 'Phiếu đề xuất nhiệm vụ.pdf', contentType: 'application/pdf', size: bytes.length, note: 'Bản ký',
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });

    const got = await env.app.inject({ method: 'GET', url: `/api/attachments/task/${taskId}/${a.id}`, headers: officer });
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(bytes)).toBe(true);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['content-disposition']).toBe(
      `attachment; filename="Phieu de xuat nhiem vu.pdf"; filename*=UTF-8''${encodeURIComponent('Phiếu đề xuất nhiệm vụ.pdf')}`);
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(got.headers['cache-control']).toBe('no-store');

    // The task shows it among its documents, and the workflow counts it.
    const task = (await env.app.inject({ method: 'GET', url: `/api/tasks/${taskId}`, headers: officer })).json();
    expect(task.documents).toContainEqual(expect.objectContaining({ id: a.id, kind: 'proposal_form', contentType: 'application/pdf' }));
    const actions = (await env.app.inject({ method: 'GET', url: `/api/tasks/${taskId}/actions`, headers: officer })).json();
    expect(actions.actions.find((x: { action: string }) => x.action === 'submit_for_identification').missingDocuments).toEqual([]);
  });

  it('lists the files with the kinds the task takes and their limits', async () => {
    const res = await list();
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.may).toEqual({ attach: true, remove: true });
    expect(body.kinds).toContainEqual(expect.objectContaining({
      kind: 'proposal_form', name: { vi: 'Phiếu đề xuất nhiệm vụ', en: 'Proposal form' }, maxBytes: 10 * MB,
    }));
    const proposal = body.kinds.find((k: { kind: string }) => k.kind === 'proposal_form');
    expect(proposal.types).toContain('application/pdf');
    expect(proposal.extensions).toContain('pdf');
    expect(proposal.types).not.toContain('text/html');
  });

  it('refuses HTML declared as application/pdf, naming the file field, and stores nothing', async () => {
    const before = (await list()).json().items.length;
    const res = await upload('proposal_form', { name: 'phieu.pdf', type: 'application/pdf', bytes: HTML });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'attachment.content_mismatch', details: [{ path: 'body.file', code: 'content_mismatch', declared: 'application/pdf', detected: 'text/html' }],
    });
    expect(res.json().message).toContain('phieu.pdf');
    // The same through the JSON route of the tasks API.
    const json = await env.app.inject({
      method: 'POST', url: `/api/tasks/${taskId}/documents`, headers: officer,
      payload: { kind: 'proposal_form', fileName: 'phieu.pdf', contentType: 'application/pdf', contentBase64: HTML.toString('base64') },
    });
    expect(json.statusCode).toBe(400);
    expect(json.json().details).toMatchObject([{ path: 'body.contentBase64', code: 'content_mismatch' }]);
    expect((await list()).json().items).toHaveLength(before);
  });

  it('never takes HTML or SVG, even declared and named as what they are', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const res = await upload('other', { name: 'hinh.svg', type: 'image/svg+xml', bytes: svg });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'attachment.type_forbidden', details: [{ path: 'body.file' }] });
    const html = await upload('other', { name: 'trang.html', type: 'text/html', bytes: HTML });
    expect(html.statusCode).toBe(400);
    expect(html.json().code).toBe('attachment.type_forbidden');
  });

  it('refuses a PNG named .pdf, and takes it named .png, served as an image', async () => {
    const image = png();
    const wrong = await upload('other', { name: 'anh.pdf', type: 'application/octet-stream', bytes: image });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: 'attachment.extension_mismatch', details: [{ path: 'body.file', ext: 'pdf', detected: 'image/png' }] });
    const right = await upload('other', { name: 'anh.png', type: '', bytes: image });
    expect(right.statusCode, right.body).toBe(201);
    expect(right.json().contentType).toBe('image/png');
    const got = await env.app.inject({ method: 'GET', url: `/api/attachments/task/${taskId}/${right.json().id}`, headers: officer });
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.rawPayload.equals(image)).toBe(true);
  });

  it("refuses a file over the kind's limit with the limit in the message", async () => {
    const res = await upload('proposal_form', { name: 'qua-lon.pdf', type: 'application/pdf', bytes: pdf('x', 10 * MB) });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'attachment.too_large', details: [{ path: 'body.file', maxBytes: 10 * MB }] });
    expect(res.json().message).toContain('10 MB');
  });

  it('takes a file larger than 5 MB through multipart', async () => {
    const bytes = pdf('Bao cao tong hop', 6 * MB);
    const res = await upload('final_report', { name: 'bao-cao-tong-hop.pdf', type: 'application/pdf', bytes });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().size).toBe(bytes.length);
    const got = await env.app.inject({ method: 'GET', url: `/api/attachments/task/${taskId}/${res.json().id}`, headers: officer });
    expect(got.rawPayload.equals(bytes)).toBe(true);
  });

  it('refuses a kind the task does not take, listing the valid ones', async () => {
    const res = await upload('selfie', { name: 'a.pdf', type: 'application/pdf', bytes: pdf('a') });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'attachment.unknown_kind', details: [{ path: 'query.kind', code: 'unknown_kind' }] });
    expect(res.json().message).toContain('proposal_form');
  });

  it('refuses a form without a file, and a body that is not multipart', async () => {
    const none = await upload('proposal_form', null, { fields: { note: 'quên tệp' } });
    expect(none.statusCode).toBe(400);
    expect(none.json()).toMatchObject({ code: 'attachment.file_missing', details: [{ path: 'body.file' }] });
    const json = await env.app.inject({ method: 'POST', url: `/api/attachments/task/${taskId}?kind=proposal_form`, headers: officer, payload: { file: 'x' } });
    expect(json.statusCode).toBe(415);
    expect(json.json().code).toBe('attachment.multipart_expected');
  });

  it('refuses a NUL in the file name or in a form field, naming it (a lone surrogate cannot cross multipart: it arrives as U+FFFD)', async () => {
    const badName = await upload('proposal_form', { name: 'to\u0000trinh.pdf', type: 'application/pdf', bytes: pdf('a') });
    expect(badName.statusCode).toBe(400);
    expect(badName.json()).toMatchObject({ code: 'common.validation_failed', details: [{ path: 'body.file', code: 'invalid_text' }] });
    const badNote = await upload('proposal_form', { name: 'to-trinh.pdf', type: 'application/pdf', bytes: pdf('a') }, { fields: { note: 'ghi chú \u0000' } });
    expect(badNote.statusCode).toBe(400);
    expect(badNote.json().details).toMatchObject([{ path: 'body.note', code: 'invalid_text' }]);
  });

  it("answers 404 for another province's task and its files", async () => {
    const other = await buildTenant(env.h, 'Sở KH&CN tỉnh khác');
    const stranger = await env.as('dost_officer', { tenantId: other.id });
    const mine = (await list()).json().items[0];
    expect((await list(stranger)).statusCode).toBe(404);
    expect((await upload('proposal_form', { name: 'a.pdf', type: 'application/pdf', bytes: pdf('a') }, { headers: stranger })).statusCode).toBe(404);
    expect((await env.app.inject({ method: 'GET', url: `/api/attachments/task/${taskId}/${mine.id}`, headers: stranger })).statusCode).toBe(404);
    expect((await env.app.inject({ method: 'DELETE', url: `/api/attachments/task/${taskId}/${mine.id}`, headers: stranger })).statusCode).toBe(404);
    expect((await env.app.inject({ method: 'GET', url: `/api/attachments/nothing/${taskId}`, headers: officer })).statusCode).toBe(404);
  });

  it('lets a reader of the task download but not attach or remove (403)', async () => {
    const mine = (await list(leader)).json();
    expect(mine.may).toEqual({ attach: false, remove: false });
    const file = mine.items[0];
    expect((await env.app.inject({ method: 'GET', url: `/api/attachments/task/${taskId}/${file.id}`, headers: leader })).statusCode).toBe(200);
    expect((await upload('proposal_form', { name: 'a.pdf', type: 'application/pdf', bytes: pdf('a') }, { headers: leader })).statusCode).toBe(403);
    expect((await env.app.inject({ method: 'DELETE', url: `/api/attachments/task/${taskId}/${file.id}`, headers: leader })).statusCode).toBe(403);
    // A reviewer who sits on none of its councils does not see the task at all.
    const reviewer = await env.as('reviewer');
    expect((await list(reviewer)).statusCode).toBe(404);
  });

  it('removes a file with its bytes, and records who did it in the audit log', async () => {
    const added = (await upload('contract', { name: 'hop-dong.pdf', type: 'application/pdf', bytes: pdf('Hop dong') })).json();
    const res = await env.app.inject({ method: 'DELETE', url: `/api/attachments/task/${taskId}/${added.id}`, headers: officer });
    expect(res.statusCode).toBe(204);
    expect((await list()).json().items.map((a: { id: string }) => a.id)).not.toContain(added.id);
    expect((await env.app.inject({ method: 'GET', url: `/api/attachments/task/${taskId}/${added.id}`, headers: officer })).statusCode).toBe(404);
    expect(await env.h.query('SELECT 1 FROM attachment_blobs WHERE attachment_id = $1', [added.id])).toEqual([]);
    const audit = await env.h.query<{ action: string; before: { attachmentId: string; fileName: string } }>(
      `SELECT action, before FROM audit_log WHERE entity = 'task' AND entity_id = $1 AND action IN ('attach', 'detach') ORDER BY id`, [taskId]);
    expect(audit.at(-1)).toMatchObject({ action: 'detach', before: { attachmentId: added.id, fileName: 'hop-dong.pdf' } });
    expect(audit.filter((a) => a.action === 'attach').length).toBeGreaterThanOrEqual(3);
    expect((await env.app.inject({ method: 'DELETE', url: `/api/attachments/task/${taskId}/${added.id}`, headers: officer })).statusCode).toBe(404);
  });
});

describe('limits as rules', () => {
  it("applies a province's own version of attachments.limits.task from its start date", async () => {
    const tenant = await buildTenant(env.h, 'Sở KH&CN có giới hạn riêng');
    const admin = await env.as('admin', { tenantId: tenant.id });
    const editor = await env.as('dost_officer', { tenantId: tenant.id });
    const rule = await env.app.inject({
      method: 'POST', url: '/api/rules', headers: admin,
      payload: {
        key: 'attachments.limits.task', effectiveFrom: todayInVietnam(), legalBasis: 'Quyết định thử nghiệm của Sở',
        value: { default: { maxBytes: 1000, types: ['application/pdf'] }, kinds: {} },
      },
    });
    expect(rule.statusCode, rule.body).toBe(201);
    const id = await newTask(editor, 'Nhiệm vụ của tỉnh có giới hạn riêng');
    const big = await upload('proposal_form', { name: 'a.pdf', type: 'application/pdf', bytes: pdf('a', 2000) }, { headers: editor, subject: id });
    expect(big.statusCode).toBe(413);
    expect(big.json().message).toContain('1.000 byte');
    const text = await upload('proposal_form', { name: 'a.txt', type: 'text/plain', bytes: Buffer.from('Phiếu đề xuất') }, { headers: editor, subject: id });
    expect(text.statusCode).toBe(400);
    expect(text.json()).toMatchObject({ code: 'attachment.type_not_allowed', details: [{ detected: 'text/plain', allowed: ['application/pdf'] }] });
  });

  it('refuses a rule that would allow HTML', async () => {
    const admin = await env.as('admin');
    const res = await env.app.inject({
      method: 'POST', url: '/api/rules', headers: admin,
      payload: { key: 'attachments.limits.task', effectiveFrom: '2031-01-01', legalBasis: 'x', value: { default: { maxBytes: 1000, types: ['text/html'] } } },
    });
    expect(res.statusCode).toBe(400);
  });
});

describe('files copied in by a migration', () => {
  it('get the type their bytes are the first time the app starts, so HTML sent as a PDF is never served as one', async () => {
    const rows = await env.h.query<{ id: string }>(
      `INSERT INTO attachments (tenant_id, subject_type, subject_id, kind, file_name, content_type, size, sha256, sniffed)
       VALUES ($1, 'task', $2, 'other', 'cu.pdf', 'application/pdf', $3, repeat('0', 64), false),
              ($1, 'task', $2, 'other', 'cu.txt', 'text/plain; charset=utf-8', 5, repeat('0', 64), false) RETURNING id`,
      [env.tenantId, taskId, HTML.length]);
    await env.h.query('INSERT INTO attachment_blobs (attachment_id, content) VALUES ($1, $2), ($3, $4)',
      [rows[0].id, HTML, rows[1].id, Buffer.from('Chào!')]);
    await sniffMigratedAttachments(env.h);
    const after = await env.h.query<{ id: string; content_type: string; sniffed: boolean }>(
      'SELECT id, content_type, sniffed FROM attachments WHERE id = ANY($1::uuid[]) ORDER BY file_name', [[rows[0].id, rows[1].id]]);
    expect(after.map((r) => [r.content_type, r.sniffed])).toEqual([['application/octet-stream', true], ['text/plain', true]]);
    const got = await env.app.inject({ method: 'GET', url: `/api/attachments/task/${taskId}/${rows[1].id}`, headers: officer });
    expect(got.headers['content-type']).toBe('text/plain; charset=utf-8');
  });
});
