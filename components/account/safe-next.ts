// The ?next= rule, apart from the account forms (they use hooks, and a server page reading ?next= imports only this).

/** A path within this site to go to after signing in (`?next=`): only "/x", never "//host" or "/\\host". */
export function safeNext(value: unknown): string | null {
  return typeof value === 'string' && /^\/(?![/\\])/.test(value) && !/[\r\n]/.test(value) ? value : null;
}
