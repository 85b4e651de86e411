-- Nightscout documents (issue 16): the treatments, devicestatus, profile, food, settings and activity
-- documents clients post to a site, kept as they were sent (API v1 and v3 answer them back; treatments
-- and activity are also projected into samples and timeline events, which stay the product's truth).
-- One row per document, keyed by its identifier within the site and collection (the client's own id,
-- else cgm-remote-monitor's rule; lib/nightscout/identifier.ts). The document itself is JSON encrypted
-- with the owner's data key (bound to site, collection and identifier). A deleted document stays with
-- is_valid = false and a new srv_modified, so API v3 `history` can tell clients it is gone. `object_id`
-- is the 24-hex `_id` answered to v1 clients, derived from the identifier (stable), kept to find a
-- document by it (PUT, DELETE /treatments/<_id>, and an echo of a document we answered coming back).
CREATE TABLE "nightscout_documents" (
    "site_id" UUID NOT NULL,
    "collection" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "object_id" TEXT NOT NULL,
    "user_id" UUID NOT NULL,
    "uploader_device_id" UUID,
    "date_ms" BIGINT NOT NULL,
    "event_type" TEXT,
    "doc" TEXT NOT NULL,
    "srv_created" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "srv_modified" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "is_valid" BOOLEAN NOT NULL DEFAULT true,
    CONSTRAINT "nightscout_documents_pkey" PRIMARY KEY ("site_id", "collection", "identifier"),
    CONSTRAINT "nightscout_documents_collection_check" CHECK ("collection" IN ('treatments', 'devicestatus', 'profile', 'food', 'settings', 'activity'))
);
CREATE INDEX "nightscout_documents_site_id_collection_date_ms_idx" ON "nightscout_documents"("site_id", "collection", "date_ms" DESC);
CREATE UNIQUE INDEX "nightscout_documents_site_id_collection_object_id_key" ON "nightscout_documents"("site_id", "collection", "object_id");
CREATE INDEX "nightscout_documents_site_id_collection_srv_modified_idx" ON "nightscout_documents"("site_id", "collection", "srv_modified");
ALTER TABLE "nightscout_documents" ADD CONSTRAINT "nightscout_documents_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "nightscout_sites"("device_id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "nightscout_documents" ADD CONSTRAINT "nightscout_documents_uploader_device_id_fkey" FOREIGN KEY ("uploader_device_id") REFERENCES "devices"("id") ON DELETE SET NULL ON UPDATE CASCADE;
