// The JSON of the Nightscout site API (dates as ISO strings), typed once for the Data sources page.
export type NightscoutUploaderJson = { id: string; name: string; priority: number; lastSyncAt: string | null };
export type NightscoutSiteJson = { id: string; name: string; createdAt: string; revokedAt: string | null; uploaders: NightscoutUploaderJson[] };
/** The create answer: the only time the API secret is shown. */
export type CreatedSite = { id: string; name: string; baseUrl: string; apiSecret: string };

export const TOKEN_ROLES = ['readable', 'careportal', 'devicestatus-upload', 'admin'] as const;
export type TokenRole = (typeof TOKEN_ROLES)[number];
export type NightscoutTokenJson = { id: string; name: string; role: TokenRole; createdAt: string; lastUsedAt: string | null };
/** The create answer: the only time the token is shown. */
export type CreatedToken = { id: string; name: string; role: TokenRole; token: string; createdAt: string };
