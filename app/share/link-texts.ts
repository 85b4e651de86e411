// What a visitor reads when a share link does not open: one text per outcome, shared by the page of
// /share#code (share-opener.tsx) and the answers of /share/{code} (link-page.ts).
export const LINK_TEXTS = {
  unavailable: {
    title: 'Link not available',
    heading: 'This link is not available',
    body: 'The link may be mistyped, or it has expired or been withdrawn by the person who shared it.',
  },
  limited: {
    title: 'Too many links opened',
    heading: 'Too many links were opened from your network',
    body: 'Wait a few minutes, then open the link again.',
  },
} as const;

export type LinkOutcome = keyof typeof LINK_TEXTS;
