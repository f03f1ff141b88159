/**
 * khcn — the command line of the provincial S&T information system (Hệ thống thông tin KH&CN cấp tỉnh).
 * One module per noun; every command calls services, never SQL.
 *
 *   khcn serve [--port 3000] [--host 127.0.0.1] [--data DIR] [--demo] [--no-worker]
 *   khcn worker                (PostgreSQL: the scheduled jobs only)
 *   khcn db migrate            khcn seed demo
 *   khcn user add <username> --role R --province SLUG [--name "…"] [--password P]
 *   khcn backup FILE           khcn restore FILE [--force]
 *   khcn refs FILE… [--json]   (the document references a text cites; no database)
 *
 * DATABASE_URL selects PostgreSQL; without it the embedded PGlite keeps its data in ./data (or --data DIR).
 */
import { Command } from 'commander';
import { registerServe } from './serve.ts';
import { reportError } from './common.ts';

/**
 * The program with every command; `only: 'serve'` registers just that one, so `khcn serve --demo` answers before
 * the other commands' modules (the whole server) are loaded — serve loads what it needs itself.
 */
export async function buildProgram(o: { only?: 'serve' } = {}): Promise<Command> {
  const program = new Command()
    .name('khcn')
    .description('Hệ thống thông tin KH&CN cấp tỉnh — information system for a provincial Department of Science and Technology')
    .version('0.1.0')
    .showHelpAfterError();
  registerServe(program);
  if (o.only === 'serve') return program;
  const [{ registerDb }, { registerSeed }, { registerUser }, { registerBackup }, { registerWorker }, { registerRefs }] = await Promise.all([
    import('./db.ts'), import('./seed.ts'), import('./user.ts'), import('./backup.ts'), import('./worker.ts'), import('./refs.ts'),
  ]);
  registerDb(program);
  registerSeed(program);
  registerUser(program);
  registerBackup(program);
  registerWorker(program);
  registerRefs(program);
  return program;
}

try {
  await (await buildProgram({ only: process.argv[2] === 'serve' ? 'serve' : undefined })).parseAsync(process.argv);
} catch (err) {
  reportError(err);
}
