-- Corrections of dose logs (issue 19): a dose a person logged (taken, taken late, skipped) is corrected or
-- retracted like any hand-made entry, its earlier states kept in entry_revisions under the kind 'dose'.
ALTER TABLE "entry_revisions" DROP CONSTRAINT "entry_revisions_kind_check";
ALTER TABLE "entry_revisions" ADD CONSTRAINT "entry_revisions_kind_check" CHECK ("entry_kind" IN ('reading', 'event', 'meal', 'dose'));
