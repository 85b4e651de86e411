-- Sessions are checked by user and session version only again (a sign-out no longer ends one on the server).
DROP TABLE "user_sessions";
