// Query keys of the questionnaire answers, shared by the pages' server prefetch and the client views.
export const responsesQueryKey = (endpoint: string) => ['questionnaire-responses', endpoint] as const;
export const dueQueryKey = ['questionnaires-due'] as const;
export const schedulesQueryKey = (patientId: string) => ['questionnaire-schedules', patientId] as const;
