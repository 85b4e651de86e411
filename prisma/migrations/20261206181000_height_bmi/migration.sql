-- Height and body mass index join the health types (issue 18, item 6): clinical records (a FHIR
-- vital-signs panel, as Synthea writes it) and phones carry them. The health_types rows come from lib/health
-- (syncHealthTypeCatalogue), as for every other type.
ALTER TYPE "HealthType" ADD VALUE 'HEIGHT';
ALTER TYPE "HealthType" ADD VALUE 'BMI';
