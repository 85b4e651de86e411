// Zip bombs in Apple Health imports (runImport in-process, with the limits passed in): export.xml inside
// a zip may inflate to at most the size cap and to at most the ratio cap times its compressed size,
// checked from the zip's header before inflating and counted while inflating; the import fails with the
// reason on its row and stores nothing. A real-looking export (about 24 times, as Apple's) passes.
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { prisma } from '@/lib/db/client';
import { createImport } from '@/lib/data/imports';
import type { ZipLimits } from '@/lib/interop/apple-health';
import { createUser } from '@/test/factories';
import { appleExportXml, buildZip, zipBombXml, type ZipEntry } from '@/test/zip';
import { runImport } from './run';

const DEFAULTS: ZipLimits = { maxUncompressedBytes: 8 * 1024 ** 3, maxRatio: 100 }; // lib/env.ts
const ENTRY = 'apple_health_export/export.xml';

async function importZip(entries: ZipEntry[], limits: ZipLimits) {
  const user = await createUser();
  const zip = buildZip(entries);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'zip-bomb-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'export.zip');
  await writeFile(file, zip);
  const { id } = await createImport({ userId: user.id, format: 'APPLE_HEALTH', filePath: file, bytesTotal: zip.length });
  await runImport(id, limits);
  const row = await prisma.import.findUniqueOrThrow({ where: { id }, select: { status: true, error: true, accepted: true } });
  return { ...row, stored: await prisma.healthSample.count({ where: { userId: user.id } }), fileKept: existsSync(file) };
}

describe('zip limits of Apple Health imports', () => {
  it('imports a real-looking export under the default limits', async () => {
    const result = await importZip([{ name: 'apple_health_export/export_cda.xml', data: Buffer.from('<ClinicalDocument/>') }, { name: ENTRY, data: appleExportXml(500) }], DEFAULTS);
    expect(result).toMatchObject({ status: 'DONE', error: null, accepted: 500, stored: 500, fileKept: false });
  });

  it('refuses a bomb from its header: 20 MB of blanks in about 20 KB', async () => {
    const result = await importZip([{ name: ENTRY, data: zipBombXml(20 * 1024 * 1024) }], DEFAULTS);
    expect(result).toMatchObject({ status: 'FAILED', stored: 0, fileKept: false });
    expect(result.error).toMatch(/more than 100 times its compressed size .*zip bomb/);
  });

  it('refuses an export past the size cap, whatever its ratio', async () => {
    const result = await importZip([{ name: ENTRY, data: appleExportXml(500) }], { maxUncompressedBytes: 64 * 1024, maxRatio: 100 });
    expect(result).toMatchObject({ status: 'FAILED', stored: 0 });
    expect(result.error).toMatch(/more than 65536 bytes, the import limit/);
  });

  it('stops a bomb whose header understates its size while inflating it', async () => {
    const result = await importZip([{ name: ENTRY, data: zipBombXml(20 * 1024 * 1024), declaredSize: 1000 }], DEFAULTS);
    expect(result).toMatchObject({ status: 'FAILED', stored: 0, fileKept: false });
    expect(result.error).toMatch(/inflates to more than its zip header declares/);
  });

  it('fails a zip whose export.xml is shorter than its header declares', async () => {
    const data = appleExportXml(50);
    const result = await importZip([{ name: ENTRY, data, declaredSize: data.length + 1000 }], DEFAULTS);
    expect(result).toMatchObject({ status: 'FAILED', stored: 0 });
    expect(result.error).toMatch(/ends before the size its zip header declares/);
  });
});
