DELETE FROM "entry_revisions" WHERE "entry_kind" = 'dose';
ALTER TABLE "entry_revisions" DROP CONSTRAINT "entry_revisions_kind_check";
ALTER TABLE "entry_revisions" ADD CONSTRAINT "entry_revisions_kind_check" CHECK ("entry_kind" IN ('reading', 'event', 'meal'));
