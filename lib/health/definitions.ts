// The full catalogue, assembled from its slices; the Record type makes a missing type a compile error.
import { ACTIVITY_DEFINITIONS } from './definitions-activity';
import { BODY_DEFINITIONS } from './definitions-body';
import { CATEGORY_DEFINITIONS } from './definitions-category';
import { DIABETES_DEFINITIONS } from './definitions-diabetes';
import { VITALS_DEFINITIONS } from './definitions-vitals';
import type { HealthType, HealthTypeDefinition } from './health-types';

export const HEALTH_TYPE_DEFINITIONS: Readonly<Record<HealthType, HealthTypeDefinition>> = Object.freeze({
  ...ACTIVITY_DEFINITIONS,
  ...VITALS_DEFINITIONS,
  ...BODY_DEFINITIONS,
  ...CATEGORY_DEFINITIONS,
  ...DIABETES_DEFINITIONS,
});
