-- Diabetes care to the international standard (issue 18): the patient's diabetes profile (type, year of
-- diagnosis, HbA1c target and which consensus glucose targets apply), lab results and other LOINC-coded
-- clinical observations (from FHIR records or entered by the patient or a doctor), and meals (entered in the
-- app or arriving as Nightscout carbs). Free text (a meal's description, a result's note) is encrypted by
-- the application; a meal's photo lives encrypted in the object store, named here by its key.
CREATE TYPE "DiabetesType" AS ENUM ('TYPE_1', 'TYPE_2', 'GESTATIONAL', 'PREDIABETES', 'OTHER');
CREATE TYPE "GlucoseTargetPreset" AS ENUM ('STANDARD', 'OLDER_HIGH_RISK', 'PREGNANCY_TYPE_1');
CREATE TYPE "MealType" AS ENUM ('BREAKFAST', 'LUNCH', 'DINNER', 'SNACK', 'OTHER');

CREATE TABLE "diabetes_profiles" (
    "user_id" UUID NOT NULL,
    "diabetes_type" "DiabetesType",
    "diagnosis_year" INTEGER,
    "target_hba1c" DOUBLE PRECISION,
    "target_preset" "GlucoseTargetPreset" NOT NULL DEFAULT 'STANDARD',
    "updated_by_id" UUID,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "diabetes_profiles_pkey" PRIMARY KEY ("user_id")
);
ALTER TABLE "diabetes_profiles" ADD CONSTRAINT "diabetes_profiles_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "lab_results" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "loinc_code" TEXT NOT NULL,
    "display" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "unit" TEXT NOT NULL,
    "reference_low" DOUBLE PRECISION,
    "reference_high" DOUBLE PRECISION,
    "effective_at" TIMESTAMPTZ(3) NOT NULL,
    "source" TEXT NOT NULL,
    "source_id" TEXT,
    "import_id" UUID,
    "recorded_by_id" UUID,
    "note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "lab_results_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "lab_results_user_id_loinc_code_effective_at_key" ON "lab_results"("user_id", "loinc_code", "effective_at");
CREATE INDEX "lab_results_user_id_effective_at_idx" ON "lab_results"("user_id", "effective_at");
ALTER TABLE "lab_results" ADD CONSTRAINT "lab_results_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "meals" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "meal_type" "MealType" NOT NULL,
    "eaten_at" TIMESTAMPTZ(3) NOT NULL,
    "carbs_grams" DOUBLE PRECISION,
    "description" TEXT,
    "photo_key" TEXT,
    "source" TEXT NOT NULL DEFAULT 'app',
    "source_id" TEXT,
    "recorded_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "meals_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "meals_user_id_source_id_key" ON "meals"("user_id", "source_id");
CREATE INDEX "meals_user_id_eaten_at_idx" ON "meals"("user_id", "eaten_at");
ALTER TABLE "meals" ADD CONSTRAINT "meals_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
