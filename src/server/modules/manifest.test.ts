/** The manifest is the one list of modules: every folder is in it, every table has one owner, every message ships. */
import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { getTableName, isTable } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../shared/i18n/messages.ts';
import type { DbHandle } from '../db/client.ts';
import { openTestDb } from '../testing/harness.ts';
import { modules } from './index.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
let h: DbHandle;

beforeAll(async () => { h = await openTestDb(); });
afterAll(async () => { await h.close(); });

describe('module manifest', () => {
  it('lists every module folder once, by its folder name', async () => {
    const folders = (await readdir(here, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
    expect(modules.map((m) => m.name).sort()).toEqual(folders);
    expect(new Set(modules.map((m) => m.name)).size).toBe(modules.length);
  });

  it('gives every table of the migrated database exactly one owning module', async () => {
    const owners = new Map<string, string[]>();
    for (const m of modules) {
      for (const t of Object.values(m.tables ?? {})) {
        if (!isTable(t)) continue;
        const name = getTableName(t);
        owners.set(name, [...(owners.get(name) ?? []), m.name]);
      }
    }
    const rows = await h.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
         AND table_name <> 'schema_migrations' ORDER BY table_name`);
    const unowned = rows.map((r) => r.table_name).filter((t) => !owners.has(t));
    expect(unowned).toEqual([]);
    expect([...owners].filter(([, by]) => by.length > 1)).toEqual([]);
    expect([...owners.keys()].filter((t) => !rows.some((r) => r.table_name === t))).toEqual([]);
  });

  it('declares reads of modules that exist, never of itself', () => {
    const names = new Set(modules.map((m) => m.name));
    for (const m of modules) {
      for (const r of m.reads ?? []) {
        expect(names.has(r), `${m.name} reads unknown module ${r}`).toBe(true);
        expect(r).not.toBe(m.name);
      }
    }
  });

  it("serves every module's messages in both languages from the shared catalogue", () => {
    for (const m of modules) {
      for (const lang of ['vi', 'en'] as const) {
        const table = messages[lang] as Record<string, string>;
        for (const [key, text] of Object.entries(m.messages?.[lang] ?? {})) expect(table[key], `${m.name}: ${lang} ${key}`).toBe(text);
      }
    }
  });
});
