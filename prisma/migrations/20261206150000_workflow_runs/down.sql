DROP TABLE "workflow_runs";
DROP TYPE "WorkflowStatus";
