/**
 * Scheduled jobs: the modules declare them (`jobs` in their manifests), this module runs them — pg-boss on
 * PostgreSQL, an in-process timer on PGlite (jobs.service.ts). It owns no table in `public`.
 */
import { defineModule } from '../module.ts';

export const jobsModule = defineModule({ name: 'jobs' });
