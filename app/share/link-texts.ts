// The outcomes of a share link that does not open, shared by the page of /share#code (share-opener.tsx)
// and the answers of /share/{code} (link-page.ts). Their texts are `sharing.outcomes.<outcome>` in
// messages/<locale>.json, read in the visitor's language (they have no account: the cookie's, else the
// browser's).
export const LINK_OUTCOMES = ['unavailable', 'limited'] as const;

export type LinkOutcome = (typeof LINK_OUTCOMES)[number];
