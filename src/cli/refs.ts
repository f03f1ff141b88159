/**
 * `khcn refs FILE… [--json]`: the document references each text file cites (`extractLegalRefs`, src/lib/vi/legal-refs.ts).
 * No database. With --json: one file → a JSON array of `{ number, type, date, start, end }`; several files → an
 * object keyed by each path as given. Without it: a table per file.
 *
 * Files are read as UTF-8 and must be valid UTF-8 (a file in another encoding is refused rather than garbled); a
 * leading BOM is dropped and nothing else is changed, so `start`/`end` index the decoded text without its BOM (line
 * ends and decomposed diacritics kept as they are). A file that cannot be read or decoded is reported on stderr
 * (`khcn: cannot read FILE: …`) and the exit code is 1; the other files are still read and printed (with several
 * files the object then holds only the readable ones; with one file nothing is printed).
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { extractLegalRefs, type LegalRef } from '../lib/vi/legal-refs.ts';
import { formatTable } from './common.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The text of a file as the offsets count it: UTF-8, BOM removed (TextDecoder drops it), nothing normalised. */
export async function readText(file: string): Promise<string> {
  const bytes = await readFile(file);
  try {
    return utf8.decode(bytes);
  } catch {
    throw new Error('not valid UTF-8 text');
  }
}

const table = (refs: LegalRef[]) => (refs.length === 0 ? '(no references)' : formatTable(
  ['number', 'type', 'date', 'start', 'end'],
  refs.map((r) => [r.number, r.type, r.date ?? '', String(r.start), String(r.end)]),
));

export function registerRefs(program: Command) {
  program.command('refs <files...>')
    .description('Print the document references (số/ký hiệu, type, date, offsets) each text file cites; files are UTF-8')
    .option('--json', 'JSON: an array for one file, an object keyed by path for several')
    .action(async (files: string[], o: { json?: boolean }) => {
      const results: [string, LegalRef[]][] = [];
      for (const file of files) {
        try {
          results.push([file, extractLegalRefs(await readText(file))]);
        } catch (err) {
          console.error(`khcn: cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`);
          process.exitCode = 1;
        }
      }
      if (o.json) {
        if (files.length === 1) {
          if (results.length === 1) console.log(JSON.stringify(results[0][1], null, 2));
        } else {
          console.log(JSON.stringify(Object.fromEntries(results), null, 2));
        }
        return;
      }
      for (const [file, refs] of results) console.log(files.length === 1 ? table(refs) : `${file}\n${table(refs)}\n`);
    });
}
