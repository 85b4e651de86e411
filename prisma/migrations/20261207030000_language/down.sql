ALTER TABLE "user_preferences" DROP CONSTRAINT "user_preferences_language_check", DROP COLUMN "language";
