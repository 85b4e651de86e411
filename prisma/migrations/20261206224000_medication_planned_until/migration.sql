-- How far a medication's planned doses have been written down (issue 19): every planned dose before this
-- instant has its log (taken, skipped, or MISSED written by the sweep). Doses after it are planned in the
-- patient's current zone, so a zone change re-plans the future only.
ALTER TABLE "medications" ADD COLUMN "planned_until" TIMESTAMPTZ(3);
