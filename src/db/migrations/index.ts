import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261125071935 } from './Migration20261125071935';
import { Migration20261125084119 } from './Migration20261125084119';
import { Migration20261125092243 } from './Migration20261125092243';
import { Migration20261201200000 } from './Migration20261201200000';
import { Migration20261201210000 } from './Migration20261201210000';
import { Migration20261201231656 } from './Migration20261201231656';
import { Migration20261202002047 } from './Migration20261202002047';
import { Migration20261202044001 } from './Migration20261202044001';
import { Migration20261202121918 } from './Migration20261202121918';
import { Migration20261202122701 } from './Migration20261202122701';
import { Migration20261202123408 } from './Migration20261202123408';
import { Migration20261202043826 } from './Migration20261202043826';
import { Migration20261202144439 } from './Migration20261202144439';
import { Migration20261202155910 } from './Migration20261202155910';
import { Migration20261203141800 } from './Migration20261203141800';
import { Migration20261203144900 } from './Migration20261203144900';

/** Every migration in order. `npm run migrate -- --create` writes a new one; append its class here. */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261125071935', class: Migration20261125071935 },
  { name: 'Migration20261125084119', class: Migration20261125084119 },
  { name: 'Migration20261125092243', class: Migration20261125092243 },
  { name: 'Migration20261201200000', class: Migration20261201200000 },
  { name: 'Migration20261201210000', class: Migration20261201210000 },
  { name: 'Migration20261201231656', class: Migration20261201231656 },
  { name: 'Migration20261202002047', class: Migration20261202002047 },
  { name: 'Migration20261202043826', class: Migration20261202043826 },
  { name: 'Migration20261202044001', class: Migration20261202044001 },
  { name: 'Migration20261202121918', class: Migration20261202121918 },
  { name: 'Migration20261202122701', class: Migration20261202122701 },
  { name: 'Migration20261202123408', class: Migration20261202123408 },
  { name: 'Migration20261202144439', class: Migration20261202144439 },
  { name: 'Migration20261202155910', class: Migration20261202155910 },
  { name: 'Migration20261203141800', class: Migration20261203141800 },
  { name: 'Migration20261203144900', class: Migration20261203144900 },
];
