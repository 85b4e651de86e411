DROP TABLE "nightscout_documents";
