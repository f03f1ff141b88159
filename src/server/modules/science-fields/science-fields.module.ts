import { defineModule } from '../module.ts';
import { scienceFieldRoutes } from './science-fields.routes.ts';
import * as tables from './science-fields.tables.ts';

export const scienceFieldsModule = defineModule({ name: 'science-fields', routes: [scienceFieldRoutes], tables });
