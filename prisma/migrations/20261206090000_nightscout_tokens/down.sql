DROP TABLE "nightscout_tokens";
