// npm run bench:import [-- --mb 2000 --batch 1000 --keep] — generates a synthetic Apple Health export of
// about --mb megabytes (in a child process, so its memory is not counted), streams it through the
// importer's parser and records elapsed time, elements/s and peak RSS to bench/results/import.json.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseAppleHealthExport, type AppleBatch } from '../lib/interop/apple-health';

const { values } = parseArgs({ options: { mb: { type: 'string', default: '2000' }, batch: { type: 'string', default: '1000' }, keep: { type: 'boolean', default: false } } });
const MB = Number(values.mb);
const dir = path.join(os.tmpdir(), 'health-import-bench');
const file = path.join(dir, `export-${MB}mb.xml`);

mkdirSync(dir, { recursive: true });
if (!existsSync(file)) {
  const started = performance.now();
  execFileSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'import-gen.ts'), '--out', file, '--mb', String(MB)], { stdio: 'inherit' });
  console.log(`generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
const bytes = statSync(file).size;
// The bench reads a plain export.xml: the zip limits do not apply.
const NO_ZIP = { maxUncompressedBytes: Infinity, maxRatio: Infinity };

let peakRss = process.memoryUsage.rss();
let samples = 0;
let rejected = 0;
let last: AppleBatch | null = null;
const started = performance.now();
let nextReport = 0;
for await (const batch of parseAppleHealthExport({ path: file, nowMs: Date.now(), batchSize: Number(values.batch), zipLimits: NO_ZIP })) {
  samples += batch.samples.length;
  rejected += batch.rejected.length;
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  last = batch;
  const progress = batch.position.bytesRead / batch.position.totalBytes;
  if (progress >= nextReport) {
    console.log(`${(progress * 100).toFixed(0)} %  ${batch.position.records} elements  rss ${(peakRss / 1e6).toFixed(0)} MB`);
    nextReport += 0.1;
  }
}
const elapsed = (performance.now() - started) / 1000;
if (!last) throw new Error('the parser yielded nothing');

const result = {
  date: new Date().toISOString(),
  machine: { loadAverage1m: Number(os.loadavg()[0]?.toFixed(1)), cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? null, node: process.version, totalMemMb: Math.round(os.totalmem() / 1e6) },
  input: { format: 'export.xml', megabytes: Number((bytes / 1e6).toFixed(1)), elements: last.position.records },
  output: { samples, rejected, unsupported: Object.values(last.unsupported).reduce((a, b) => a + b, 0), sources: last.sources.length },
  elapsedSeconds: Number(elapsed.toFixed(1)),
  elementsPerSecond: Math.round(last.position.records / elapsed),
  samplesPerSecond: Math.round(samples / elapsed),
  megabytesPerSecond: Number((bytes / 1e6 / elapsed).toFixed(1)),
  // maxRSS is the kernel's high-water mark for this process (KiB), sampled RSS is per batch.
  peakRssMb: Math.round(Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / 1e6),
  goal: 'peak RSS under ~300 MB for a 2 GB export',
};
console.log(result);
mkdirSync(path.join(import.meta.dirname, 'results'), { recursive: true });
writeFileSync(path.join(import.meta.dirname, 'results', 'import.json'), `${JSON.stringify(result, null, 2)}\n`);
if (!values.keep) rmSync(file);
