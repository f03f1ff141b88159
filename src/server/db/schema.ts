/** Every Drizzle table, one import for the client. Feature modules add their table files here. */
export * from './tables/core.ts';
export * from '../modules/rules/rules.tables.ts';
export * from '../modules/workflow/workflow.tables.ts';
export * from '../modules/councils/councils.tables.ts';
export * from '../modules/tasks/tasks.tables.ts';
