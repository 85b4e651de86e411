// Times database queries for health_pipeline_db_query_duration_seconds{query} (lib/observability/metrics.ts):
// a performance.now() pair and one observe per query. lib/db/client.ts calls it for every Prisma operation
// (named model.operation, or 'raw') and every query of the raw pg pool and its transaction clients (named
// by the statement and its main table). Names never carry values: the label set stays as small as the code's SQL.
import type pg from 'pg';
import { metrics } from './metrics';

const IDENT = /^"?([A-Za-z_][\w$]*)"?(?:\."?([A-Za-z_][\w$]*)"?)?/;
const names = new Map<string, string>();
const NAMES_KEPT = 2000; // SQL texts are the code's own; the cap only guards against a caller building SQL with values in it

/** The table a statement names after `keyword` (FROM, INTO, UPDATE): schema dropped, a partition's date suffix too. */
function tableAfter(sql: string, keyword: RegExp): string | null {
  const at = keyword.exec(sql);
  if (!at) return null;
  const rest = sql.slice(at.index + at[0].length).trimStart();
  if (rest.startsWith('(')) return 'subquery';
  const ident = IDENT.exec(rest);
  if (!ident) return null;
  const table = (ident[2] ?? ident[1]!).toLowerCase();
  return table.replace(/_(?:y?\d{4})(?:_?m?\d{2})?$/, ''); // monthly partitions (health_samples_2026_11) count as their table
}

/**
 * A short, bounded name for a SQL text: the statement and its main table ('select dirty_ranges',
 * 'insert health_samples', 'update workflow_runs'), the bare statement for the rest ('begin', 'commit', 'with').
 */
export function sqlQueryName(text: string): string {
  const known = names.get(text);
  if (known) return known;
  const sql = text.replace(/^(?:\s|--[^\n]*\n|\/\*[\s\S]*?\*\/)+/, '');
  const verb = (/^[A-Za-z]+/.exec(sql)?.[0] ?? 'other').toLowerCase();
  let table: string | null = null;
  if (verb === 'select') table = tableAfter(sql, /\bfrom\s+/i);
  else if (verb === 'insert') table = tableAfter(sql, /\binto\s+/i);
  else if (verb === 'update') table = tableAfter(sql, /^update\s+/i);
  else if (verb === 'delete') table = tableAfter(sql, /\bfrom\s+/i);
  const name = table ? `${verb} ${table}` : verb;
  if (names.size < NAMES_KEPT) names.set(text, name);
  return name;
}

let histogram: ReturnType<typeof metrics>['dbQueryDuration'] | undefined;

/** Records how long `query` took under `name`, whether it resolved or threw. */
export function observeQuery(name: string, started: number): void {
  histogram ??= metrics().dbQueryDuration;
  histogram.observe({ query: name }, (performance.now() - started) / 1000);
}

/** Runs `run` and times it under `name` (the promise is the caller's, untouched). */
export function timeQuery<T>(name: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  return run().finally(() => observeQuery(name, started));
}

type Queryable = Pick<pg.Pool, 'query'>;

/**
 * pg's query(text | config, values?, callback?) timed by the SQL's name. A callback or a submittable
 * (a cursor, a COPY stream) goes through untimed: their end is not the returned promise.
 */
export function timedQuery<Q extends Queryable>(target: Q): Q['query'] {
  const query = target.query.bind(target) as (...args: unknown[]) => unknown;
  return ((...args: unknown[]) => {
    const first = args[0] as string | { text?: string; submit?: unknown } | undefined;
    if (typeof args[args.length - 1] === 'function' || (typeof first === 'object' && first !== null && typeof first.submit === 'function')) return query(...args);
    const text = typeof first === 'string' ? first : first?.text;
    if (typeof text !== 'string') return query(...args);
    const started = performance.now();
    return (query(...args) as Promise<unknown>).finally(() => observeQuery(sqlQueryName(text), started));
  }) as Q['query'];
}

/** A view of a pool or pooled client whose query() is timed; every other member is the object's own. */
export function withTimedQueries<Q extends Queryable & object>(target: Q): Q {
  const query = timedQuery(target);
  return new Proxy(target, {
    get(object, prop) {
      if (prop === 'query') return query;
      const value: unknown = Reflect.get(object, prop, object);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(object) : value;
    },
  });
}
