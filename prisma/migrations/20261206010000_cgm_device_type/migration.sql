-- Continuous glucose monitors: their interstitial readings are another measurement than a meter's
-- fingerstick (dedup.md), so a CGM stream needs its own device type (default priority 60).
ALTER TYPE "DeviceType" ADD VALUE 'cgm' AFTER 'glucometer';
