/** One run of a job: the handler with its context, the counts it reports logged, a failure logged and rethrown. */
import type { Db, Engine } from '../../db/client.ts';
import type { JobDefinition, JobResult } from './jobs.types.ts';

export async function runJob(db: Db, job: JobDefinition, o: { engine: Engine; now?: Date; log?: (line: string) => void }): Promise<JobResult> {
  const log = o.log ?? (() => undefined);
  const now = o.now ?? new Date();
  try {
    const result = (await job.run({ db, engine: o.engine, now, log: (m) => log(`${job.name}: ${m}`) })) ?? {};
    const counts = Object.entries(result).map(([k, v]) => `${k} ${v}`).join(', ');
    if (counts) log(`${job.name}: ${counts}`);
    return result;
  } catch (err) {
    log(`${job.name} failed: ${err instanceof Error ? err.message : String(err)}`);
    throw err;
  }
}

