// Lookups of health_samples by the devices' record ids. The record key index holds a 64-bit hash of the
// id, not its text (migration 20261207020000_lean_health_samples: 32 bytes a key instead of the id's
// length), so a lookup names the hash for the index and then compares the text itself: two ids that
// share a hash are never taken for one another.

/**
 * SQL condition: `<alias>client_record_id` is one of the ids in the text[] parameter `param` (e.g. '$3'),
 * through the record key index (the query must also fix device_id).
 */
export function recordIdIn(param: string, alias = ''): string {
  const column = `${alias}client_record_id`;
  return `hashtextextended(${column}, 0) = ANY(ARRAY(SELECT hashtextextended(x, 0) FROM unnest(${param}::text[]) AS x))
          AND ${column} = ANY(${param}::text[])`;
}
