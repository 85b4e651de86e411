// Which importer a file needs, from its first bytes (and name as a hint): a zip or Apple Health XML, a FHIR
// resource, Open mHealth data points, or Health Connect's export (a zip whose first entry is
// health_connect_export.db, or that SQLite file itself).
export type ImportFormatName = 'apple-health' | 'fhir' | 'openmhealth' | 'health-connect';

/** The name of a zip's first entry, from its local file header (offset 26: name length; 30: the name). */
function firstZipEntry(head: Buffer): string {
  if (head.length < 30) return '';
  const length = head.readUInt16LE(26);
  return head.subarray(30, 30 + length).toString('utf8');
}

export function detectFormat(head: Buffer, fileName: string): ImportFormatName | null {
  if (head.subarray(0, 16).toString('latin1') === 'SQLite format 3\0') return 'health-connect';
  if (head[0] === 0x50 && head[1] === 0x4b) {
    // "PK": Apple's export.zip, or Health Connect's (its app names it "Health Connect.zip").
    const entry = firstZipEntry(head);
    return /(^|\/)health_connect_export\.db$/.test(entry) || (/health.?connect/i.test(fileName) && !/export\.xml$/.test(entry)) ? 'health-connect' : 'apple-health';
  }
  const text = head.toString('utf8').replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('<')) return /<HealthData|<!DOCTYPE HealthData/.test(text) || /export\.xml$/i.test(fileName) ? 'apple-health' : null;
  if (text.startsWith('{') || text.startsWith('[')) {
    if (/"resourceType"\s*:/.test(text)) return 'fhir';
    if (/"header"\s*:|"schema_id"\s*:|"body"\s*:/.test(text)) return 'openmhealth';
  }
  return null;
}
