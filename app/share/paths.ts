// The link flow's paths, safe to import in the browser: the viewer a grant cookie is sent to, and the
// endpoint a /share#code page posts its code to.
export const GRANT_PATH = '/shared';
export const EXCHANGE_PATH = '/share/exchange';
