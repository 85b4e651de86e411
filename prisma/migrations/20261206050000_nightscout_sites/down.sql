DROP TABLE "nightscout_uploaders";
DROP TABLE "nightscout_sites";
