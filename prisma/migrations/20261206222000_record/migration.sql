-- The rest of the patient's record (issue 19): conditions, allergies and emergency contacts, each a
-- relation of its own, edited by the patient or a linked doctor or imported from FHIR (source 'fhir',
-- source_id the resource's identity: unique per patient, so a re-import adds nothing). Free text about
-- the person (a condition's name and note, an allergy's substance and reaction, a contact's name and
-- phone) is encrypted by the application with the owner's data key; codes and statuses are not.
-- Like medications and health_events, user_id carries no foreign key (schema.prisma keeps relations off the
-- User model): deleting a user shreds their data key, leaving the encrypted text unreadable.

CREATE TYPE "ConditionStatus" AS ENUM ('ACTIVE', 'RECURRENCE', 'RELAPSE', 'INACTIVE', 'REMISSION', 'RESOLVED');
CREATE TYPE "AllergySeverity" AS ENUM ('MILD', 'MODERATE', 'SEVERE');
CREATE TYPE "AllergyCriticality" AS ENUM ('LOW', 'HIGH', 'UNABLE_TO_ASSESS');
CREATE TYPE "AllergyStatus" AS ENUM ('ACTIVE', 'INACTIVE', 'RESOLVED');

CREATE TABLE "conditions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "display" TEXT NOT NULL,
    "code_system" TEXT,
    "code" TEXT,
    "onset_date" DATE,
    "clinical_status" "ConditionStatus" NOT NULL DEFAULT 'ACTIVE',
    "note" TEXT,
    "source" TEXT NOT NULL DEFAULT 'app',
    "source_id" TEXT,
    "recorded_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "conditions_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "conditions_code_system_check" CHECK ("code_system" IS NULL OR "code_system" IN ('ICD10', 'SNOMED')),
    CONSTRAINT "conditions_source_check" CHECK ("source" IN ('app', 'fhir'))
);
CREATE UNIQUE INDEX "conditions_user_id_source_id_key" ON "conditions"("user_id", "source_id");
CREATE INDEX "conditions_user_id_idx" ON "conditions"("user_id");

CREATE TABLE "allergies" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "substance" TEXT NOT NULL,
    "code_system" TEXT,
    "code" TEXT,
    "reaction" TEXT,
    "severity" "AllergySeverity",
    "criticality" "AllergyCriticality",
    "clinical_status" "AllergyStatus" NOT NULL DEFAULT 'ACTIVE',
    "source" TEXT NOT NULL DEFAULT 'app',
    "source_id" TEXT,
    "recorded_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "allergies_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "allergies_code_system_check" CHECK ("code_system" IS NULL OR "code_system" IN ('RXNORM', 'SNOMED')),
    CONSTRAINT "allergies_source_check" CHECK ("source" IN ('app', 'fhir'))
);
CREATE UNIQUE INDEX "allergies_user_id_source_id_key" ON "allergies"("user_id", "source_id");
CREATE INDEX "allergies_user_id_idx" ON "allergies"("user_id");

CREATE TABLE "emergency_contacts" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "relation" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "priority" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "emergency_contacts_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "emergency_contacts_user_id_idx" ON "emergency_contacts"("user_id");
