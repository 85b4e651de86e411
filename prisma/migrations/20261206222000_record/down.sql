DROP TABLE "emergency_contacts";
DROP TABLE "allergies";
DROP TABLE "conditions";
DROP TYPE "AllergyStatus";
DROP TYPE "AllergyCriticality";
DROP TYPE "AllergySeverity";
DROP TYPE "ConditionStatus";
