/** Column helpers shared by every module's Drizzle tables. */
import { timestamp } from 'drizzle-orm/pg-core';

/** `timestamptz`, read as a JS Date. */
export const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
