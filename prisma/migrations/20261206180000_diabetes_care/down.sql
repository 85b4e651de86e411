DROP TABLE "meals";
DROP TABLE "lab_results";
DROP TABLE "diabetes_profiles";
DROP TYPE "MealType";
DROP TYPE "GlucoseTargetPreset";
DROP TYPE "DiabetesType";
