/**
 * `node --import tsx scripts/check-boundaries.ts` (part of `npm run lint`): the table rules of the module manifest.
 *
 *   undeclared-read       a module imports another module's tables (its `<m>.tables.ts`, directly or through a
 *                         re-export) without naming that module in its manifest's `reads`;
 *   foreign-table-write   a module calls `.insert(T)`, `.update(T)` or `.delete(T)` on a table of another module:
 *                         writes (and checks) on another module's rows go through that module's service;
 *   manifest              the manifest and the folders disagree (a folder without an entry, an unknown name in
 *                         `reads`).
 *
 * Files are parsed with the TypeScript compiler API (no text matching). Each problem is printed as
 * `file:line:col  rule  message`; the exit code is 1 when there is any. `reads` entries no file uses are noted
 * without failing. Limits: raw SQL text (`sql\`INSERT INTO …\``) and tables passed through variables are not seen.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MODULES_DIR = path.join(ROOT, 'src/server/modules');
const MANIFEST = path.join(MODULES_DIR, 'index.ts');
const WRITE_METHODS = new Set(['insert', 'update', 'delete']);

interface ManifestEntry { name: string; reads?: string[] }
interface Problem { file: string; line: number; col: number; rule: string; message: string }

const rel = (f: string) => path.relative(ROOT, f);

/** The module a file belongs to: the folder under src/server/modules/, or null outside modules. */
function moduleOf(file: string): string | null {
  const r = path.relative(MODULES_DIR, file);
  if (r.startsWith('..') || path.isAbsolute(r)) return null;
  const parts = r.split(path.sep);
  return parts.length > 1 ? parts[0] : null;
}

/** The module whose tables file this is (`src/server/modules/<m>/<anything>.tables.ts`), or null. */
function tablesOwner(file: string): string | null {
  return file.endsWith('.tables.ts') ? moduleOf(file) : null;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return listFiles(p);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [p] : [];
  });
}

const parsed = new Map<string, ts.SourceFile>();
function parse(file: string): ts.SourceFile {
  let sf = parsed.get(file);
  if (!sf) {
    sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    parsed.set(file, sf);
  }
  return sf;
}

/** A relative import specifier → the file it names (imports carry their `.ts` extension), or null. */
function resolve(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), spec);
  for (const f of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
    if (existsSync(f) && statSync(f).isFile()) return f;
  }
  return null;
}

/**
 * Which module's table an exported name of `file` is: the tables file's own exports, or names re-exported from one
 * (`export { people } from '…/people.tables.ts'`, `export * from …`), followed through any number of files.
 */
function tableModuleOfExport(file: string, name: string, seen = new Set<string>()): string | null {
  const owner = tablesOwner(file);
  if (owner) return owner;
  const key = `${file}#${name}`;
  if (seen.has(key) || !file.startsWith(path.join(ROOT, 'src'))) return null;
  seen.add(key);
  for (const st of parse(file).statements) {
    if (!ts.isExportDeclaration(st) || !st.moduleSpecifier || !ts.isStringLiteral(st.moduleSpecifier)) continue;
    const target = resolve(file, st.moduleSpecifier.text);
    if (!target) continue;
    if (!st.exportClause) { // export * from
      const m = tableModuleOfExport(target, name, seen);
      if (m) return m;
    } else if (ts.isNamedExports(st.exportClause)) {
      for (const el of st.exportClause.elements) {
        if (el.name.text === name) return tableModuleOfExport(target, (el.propertyName ?? el.name).text, seen);
      }
    } else if (st.exportClause.name.text === name) { // export * as ns from: a whole tables file
      const m = tablesOwner(target);
      if (m) return m;
    }
  }
  return null;
}

/** The tables of other modules bound by the imports of one file: local name → owning module (+ namespace flag). */
interface ForeignBinding { module: string; namespace: boolean; node: ts.Node }

function foreignBindings(file: string, self: string): Map<string, ForeignBinding> {
  const out = new Map<string, ForeignBinding>();
  for (const st of parse(file).statements) {
    if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier) || !st.importClause) continue;
    const target = resolve(file, st.moduleSpecifier.text);
    if (!target) continue;
    const clause = st.importClause;
    const add = (local: string, module: string | null, namespace: boolean, node: ts.Node) => {
      if (module && module !== self) out.set(local, { module, namespace, node });
    };
    if (clause.name) add(clause.name.text, tableModuleOfExport(target, 'default'), false, clause);
    const nb = clause.namedBindings;
    if (nb && ts.isNamespaceImport(nb)) add(nb.name.text, tablesOwner(target), true, nb);
    if (nb && ts.isNamedImports(nb)) {
      for (const el of nb.elements) add(el.name.text, tableModuleOfExport(target, (el.propertyName ?? el.name).text), false, el);
    }
  }
  // `export { people } from '../people/people.tables.ts'` inside a module re-exports (and so depends on) them too.
  for (const st of parse(file).statements) {
    if (!ts.isExportDeclaration(st) || !st.moduleSpecifier || !ts.isStringLiteral(st.moduleSpecifier)) continue;
    const target = resolve(file, st.moduleSpecifier.text);
    const owner = target && tablesOwner(target);
    if (owner && owner !== self) out.set(`(re-export ${rel(target)})`, { module: owner, namespace: true, node: st });
  }
  return out;
}

function at(sf: ts.SourceFile, node: ts.Node) {
  const { line, character } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
  return { line: line + 1, col: character + 1 };
}

/** `.insert(T)` / `.update(T)` / `.delete(T)` calls whose table argument is another module's table. */
function foreignWrites(sf: ts.SourceFile, bindings: Map<string, ForeignBinding>) {
  const hits: { node: ts.Node; method: string; table: string; module: string }[] = [];
  const tableOf = (arg: ts.Expression): { table: string; module: string } | null => {
    const e = ts.isParenthesizedExpression(arg) || ts.isAsExpression(arg) || ts.isNonNullExpression(arg) ? arg.expression : arg;
    if (ts.isIdentifier(e)) {
      const b = bindings.get(e.text);
      return b && !b.namespace ? { table: e.text, module: b.module } : null;
    }
    if (ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression)) { // tables.people via `import * as tables`
      const b = bindings.get(e.expression.text);
      return b?.namespace ? { table: `${e.expression.text}.${e.name.text}`, module: b.module } : null;
    }
    return null;
  };
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)
      && WRITE_METHODS.has(node.expression.name.text) && node.arguments.length > 0) {
      const t = tableOf(node.arguments[0]);
      if (t) hits.push({ node, method: node.expression.name.text, ...t });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return hits;
}

/** Where a module's manifest declares `prop` (its `<m>.module.ts`, else the manifest list), for messages. */
function manifestSite(name: string, prop: 'name' | 'reads') {
  const own = path.join(MODULES_DIR, name, `${name}.module.ts`);
  const file = existsSync(own) ? own : MANIFEST;
  const sf = parse(file);
  let found: ts.Node | undefined;
  const visit = (node: ts.Node) => {
    if (!found && ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === prop) found = node;
    ts.forEachChild(node, visit);
  };
  visit(sf);
  if (!found && prop === 'reads') return manifestSite(name, 'name');
  return { file, ...(found ? at(sf, found) : { line: 1, col: 1 }) };
}

async function loadManifest(): Promise<ManifestEntry[] | null> {
  if (!existsSync(MANIFEST)) return null;
  const mod = (await import(pathToFileURL(MANIFEST).href)) as { modules?: ManifestEntry[] };
  if (!Array.isArray(mod.modules)) throw new Error(`${rel(MANIFEST)} does not export \`modules: ModuleManifest[]\``);
  return mod.modules;
}

async function main() {
  const manifest = await loadManifest();
  if (!manifest) {
    console.log(`check-boundaries: SKIPPED, ${rel(MANIFEST)} does not exist yet (the module manifest); nothing checked.`);
    return;
  }
  const problems: Problem[] = [];
  const folders = readdirSync(MODULES_DIR).filter((n) => statSync(path.join(MODULES_DIR, n)).isDirectory()).sort();
  const byName = new Map(manifest.map((m) => [m.name, m]));
  const problemAt = (site: { file: string; line: number; col: number }, rule: string, message: string) =>
    problems.push({ ...site, file: rel(site.file), rule, message });
  for (const f of folders) {
    if (!byName.has(f)) problemAt({ file: MANIFEST, line: 1, col: 1 }, 'manifest', `module folder src/server/modules/${f}/ has no entry in the manifest`);
  }
  for (const m of manifest) {
    if (!folders.includes(m.name)) problemAt(manifestSite(m.name, 'name'), 'manifest', `manifest entry '${m.name}' names no folder under src/server/modules/`);
    for (const r of m.reads ?? []) {
      if (!folders.includes(r) || r === m.name) {
        problemAt(manifestSite(m.name, 'reads'), 'manifest', `'${m.name}' reads '${r}', which is ${r === m.name ? 'itself' : 'no module'}`);
      }
    }
  }

  const notes: string[] = [];
  for (const name of folders) {
    const reads = new Set(byName.get(name)?.reads ?? []);
    const used = new Set<string>();
    for (const file of listFiles(path.join(MODULES_DIR, name))) {
      const sf = parse(file);
      const bindings = foreignBindings(file, name);
      for (const [local, b] of bindings) {
        used.add(b.module);
        if (!reads.has(b.module)) {
          const { line, col } = at(sf, b.node);
          problems.push({
            file: rel(file), line, col, rule: 'undeclared-read',
            message: `imports ${b.namespace ? 'the tables' : `table '${local}'`} of module '${b.module}', which is not in the \`reads\` of ${rel(manifestSite(name, 'reads').file)}`,
          });
        }
      }
      for (const w of foreignWrites(sf, bindings)) {
        const { line, col } = at(sf, w.node);
        problems.push({
          file: rel(file), line, col, rule: 'foreign-table-write',
          message: `.${w.method}(${w.table}) writes a table of module '${w.module}': go through the '${w.module}' service instead`,
        });
      }
    }
    for (const r of reads) if (!used.has(r) && folders.includes(r)) notes.push(`note: '${name}' declares reads '${r}' but imports none of the tables of '${r}'`);
  }

  for (const n of notes) console.log(n);
  for (const p of problems) console.error(`${p.file}:${p.line}:${p.col}  ${p.rule}  ${p.message}`);
  if (problems.length) {
    console.error(`check-boundaries: ${problems.length} problem(s)`);
    process.exitCode = 1;
  } else {
    console.log(`check-boundaries: ok (${folders.length} modules)`);
  }
}

await main();
