-- Rate limits shared by every app instance: one row per limited key (a hash of scope and subject) holding
-- the current fixed window and its count. Rows of past windows are removed opportunistically.

CREATE TABLE "rate_limits" (
    "key" TEXT NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL,
    CONSTRAINT "rate_limits_pkey" PRIMARY KEY ("key")
);
CREATE INDEX "rate_limits_window_start_idx" ON "rate_limits"("window_start");
