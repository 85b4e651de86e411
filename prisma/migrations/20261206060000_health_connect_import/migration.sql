-- Health Connect's own export (issue 16, point 6): a zip holding health_connect_export.db (SQLite),
-- imported through the same machinery as the other formats.
ALTER TYPE "ImportFormat" ADD VALUE 'HEALTH_CONNECT';
