/** Provinces (DOSTs) as tenants: every record of every other module belongs to one. */
import { defineModule } from '../module.ts';
import * as tables from './tenants.tables.ts';

export const tenantsModule = defineModule({ name: 'tenants', tables });
