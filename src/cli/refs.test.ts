/**
 * `khcn refs` through the real command (`node bin/khcn.mjs refs …` in a child process): the JSON array for one
 * file, the object keyed by path for several, offsets into the text without its BOM, and unreadable files.
 * No database is involved.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractLegalRefs } from '../lib/vi/legal-refs.ts';
import { readText } from './refs.ts';
import { ROOT, runCli } from '../server/testing/cli.ts';

const SEEDS = process.env.KHCN_SEEDS ?? path.resolve(ROOT, 'test/fixtures/seeds');
const SEED = path.join(SEEDS, '004_2f85b69d4f545e88.txt');

const refs = (args: string[], cwd = ROOT) => runCli(['refs', ...args], { cwd, env: { ...process.env, KHCN_LANG: 'en' } });

let work: string;
const BOM_TEXT = 'Ngày 12/7/2017, UBND tỉnh ban hành Kế hoạch số 98/KH-UBND.\r\nThực hiện Nghị quyết số 05-NQ/TW.\r\n';

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'khcn-refs-'));
  await writeFile(path.join(work, 'bom.txt'), `\uFEFF${BOM_TEXT}`);
  await writeFile(path.join(work, 'latin1.txt'), Buffer.from([0x51, 0x75, 0x79, 0xea, 0x74, 0x20, 0x31, 0x2f, 0x51, 0xd0]));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('khcn refs', () => {
  it('prints the JSON array of one file', async () => {
    const r = await refs([SEED, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const printed = JSON.parse(r.stdout);
    expect(printed).toEqual(extractLegalRefs(await readText(SEED)));
    expect(printed[0]).toEqual({ number: '54-CTr/TU', type: 'Chương trình', date: '2024-04-08', start: 327, end: 352 });
  }, 60_000);

  it('prints an object keyed by each path as given for several files; offsets index the text without its BOM', async () => {
    const r = await refs(['bom.txt', SEED, '--json'], work);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const printed = JSON.parse(r.stdout);
    expect(Object.keys(printed)).toEqual(['bom.txt', SEED]);
    expect(printed[SEED]).toHaveLength(5);
    expect(printed['bom.txt']).toEqual([
      { number: '98/KH-UBND', type: 'Kế hoạch', date: '2017-07-12', start: 35, end: 57 },
      { number: '05-NQ/TW', type: 'Nghị quyết', date: null, start: 70, end: 92 },
    ]);
    expect(BOM_TEXT.slice(35, 57)).toBe('Kế hoạch số 98/KH-UBND');
  }, 60_000);

  it('reports a missing or non-UTF-8 file on stderr with exit code 1 and still prints the others', async () => {
    const r = await refs(['missing.txt', 'latin1.txt', 'bom.txt', '--json'], work);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('khcn: cannot read missing.txt: ENOENT');
    expect(r.stderr).toContain('khcn: cannot read latin1.txt: not valid UTF-8 text');
    expect(Object.keys(JSON.parse(r.stdout))).toEqual(['bom.txt']);
  }, 60_000);

  it('prints nothing on stdout when its one file cannot be read', async () => {
    const r = await refs(['missing.txt', '--json'], work);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('khcn: cannot read missing.txt');
  }, 60_000);
});
