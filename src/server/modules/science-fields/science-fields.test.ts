import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv, type TestEnv } from '../../testing/harness.ts';

let env: TestEnv;

beforeAll(async () => {
  env = await testEnv();
});
afterAll(() => env.close());

interface Field { code: string; parentCode: string | null; level: number; nameVi: string; nameEn: string; children?: Field[] }

const get = async (url: string) => env.app.inject({ method: 'GET', url });

describe('science fields', () => {
  it('lists the classification without signing in: 6 fields and 46 level-2 fields, each with its parent code', async () => {
    const res = await get('/api/science-fields');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=3600');
    const items: Field[] = res.json().items;
    const top = items.filter((f) => f.level === 1);
    expect(top.map((f) => [f.code, f.nameVi, f.nameEn])).toEqual([
      ['1', 'Khoa học tự nhiên', 'Natural sciences'],
      ['2', 'Khoa học kỹ thuật và công nghệ', 'Engineering and technology'],
      ['3', 'Khoa học y, dược', 'Medical and health sciences'],
      ['4', 'Khoa học nông nghiệp', 'Agricultural sciences'],
      ['5', 'Khoa học xã hội', 'Social sciences'],
      ['6', 'Khoa học nhân văn', 'Humanities'],
    ]);
    const second = items.filter((f) => f.level === 2);
    expect(second).toHaveLength(46);
    for (const f of second) {
      expect(f.code).toMatch(/^[1-6]\d\d$/);
      expect(f.parentCode).toBe(f.code[0]);
    }
    expect(items.find((f) => f.code === '101')).toEqual({
      code: '101', parentCode: '1', level: 2, nameVi: 'Toán học và thống kê', nameEn: 'Mathematics and statistics',
    });
    expect(items.find((f) => f.code === '405')?.nameVi).toBe('Thủy sản');
    // Code order: each parent comes right before its children.
    expect(items.slice(0, 8).map((f) => f.code)).toEqual(['1', '101', '102', '103', '104', '105', '106', '199']);
    // Every field has both names.
    for (const f of items) expect(f.nameVi && f.nameEn).toBeTruthy();
  });

  it('returns a tree of level-1 fields with their sub-fields, or only the broad fields', async () => {
    const tree: Field[] = (await get('/api/science-fields?shape=tree')).json().items;
    expect(tree.map((f) => f.code)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(tree.map((f) => f.children!.length)).toEqual([7, 12, 6, 7, 9, 5]);
    const medical = tree[2].children!.map((f) => `${f.code} ${f.nameVi}`);
    expect(medical).toEqual([
      '301 Y học cơ sở', '302 Y học lâm sàng', '303 Y tế', '304 Dược học', '305 Công nghệ sinh học trong y học',
      '399 Khoa học y, dược khác',
    ]);
    expect(tree[0].children![0]).toEqual({
      code: '101', parentCode: '1', level: 2, nameVi: 'Toán học và thống kê', nameEn: 'Mathematics and statistics', children: [],
    });
    const broad: Field[] = (await get('/api/science-fields?maxLevel=1')).json().items;
    expect(broad.map((f) => f.code)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(broad[0]).not.toHaveProperty('children');
  });

  it('refuses an unknown shape naming the parameter', async () => {
    const res = await get('/api/science-fields?shape=graph');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'common.validation_failed', details: [{ path: 'querystring.shape' }] });
  });

  it('documents the route in the OpenAPI description', async () => {
    const doc = (await get('/api/docs/json')).json();
    expect(doc.paths['/api/science-fields'].get.responses['200']).toBeDefined();
  });
});
