/** What a file is, from its bytes: table tests on real files made here (no database). */
import ExcelJS from 'exceljs';
import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { identify, normaliseType, servedType, textKind } from './attachments.sniff.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de', 'hex');
const HTML = Buffer.from('<!doctype html><html><script>alert(1)</script></html>');
const text = (s: string) => Buffer.from(s, 'utf8');

async function xlsx() {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Kinh phí').addRow(['Năm', 'NSNN']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const docx = () => Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Báo cáo tổng hợp')] }] }));

describe('identify', () => {
  it.each([
    ['a PDF, declared as such', PDF, 'bao-cao.pdf', 'application/pdf', 'application/pdf'],
    ['a PDF sent as application/octet-stream', PDF, 'bao-cao.pdf', 'application/octet-stream', 'application/pdf'],
    ['a PDF with a declared alias', PDF, 'bao-cao.PDF', 'application/x-pdf', 'application/pdf'],
    ['a PNG with no declared type', PNG, 'anh.png', '', 'image/png'],
    ['a PNG with no extension', PNG, 'anh', 'image/png', 'image/png'],
    ['Vietnamese UTF-8 text', text('Phiếu đề xuất nhiệm vụ\n'), 'phieu.txt', 'text/plain; charset=utf-8', 'text/plain'],
    ['text with a BOM, declared as Markdown', text('\uFEFF# Ghi chú'), 'ghi-chu.md', 'text/markdown', 'text/plain'],
    ['a CSV that Windows declares as an Excel file', text('Năm;NSNN\n2026;450,5\n'), 'kinh-phi.csv', 'application/vnd.ms-excel', 'text/csv'],
  ])('takes %s', async (_name, bytes, fileName, declaredType, expected) => {
    expect(await identify({ bytes, fileName, declaredType })).toEqual({ ok: true, contentType: expected });
  });

  it('recognises Office Open XML from inside the ZIP', async () => {
    expect(await identify({ bytes: await xlsx(), fileName: 'kinh-phi.xlsx', declaredType: '' }))
      .toEqual({ ok: true, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    expect(await identify({ bytes: await docx(), fileName: 'bao-cao.docx', declaredType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }))
      .toEqual({ ok: true, contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
  });

  it.each([
    ['HTML declared as a PDF', HTML, 'phieu.pdf', 'application/pdf', { reason: 'content_mismatch', declared: 'application/pdf', detected: 'text/html' }],
    ['a PNG declared as a PDF', PNG, 'anh.png', 'application/pdf', { reason: 'content_mismatch', declared: 'application/pdf', detected: 'image/png' }],
    ['an XLSX declared as a PDF', 'xlsx', 'kinh-phi.pdf', 'application/pdf', { reason: 'content_mismatch' }],
    ['HTML sent as HTML', HTML, 'trang.html', 'text/html', { reason: 'type_forbidden', detected: 'text/html' }],
    ['HTML with a generic type', HTML, 'trang', '', { reason: 'type_forbidden', detected: 'text/html' }],
    ['SVG sent as SVG', text('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'hinh.svg', 'image/svg+xml', { reason: 'type_forbidden', detected: 'image/svg+xml' }],
    ['XML with a declaration', text('<?xml version="1.0"?><svg/>'), 'hinh.xml', '', { reason: 'type_forbidden' }],
    ['a shell script named .txt', text('#!/bin/sh\nrm -rf /\n'), 'chay.txt', '', { reason: 'type_forbidden' }],
    ['HTML after some text', text('Xin chào\n<script>alert(1)</script>'), 'a.txt', 'text/plain', { reason: 'content_mismatch' }],
    ['a PNG named .pdf', PNG, 'anh.pdf', '', { reason: 'extension_mismatch', ext: 'pdf', detected: 'image/png' }],
    ['text named .html', text('Xin chào'), 'trang.html', '', { reason: 'extension_mismatch', ext: 'html' }],
    ['text named .js', text('alert(1)'), 'a.js', '', { reason: 'extension_mismatch', ext: 'js' }],
    ['JavaScript sent as JavaScript', text('alert(1)'), 'a.js', 'text/javascript', { reason: 'type_forbidden', detected: 'text/javascript' }],
    ['binary bytes of no known format', Buffer.from([0, 1, 2, 3, 255, 254, 0, 7]), 'du-lieu.bin', '', { reason: 'unrecognised' }],
    ['text with a NUL', text('abc\u0000def'), 'a.txt', 'text/plain', { reason: 'unrecognised' }],
    ['Latin-1 bytes (not UTF-8)', Buffer.from([0x43, 0x61, 0x66, 0xe9]), 'a.txt', 'text/plain', { reason: 'unrecognised' }],
    ['an empty file', Buffer.alloc(0), 'a.pdf', 'application/pdf', { reason: 'empty' }],
  ])('refuses %s', async (_name, bytes, fileName, declaredType, expected) => {
    const b = bytes === 'xlsx' ? await xlsx() : (bytes as Buffer);
    expect(await identify({ bytes: b, fileName, declaredType })).toMatchObject({ ok: false, ...expected });
  });
});

describe('helpers', () => {
  it('normalises declared types', () => {
    expect(normaliseType('Application/PDF; name="a.pdf"')).toBe('application/pdf');
    expect(normaliseType('image/jpg')).toBe('image/jpeg');
    expect(normaliseType(undefined)).toBe('');
  });

  it('tells text from markup and binary', () => {
    expect(textKind(text('  \n<html>'))).toBe('markup');
    expect(textKind(text('Số liệu: 1 < 2'))).toBe('text');
    expect(textKind(Buffer.from([0xff, 0xfe]))).toBe('binary');
  });

  it('serves text as UTF-8', () => {
    expect(servedType('text/plain')).toBe('text/plain; charset=utf-8');
    expect(servedType('application/pdf')).toBe('application/pdf');
  });
});
