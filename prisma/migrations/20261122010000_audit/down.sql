-- Reverts 20261122010000_audit (the rows and their hashes stay; nothing was granted to PUBLIC before).
DROP TRIGGER IF EXISTS audit_log_no_truncate ON "audit_log";
DROP TRIGGER IF EXISTS audit_log_no_change ON "audit_log";
DROP TRIGGER IF EXISTS audit_log_chain ON "audit_log";
DROP FUNCTION IF EXISTS audit_log_refuse_change();
DROP FUNCTION IF EXISTS audit_log_chain();
DROP FUNCTION IF EXISTS audit_log_hash("audit_log");
DROP FUNCTION IF EXISTS audit_log_field(TEXT);
