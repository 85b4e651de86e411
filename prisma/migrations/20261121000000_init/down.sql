-- Reverts 20261121000000_init: drops every object it created (partitions go with their parent).
DROP TABLE IF EXISTS "retention_runs", "audit_log", "idempotency_keys", "share_tokens", "notifications",
  "emergency_events", "insight_interactions", "insights", "medication_logs", "medications", "health_events",
  "dirty_ranges", "health_aggregates", "health_samples", "health_types", "device_type_priorities", "devices",
  "alert_thresholds", "care_relationships", "user_preferences", "profiles", "users" CASCADE;
DROP FUNCTION IF EXISTS ensure_health_sample_partitions(DATE, DATE);
DROP TYPE IF EXISTS "Role", "HealthType", "Aggregation", "DedupKind", "DeviceType", "CareKind", "GlucoseUnit",
  "WeightUnit", "DistanceUnit", "TemperatureUnit", "AlertDelivery", "Period", "HealthEventKind",
  "MedicationLogStatus", "InsightKind", "Severity", "InsightStatus", "InsightAction", "EmergencyKind",
  "EmergencyStatus", "NotificationStatus", "AuditOutcome", "RunKind", "RunStatus";
