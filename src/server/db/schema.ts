/** Every Drizzle table, one import for the client. Feature modules add their table files here. */
export * from './tables/core.ts';
