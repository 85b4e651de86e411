// Which importer a file needs, from its first bytes (and name as a hint): a zip or Apple Health XML, a FHIR
// resource, or Open mHealth data points.
export type ImportFormatName = 'apple-health' | 'fhir' | 'openmhealth';

export function detectFormat(head: Buffer, fileName: string): ImportFormatName | null {
  if (head[0] === 0x50 && head[1] === 0x4b) return 'apple-health'; // "PK": export.zip
  const text = head.toString('utf8').replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('<')) return /<HealthData|<!DOCTYPE HealthData/.test(text) || /export\.xml$/i.test(fileName) ? 'apple-health' : null;
  if (text.startsWith('{') || text.startsWith('[')) {
    if (/"resourceType"\s*:/.test(text)) return 'fhir';
    if (/"header"\s*:|"schema_id"\s*:|"body"\s*:/.test(text)) return 'openmhealth';
  }
  return null;
}
