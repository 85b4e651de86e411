ALTER TABLE "medications" DROP COLUMN "planned_until";
