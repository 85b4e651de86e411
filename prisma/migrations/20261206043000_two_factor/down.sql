DROP TABLE "two_factor_recovery_codes";
DROP TABLE "user_two_factor";
