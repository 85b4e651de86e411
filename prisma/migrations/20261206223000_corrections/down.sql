DROP TABLE "entry_revisions";
