// The record lists' query key, shared by the /record page's server prefetch and the client view.
export const recordQueryKey = (endpoint: string) => ['record', endpoint] as const;
