import { defineModule } from '../module.ts';
import { peopleRoutes } from './people.routes.ts';
import * as tables from './people.tables.ts';

export const peopleModule = defineModule({ name: 'people', routes: [peopleRoutes], tables, reads: ['organizations'] });
