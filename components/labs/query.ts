// The labs answer's query key, shared by the page's server prefetch and the client view.
export const labsQueryKey = (endpoint: string) => ['labs', endpoint] as const;
