-- Initial schema: the whole product's data model (see prisma/schema.prisma for what each table is for).

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('PATIENT', 'DOCTOR', 'CAREGIVER', 'ADMIN');
CREATE TYPE "HealthType" AS ENUM ('STEPS', 'DISTANCE', 'ACTIVE_ENERGY', 'HEART_RATE', 'RESTING_HEART_RATE', 'BLOOD_PRESSURE_SYSTOLIC', 'BLOOD_PRESSURE_DIASTOLIC', 'WEIGHT', 'BODY_FAT', 'BLOOD_GLUCOSE', 'OXYGEN_SATURATION', 'BODY_TEMPERATURE', 'RESPIRATORY_RATE', 'SLEEP_ANALYSIS', 'SLEEP_STATE', 'MENSTRUAL_FLOW', 'WORKOUT');
CREATE TYPE "Aggregation" AS ENUM ('SUM', 'AVERAGE', 'LATEST');
CREATE TYPE "DedupKind" AS ENUM ('CUMULATIVE', 'INSTANT', 'CATEGORY_INTERVAL', 'WORKOUT');
CREATE TYPE "DeviceType" AS ENUM ('watch', 'phone', 'tablet', 'wearable', 'scale', 'bp_monitor', 'glucometer', 'thermometer', 'pulse_oximeter', 'manual');
CREATE TYPE "CareKind" AS ENUM ('DOCTOR', 'CAREGIVER');
CREATE TYPE "GlucoseUnit" AS ENUM ('MG_DL', 'MMOL_L');
CREATE TYPE "WeightUnit" AS ENUM ('KG', 'LB');
CREATE TYPE "DistanceUnit" AS ENUM ('KM', 'MI');
CREATE TYPE "TemperatureUnit" AS ENUM ('CELSIUS', 'FAHRENHEIT');
CREATE TYPE "AlertDelivery" AS ENUM ('IMMEDIATE', 'DAILY_DIGEST');
CREATE TYPE "Period" AS ENUM ('HOUR', 'DAY', 'WEEK', 'MONTH');
CREATE TYPE "HealthEventKind" AS ENUM ('MOOD', 'SYMPTOM', 'MEDICATION', 'NOTE', 'ASSESSMENT');
CREATE TYPE "MedicationLogStatus" AS ENUM ('TAKEN', 'TAKEN_LATE', 'MISSED', 'SKIPPED');
CREATE TYPE "InsightKind" AS ENUM ('RESTING_HR_TREND', 'SLEEP_DEFICIT', 'ACTIVITY_CHANGE', 'GLUCOSE_TIME_IN_RANGE', 'MEDICATION_ADHERENCE');
CREATE TYPE "Severity" AS ENUM ('INFO', 'LOW', 'MEDIUM', 'HIGH');
CREATE TYPE "InsightStatus" AS ENUM ('ACTIVE', 'ACKNOWLEDGED', 'DISMISSED', 'RESOLVED');
CREATE TYPE "InsightAction" AS ENUM ('VIEWED', 'ACKNOWLEDGED', 'DISMISSED');
CREATE TYPE "EmergencyKind" AS ENUM ('GLUCOSE_LOW', 'GLUCOSE_HIGH', 'BLOOD_PRESSURE_CRISIS');
CREATE TYPE "EmergencyStatus" AS ENUM ('OPEN', 'ACKNOWLEDGED', 'ESCALATED', 'RESOLVED');
CREATE TYPE "NotificationStatus" AS ENUM ('DRAFT', 'SCHEDULED', 'SENT', 'READ');
CREATE TYPE "AuditOutcome" AS ENUM ('SUCCESS', 'DENIED', 'FAILURE');
CREATE TYPE "RunKind" AS ENUM ('RETENTION', 'ARCHIVE', 'RESTORE', 'INTEGRITY', 'PARTITIONS');
CREATE TYPE "RunStatus" AS ENUM ('RUNNING', 'SUCCEEDED', 'FAILED');

-- People
CREATE TABLE "users" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "session_version" INTEGER NOT NULL DEFAULT 1,
    "disabled_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

CREATE TABLE "profiles" (
    "user_id" UUID NOT NULL,
    "display_name" TEXT NOT NULL,
    "date_of_birth" DATE,
    "time_zone" TEXT NOT NULL DEFAULT 'UTC',
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "profiles_pkey" PRIMARY KEY ("user_id")
);

CREATE TABLE "user_preferences" (
    "user_id" UUID NOT NULL,
    "glucose_unit" "GlucoseUnit" NOT NULL DEFAULT 'MG_DL',
    "weight_unit" "WeightUnit" NOT NULL DEFAULT 'KG',
    "distance_unit" "DistanceUnit" NOT NULL DEFAULT 'KM',
    "temperature_unit" "TemperatureUnit" NOT NULL DEFAULT 'CELSIUS',
    "alert_delivery" "AlertDelivery" NOT NULL DEFAULT 'IMMEDIATE',
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "user_preferences_pkey" PRIMARY KEY ("user_id")
);

CREATE TABLE "care_relationships" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "patient_id" UUID NOT NULL,
    "carer_id" UUID NOT NULL,
    "kind" "CareKind" NOT NULL,
    "can_view" BOOLEAN NOT NULL DEFAULT true,
    "can_log_data" BOOLEAN NOT NULL DEFAULT false,
    "can_receive_alerts" BOOLEAN NOT NULL DEFAULT false,
    "last_reviewed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),
    CONSTRAINT "care_relationships_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "care_relationships_patient_id_carer_id_kind_key" ON "care_relationships"("patient_id", "carer_id", "kind");
CREATE INDEX "care_relationships_carer_id_idx" ON "care_relationships"("carer_id");

CREATE TABLE "alert_thresholds" (
    "patient_id" UUID NOT NULL,
    "glucose_low_mg_dl" DOUBLE PRECISION NOT NULL DEFAULT 54,
    "glucose_high_mg_dl" DOUBLE PRECISION NOT NULL DEFAULT 300,
    "systolic_high" DOUBLE PRECISION NOT NULL DEFAULT 180,
    "diastolic_high" DOUBLE PRECISION NOT NULL DEFAULT 120,
    "updated_by_id" UUID,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "alert_thresholds_pkey" PRIMARY KEY ("patient_id")
);

-- Devices
CREATE TABLE "devices" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "type" "DeviceType" NOT NULL,
    "name" TEXT NOT NULL,
    "identifier" TEXT,
    "priority" INTEGER NOT NULL,
    "token_hash" TEXT NOT NULL,
    "last_sync_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),
    CONSTRAINT "devices_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "devices_token_hash_key" ON "devices"("token_hash");
CREATE INDEX "devices_user_id_idx" ON "devices"("user_id");

CREATE TABLE "device_type_priorities" (
    "device_id" UUID NOT NULL,
    "health_type" "HealthType" NOT NULL,
    "priority" INTEGER NOT NULL,
    CONSTRAINT "device_type_priorities_pkey" PRIMARY KEY ("device_id", "health_type")
);

-- Health data
CREATE TABLE "health_types" (
    "type" "HealthType" NOT NULL,
    "display_name" TEXT NOT NULL,
    "canonical_unit" TEXT NOT NULL,
    "aggregation" "Aggregation" NOT NULL,
    "dedup_kind" "DedupKind" NOT NULL,
    "match_window_seconds" INTEGER,
    "min_value" DOUBLE PRECISION NOT NULL,
    "max_value" DOUBLE PRECISION NOT NULL,
    "loinc_code" TEXT,
    "healthkit_id" TEXT NOT NULL,
    "category_values" TEXT[],
    CONSTRAINT "health_types_pkey" PRIMARY KEY ("type")
);

-- Range-partitioned by month on start_at; unique keys must include the partition key.
CREATE TABLE "health_samples" (
    "id" BIGSERIAL NOT NULL,
    "user_id" UUID NOT NULL,
    "device_id" UUID NOT NULL,
    "type" "HealthType" NOT NULL,
    "start_at" TIMESTAMPTZ(3) NOT NULL,
    "end_at" TIMESTAMPTZ(3) NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "category" TEXT,
    "client_record_id" TEXT,
    "version" INTEGER,
    "metadata" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "health_samples_pkey" PRIMARY KEY ("id", "start_at")
) PARTITION BY RANGE ("start_at");
CREATE INDEX "health_samples_user_id_type_start_at_idx" ON "health_samples"("user_id", "type", "start_at");
-- Layer 1 of dedup (dedup.md): the device's own record id, else (device, type, start, end). Partial
-- indexes cannot be declared in schema.prisma; the drift test knows about them.
CREATE UNIQUE INDEX "health_samples_device_record_key" ON "health_samples"("device_id", "client_record_id", "start_at") WHERE "client_record_id" IS NOT NULL;
CREATE UNIQUE INDEX "health_samples_device_interval_key" ON "health_samples"("device_id", "type", "start_at", "end_at") WHERE "client_record_id" IS NULL;

-- Creates the monthly partitions covering [from_month, to_month]; safe to call concurrently and repeatedly.
CREATE FUNCTION ensure_health_sample_partitions(from_month DATE, to_month DATE) RETURNS INTEGER
LANGUAGE plpgsql AS $$
DECLARE
  m DATE := date_trunc('month', from_month)::date;
  created INTEGER := 0;
  part TEXT;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('ensure_health_sample_partitions'));
  WHILE m <= to_month LOOP
    part := format('health_samples_%s', to_char(m, 'YYYY_MM'));
    IF to_regclass(part) IS NULL THEN
      EXECUTE format('CREATE TABLE %I PARTITION OF health_samples FOR VALUES FROM (%L) TO (%L)',
                     part, m::text || ' 00:00:00+00', (m + INTERVAL '1 month')::date::text || ' 00:00:00+00');
      created := created + 1;
    END IF;
    m := (m + INTERVAL '1 month')::date;
  END LOOP;
  RETURN created;
END $$;
SELECT ensure_health_sample_partitions((CURRENT_DATE - INTERVAL '3 months')::date, (CURRENT_DATE + INTERVAL '3 months')::date);

CREATE TABLE "health_aggregates" (
    "user_id" UUID NOT NULL,
    "type" "HealthType" NOT NULL,
    "period" "Period" NOT NULL,
    "period_start" TIMESTAMP(0) NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "min" DOUBLE PRECISION,
    "max" DOUBLE PRECISION,
    "count" INTEGER NOT NULL,
    "sum" DOUBLE PRECISION NOT NULL,
    "sources" JSONB NOT NULL,
    "computed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "health_aggregates_pkey" PRIMARY KEY ("user_id", "type", "period", "period_start")
);

CREATE TABLE "dirty_ranges" (
    "id" BIGSERIAL NOT NULL,
    "user_id" UUID NOT NULL,
    "type" "HealthType" NOT NULL,
    "day_from" DATE NOT NULL,
    "day_to" DATE NOT NULL,
    "marked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "dirty_ranges_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "dirty_ranges_user_id_type_idx" ON "dirty_ranges"("user_id", "type");
CREATE INDEX "dirty_ranges_marked_at_idx" ON "dirty_ranges"("marked_at");

CREATE TABLE "health_events" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "kind" "HealthEventKind" NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "payload" JSONB NOT NULL,
    "recorded_by_id" UUID NOT NULL,
    "supersedes_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "health_events_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "health_events_user_id_occurred_at_idx" ON "health_events"("user_id", "occurred_at");

CREATE TABLE "medications" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "dosage" TEXT,
    "schedule" JSONB NOT NULL,
    "started_on" DATE NOT NULL,
    "ended_on" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "medications_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "medications_user_id_idx" ON "medications"("user_id");

CREATE TABLE "medication_logs" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "medication_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "scheduled_at" TIMESTAMPTZ(3) NOT NULL,
    "taken_at" TIMESTAMPTZ(3),
    "status" "MedicationLogStatus" NOT NULL,
    "recorded_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "medication_logs_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "medication_logs_medication_id_scheduled_at_key" ON "medication_logs"("medication_id", "scheduled_at");
CREATE INDEX "medication_logs_user_id_scheduled_at_idx" ON "medication_logs"("user_id", "scheduled_at");

-- Insights, alerts, notifications
CREATE TABLE "insights" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "kind" "InsightKind" NOT NULL,
    "severity" "Severity" NOT NULL,
    "status" "InsightStatus" NOT NULL DEFAULT 'ACTIVE',
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "window_start" DATE NOT NULL,
    "window_end" DATE NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "insights_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "insights_user_id_status_idx" ON "insights"("user_id", "status");
-- One active insight per kind and user: updated rather than repeated.
CREATE UNIQUE INDEX "insights_one_active_per_kind" ON "insights"("user_id", "kind") WHERE "status" = 'ACTIVE';

CREATE TABLE "insight_interactions" (
    "id" BIGSERIAL NOT NULL,
    "insight_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "action" "InsightAction" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "insight_interactions_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "insight_interactions_insight_id_idx" ON "insight_interactions"("insight_id");

CREATE TABLE "emergency_events" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "patient_id" UUID NOT NULL,
    "kind" "EmergencyKind" NOT NULL,
    "status" "EmergencyStatus" NOT NULL DEFAULT 'OPEN',
    "details" JSONB NOT NULL,
    "detected_at" TIMESTAMPTZ(3) NOT NULL,
    "acknowledged_at" TIMESTAMPTZ(3),
    "acknowledged_by_id" UUID,
    "escalated_at" TIMESTAMPTZ(3),
    "resolved_at" TIMESTAMPTZ(3),
    "resolved_by_id" UUID,
    CONSTRAINT "emergency_events_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "emergency_events_patient_id_status_idx" ON "emergency_events"("patient_id", "status");

CREATE TABLE "notifications" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "recipient_id" UUID NOT NULL,
    "patient_id" UUID,
    "kind" TEXT NOT NULL,
    "is_emergency" BOOLEAN NOT NULL DEFAULT false,
    "status" "NotificationStatus" NOT NULL DEFAULT 'DRAFT',
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "emergency_event_id" UUID,
    "insight_id" UUID,
    "scheduled_for" TIMESTAMPTZ(3),
    "sent_at" TIMESTAMPTZ(3),
    "read_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "notifications_recipient_id_status_idx" ON "notifications"("recipient_id", "status");
CREATE INDEX "notifications_patient_id_created_at_idx" ON "notifications"("patient_id", "created_at");

-- Access, audit, operations
CREATE TABLE "share_tokens" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "patient_id" UUID NOT NULL,
    "recipient_user_id" UUID,
    "recipient_email" TEXT,
    "code_hash" TEXT,
    "types" "HealthType"[],
    "data_from" DATE NOT NULL,
    "data_to" DATE NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    "last_used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "share_tokens_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "share_tokens_code_hash_key" ON "share_tokens"("code_hash");
CREATE INDEX "share_tokens_patient_id_idx" ON "share_tokens"("patient_id");
CREATE INDEX "share_tokens_recipient_user_id_idx" ON "share_tokens"("recipient_user_id");

CREATE TABLE "idempotency_keys" (
    "device_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    "status_code" INTEGER NOT NULL,
    "response" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY ("device_id", "key")
);
CREATE INDEX "idempotency_keys_created_at_idx" ON "idempotency_keys"("created_at");

CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_user_id" UUID,
    "actor_device_id" UUID,
    "action" TEXT NOT NULL,
    "target_type" TEXT,
    "target_id" TEXT,
    "patient_id" UUID,
    "ip" TEXT,
    "user_agent" TEXT,
    "outcome" "AuditOutcome" NOT NULL,
    "details" JSONB,
    "prev_hash" TEXT,
    "hash" TEXT,
    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "audit_log_actor_user_id_occurred_at_idx" ON "audit_log"("actor_user_id", "occurred_at");
CREATE INDEX "audit_log_patient_id_occurred_at_idx" ON "audit_log"("patient_id", "occurred_at");

CREATE TABLE "retention_runs" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "kind" "RunKind" NOT NULL,
    "status" "RunStatus" NOT NULL DEFAULT 'RUNNING',
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "counts" JSONB NOT NULL DEFAULT '{}',
    "error" TEXT,
    CONSTRAINT "retention_runs_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "retention_runs_kind_started_at_idx" ON "retention_runs"("kind", "started_at");

-- AddForeignKey
ALTER TABLE "profiles" ADD CONSTRAINT "profiles_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "user_preferences" ADD CONSTRAINT "user_preferences_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "care_relationships" ADD CONSTRAINT "care_relationships_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "care_relationships" ADD CONSTRAINT "care_relationships_carer_id_fkey" FOREIGN KEY ("carer_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "alert_thresholds" ADD CONSTRAINT "alert_thresholds_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "devices" ADD CONSTRAINT "devices_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "device_type_priorities" ADD CONSTRAINT "device_type_priorities_device_id_fkey" FOREIGN KEY ("device_id") REFERENCES "devices"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "medication_logs" ADD CONSTRAINT "medication_logs_medication_id_fkey" FOREIGN KEY ("medication_id") REFERENCES "medications"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "insight_interactions" ADD CONSTRAINT "insight_interactions_insight_id_fkey" FOREIGN KEY ("insight_id") REFERENCES "insights"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_device_id_fkey" FOREIGN KEY ("device_id") REFERENCES "devices"("id") ON DELETE CASCADE ON UPDATE CASCADE;
