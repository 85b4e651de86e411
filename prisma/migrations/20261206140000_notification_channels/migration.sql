-- Alerts that reach people (issue 17): per-person notification preferences, a doctor's "none" for a
-- patient's alerts, the escalation level an emergency reached, the channels each notification went to,
-- Web Push subscriptions (encrypted with the owner's data key) and the push channel's delivery queue.
-- E-mail notifications go through mail_messages, which now names the notification it delivers.
ALTER TYPE "AlertDelivery" ADD VALUE 'NONE';
CREATE TYPE "NotificationChannel" AS ENUM ('EMAIL', 'PUSH');
CREATE TYPE "DeliveryStatus" AS ENUM ('QUEUED', 'SENDING', 'SENT', 'FAILED');

ALTER TABLE "user_preferences"
    ADD COLUMN "notification_channels" JSONB NOT NULL DEFAULT '{}',
    ADD COLUMN "quiet_hours_start" INTEGER,
    ADD COLUMN "quiet_hours_end" INTEGER,
    ADD COLUMN "values_in_messages" BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN "caregiver_digest" BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN "escalate_after_minutes" INTEGER NOT NULL DEFAULT 15,
    ADD COLUMN "escalate_again_after_minutes" INTEGER NOT NULL DEFAULT 30,
    ADD COLUMN "recheck_after_minutes" INTEGER NOT NULL DEFAULT 15,
    ADD CONSTRAINT "user_preferences_quiet_hours_check" CHECK (
        ("quiet_hours_start" IS NULL) = ("quiet_hours_end" IS NULL)
        AND ("quiet_hours_start" IS NULL OR ("quiet_hours_start" BETWEEN 0 AND 1439 AND "quiet_hours_end" BETWEEN 0 AND 1439))),
    ADD CONSTRAINT "user_preferences_escalation_check" CHECK (
        "escalate_after_minutes" BETWEEN 1 AND 240
        AND "escalate_again_after_minutes" > "escalate_after_minutes" AND "escalate_again_after_minutes" <= 480
        AND "recheck_after_minutes" BETWEEN 1 AND 120);

ALTER TABLE "emergency_events" ADD COLUMN "escalation_level" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "notifications" ADD COLUMN "channels" "NotificationChannel"[] DEFAULT '{}';
CREATE INDEX "notifications_recipient_id_created_at_idx" ON "notifications"("recipient_id", "created_at");

ALTER TABLE "mail_messages" ADD COLUMN "notification_id" UUID;
CREATE INDEX "mail_messages_notification_id_idx" ON "mail_messages"("notification_id");
ALTER TABLE "mail_messages" ADD CONSTRAINT "mail_messages_notification_id_fkey" FOREIGN KEY ("notification_id") REFERENCES "notifications"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "push_subscriptions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "endpoint_hash" TEXT NOT NULL,
    "endpoint" TEXT NOT NULL,
    "p256dh" TEXT NOT NULL,
    "auth" TEXT NOT NULL,
    "label" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_success_at" TIMESTAMPTZ(3),
    CONSTRAINT "push_subscriptions_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "push_subscriptions_endpoint_hash_key" ON "push_subscriptions"("endpoint_hash");
CREATE INDEX "push_subscriptions_user_id_idx" ON "push_subscriptions"("user_id");
ALTER TABLE "push_subscriptions" ADD CONSTRAINT "push_subscriptions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "push_deliveries" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "notification_id" UUID NOT NULL,
    "subscription_id" UUID,
    "recipient_id" UUID NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL,
    "last_error" TEXT,
    "sent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "push_deliveries_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "push_deliveries_status_next_attempt_at_idx" ON "push_deliveries"("status", "next_attempt_at");
CREATE INDEX "push_deliveries_notification_id_idx" ON "push_deliveries"("notification_id");
CREATE INDEX "push_deliveries_created_at_idx" ON "push_deliveries"("created_at");
ALTER TABLE "push_deliveries" ADD CONSTRAINT "push_deliveries_notification_id_fkey" FOREIGN KEY ("notification_id") REFERENCES "notifications"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "push_deliveries" ADD CONSTRAINT "push_deliveries_subscription_id_fkey" FOREIGN KEY ("subscription_id") REFERENCES "push_subscriptions"("id") ON DELETE SET NULL ON UPDATE CASCADE;
