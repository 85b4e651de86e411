-- Audit log: append-only (UPDATE, DELETE and TRUNCATE raise, even for the table's owner) and
-- tamper-evident (a hash chain computed here, verified by `npm run audit:verify` / lib/audit/verify.ts).
--
-- Chain: hash = sha256 of the canonical text of (prev_hash, id, occurred_at, actor_user_id,
-- actor_device_id, action, target_type, target_id, patient_id, ip, user_agent, outcome, details), each
-- field written as "<octets>:<text>" (NULL as "-") and joined by "|". The first row's prev_hash is 64 zeros.
-- The insert trigger takes a transaction advisory lock, then assigns the id and links to the newest row,
-- so id order is chain order under concurrency. Audit inserts run in their own short transactions.

CREATE FUNCTION audit_log_field(v TEXT) RETURNS TEXT IMMUTABLE LANGUAGE sql AS $$
  SELECT CASE WHEN v IS NULL THEN '-' ELSE octet_length(v)::TEXT || ':' || v END
$$;

CREATE FUNCTION audit_log_hash(r "audit_log") RETURNS TEXT STABLE LANGUAGE sql AS $$
  SELECT encode(sha256(convert_to(concat_ws('|',
    audit_log_field(r.prev_hash),
    audit_log_field(r.id::TEXT),
    audit_log_field(to_char(r.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')),
    audit_log_field(r.actor_user_id::TEXT),
    audit_log_field(r.actor_device_id::TEXT),
    audit_log_field(r.action),
    audit_log_field(r.target_type),
    audit_log_field(r.target_id),
    audit_log_field(r.patient_id::TEXT),
    audit_log_field(r.ip),
    audit_log_field(r.user_agent),
    audit_log_field(r.outcome::TEXT),
    audit_log_field(r.details::TEXT)
  ), 'UTF8')), 'hex')
$$;

CREATE FUNCTION audit_log_chain() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(820261122);
  NEW.id := nextval(pg_get_serial_sequence('audit_log', 'id'));
  NEW.prev_hash := COALESCE((SELECT a.hash FROM "audit_log" a ORDER BY a.id DESC LIMIT 1), repeat('0', 64));
  NEW.hash := audit_log_hash(NEW);
  RETURN NEW;
END
$$;

CREATE FUNCTION audit_log_refuse_change() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

-- Rows written before this migration (none are expected) join the chain in id order.
DO $$
DECLARE
  r "audit_log";
  prev TEXT := repeat('0', 64);
BEGIN
  FOR r IN SELECT * FROM "audit_log" ORDER BY id LOOP
    r.prev_hash := prev;
    prev := audit_log_hash(r);
    UPDATE "audit_log" SET prev_hash = r.prev_hash, hash = prev WHERE id = r.id;
  END LOOP;
END
$$;

CREATE TRIGGER audit_log_chain BEFORE INSERT ON "audit_log" FOR EACH ROW EXECUTE FUNCTION audit_log_chain();
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();

REVOKE UPDATE, DELETE, TRUNCATE ON "audit_log" FROM PUBLIC;
