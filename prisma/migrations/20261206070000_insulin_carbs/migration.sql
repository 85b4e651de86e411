-- Diabetes treatments (issue 16, point 4): insulin delivered (bolus, SMB, correction, temp basal, basal; in
-- [iU]) and carbohydrates eaten (g), as two new health types. The health_types rows come from lib/health
-- (syncHealthTypeCatalogue), as for every other type.
ALTER TYPE "HealthType" ADD VALUE 'INSULIN';
ALTER TYPE "HealthType" ADD VALUE 'CARBOHYDRATES';
