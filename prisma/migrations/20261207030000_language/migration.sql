-- Issue 21: each person's language (null: never chosen; pages follow the browser, messages go in English).
ALTER TABLE "user_preferences"
    ADD COLUMN "language" TEXT,
    ADD CONSTRAINT "user_preferences_language_check" CHECK ("language" IN ('en', 'hi', 'ta', 'te', 'bn', 'mr', 'gu'));
