DROP TABLE "care_invitations";
DROP TYPE "InvitationStatus";
