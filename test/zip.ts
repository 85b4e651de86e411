// Builds zip files for tests (deflated or stored entries), so zip bombs are made on the spot rather than
// committed. `declaredSize` writes a false uncompressed size into the headers, as a crafted bomb may.
import { crc32, deflateRawSync } from 'node:zlib';

export type ZipEntry = { name: string; data: Buffer; stored?: boolean; declaredSize?: number };

export function buildZip(entries: ZipEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const body = entry.stored ? entry.data : deflateRawSync(entry.data, { level: 9 });
    const fields = { method: entry.stored ? 0 : 8, crc: crc32(entry.data), compressed: body.length, size: entry.declaredSize ?? entry.data.length };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(fields.method, 8);
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(fields.crc, 14);
    local.writeUInt32LE(fields.compressed, 18);
    local.writeUInt32LE(fields.size, 22);
    local.writeUInt16LE(name.length, 26);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    record.writeUInt16LE(fields.method, 10);
    record.writeUInt16LE(0x21, 14);
    record.writeUInt32LE(fields.crc, 16);
    record.writeUInt32LE(fields.compressed, 20);
    record.writeUInt32LE(fields.size, 24);
    record.writeUInt16LE(name.length, 28);
    record.writeUInt32LE(offset, 42);
    parts.push(local, name, body);
    central.push(record, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

const HEADER = '<?xml version="1.0" encoding="UTF-8"?>\n<HealthData locale="en_US">\n <ExportDate value="2026-11-01 09:00:00 +0100"/>\n';

/** An Apple Health export.xml with `records` heart-rate readings a minute apart (compresses about 20×, like real ones). */
export function appleExportXml(records: number): Buffer {
  const lines: string[] = [HEADER];
  for (let i = 0; i < records; i++) {
    const at = new Date(Date.UTC(2026, 9, 1) + i * 60_000).toISOString().replace('T', ' ').slice(0, 19) + ' +0000';
    lines.push(` <Record type="HKQuantityTypeIdentifierHeartRate" sourceName="Watch" unit="count/min" creationDate="${at}" startDate="${at}" endDate="${at}" value="${55 + ((i * 7919) % 60)}"/>\n`);
  }
  lines.push('</HealthData>\n');
  return Buffer.from(lines.join(''));
}

/** A bomb: a valid export header, then `bytes` of blank space (deflate packs it about 1000 to 1). */
export function zipBombXml(bytes: number): Buffer {
  return Buffer.concat([Buffer.from(HEADER), Buffer.alloc(bytes, 0x20), Buffer.from('</HealthData>\n')]);
}
