DROP TABLE "push_deliveries";
DROP TABLE "push_subscriptions";
ALTER TABLE "mail_messages" DROP COLUMN "notification_id";
DROP INDEX "notifications_recipient_id_created_at_idx";
ALTER TABLE "notifications" DROP COLUMN "channels";
ALTER TABLE "emergency_events" DROP COLUMN "escalation_level";
ALTER TABLE "user_preferences"
    DROP CONSTRAINT "user_preferences_quiet_hours_check",
    DROP CONSTRAINT "user_preferences_escalation_check",
    DROP COLUMN "notification_channels",
    DROP COLUMN "quiet_hours_start",
    DROP COLUMN "quiet_hours_end",
    DROP COLUMN "values_in_messages",
    DROP COLUMN "caregiver_digest",
    DROP COLUMN "escalate_after_minutes",
    DROP COLUMN "escalate_again_after_minutes",
    DROP COLUMN "recheck_after_minutes";
DROP TYPE "DeliveryStatus";
DROP TYPE "NotificationChannel";
-- An enum value cannot be dropped: links that chose NONE go back to the default first.
UPDATE "care_relationships" SET "alert_delivery" = 'IMMEDIATE' WHERE "alert_delivery" = 'NONE';
UPDATE "user_preferences" SET "alert_delivery" = 'IMMEDIATE' WHERE "alert_delivery" = 'NONE';
ALTER TYPE "AlertDelivery" RENAME TO "AlertDelivery_old";
CREATE TYPE "AlertDelivery" AS ENUM ('IMMEDIATE', 'DAILY_DIGEST');
ALTER TABLE "care_relationships" ALTER COLUMN "alert_delivery" DROP DEFAULT, ALTER COLUMN "alert_delivery" TYPE "AlertDelivery" USING "alert_delivery"::text::"AlertDelivery", ALTER COLUMN "alert_delivery" SET DEFAULT 'IMMEDIATE';
ALTER TABLE "user_preferences" ALTER COLUMN "alert_delivery" DROP DEFAULT, ALTER COLUMN "alert_delivery" TYPE "AlertDelivery" USING "alert_delivery"::text::"AlertDelivery", ALTER COLUMN "alert_delivery" SET DEFAULT 'IMMEDIATE';
DROP TYPE "AlertDelivery_old";
