// What encrypting sample values would cost: AES-256-GCM with per-user data keys (lib/crypto/fields) per
// sample, for the ingest path (encrypt 200,000 values) and the pipeline's read of one user-year (decrypt
// ~160,000), against the committed ingest and pipeline figures. CPU only: the extra bytes per row
// (a ~50-character ciphertext instead of an 8-byte float) and losing SQL dedup/aggregation on `value`
// come on top. Run: npm run bench:encryption → bench/results/encryption.json.
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { openWithKey, parseCiphertext, sealWithKey } from '../lib/crypto/fields';

const INGEST_SAMPLES = 200_000;
const PIPELINE_SAMPLES = 160_808; // the pipeline benchmark's user-year
const USERS = 4;
const RUNS = 3;

const ingest = JSON.parse(readFileSync('bench/results/ingest.json', 'utf8')) as { httpSamplesPerSec: number };
const pipeline = JSON.parse(readFileSync('bench/results/pipeline.json', 'utf8')) as { pipeline: { samplesPerSec: number } };

const users = Array.from({ length: USERS }, (_, i) => ({ id: `00000000-0000-4000-8000-00000000000${i}`, key: randomBytes(32) }));
const aad = (userId: string, column: string, row: number) => Buffer.from(`${userId}|health_samples|${column}|${row}`);
const METADATA = JSON.stringify({ HKMetadataKeyHeartRateMotionContext: 1, source: 'Apple Watch', note: 'after a run' });

// CPU time (user + system) of this process, median of RUNS, in ms: on a shared, loaded machine wall time
// mostly measures the other processes; wall time is kept alongside.
function time(work: () => void): { cpuMs: number; wallMs: number } {
  const runs: { cpuMs: number; wallMs: number }[] = [];
  for (let r = 0; r < RUNS; r++) {
    const wall = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    work();
    const used = process.cpuUsage(cpu);
    runs.push({ cpuMs: (used.user + used.system) / 1000, wallMs: Number(process.hrtime.bigint() - wall) / 1e6 });
  }
  return runs.sort((a, b) => a.cpuMs - b.cpuMs)[Math.floor(RUNS / 2)];
}

function encryptAll(n: number, column: string, plaintext: (i: number) => string): string[] {
  const out = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const user = users[i % USERS];
    out[i] = sealWithKey(user.key, 1, aad(user.id, column, i), plaintext(i));
  }
  return out;
}

function decryptAll(ciphertexts: string[], column: string): number {
  let chars = 0;
  for (let i = 0; i < ciphertexts.length; i++) {
    const user = users[i % USERS];
    const parsed = parseCiphertext(ciphertexts[i])!;
    chars += openWithKey(user.key, aad(user.id, column, i), parsed.nonce, parsed.sealed).length;
  }
  return chars;
}

function measure(column: string, plaintext: (i: number) => string) {
  encryptAll(20_000, column, plaintext); // warm-up
  const encrypt = time(() => encryptAll(INGEST_SAMPLES, column, plaintext));
  const stored = encryptAll(PIPELINE_SAMPLES, column, plaintext);
  const decrypt = time(() => decryptAll(stored, column));
  const encryptMs = encrypt.cpuMs;
  const decryptMs = decrypt.cpuMs;
  const encryptUs = (encryptMs * 1000) / INGEST_SAMPLES;
  const decryptUs = (decryptMs * 1000) / PIPELINE_SAMPLES;
  // Today's time per sample; the projection adds the crypto time to it (a single-threaded bound).
  const ingestUs = 1e6 / ingest.httpSamplesPerSec;
  const pipelineUs = 1e6 / pipeline.pipeline.samplesPerSec;
  return {
    ciphertextChars: Math.round(stored.reduce((n, c) => n + c.length, 0) / stored.length),
    ingest: {
      encryptCpuMsFor200k: Math.round(encryptMs),
      encryptWallMsFor200k: Math.round(encrypt.wallMs),
      addedUsPerSample: Number(encryptUs.toFixed(2)),
      baselineUsPerSample: Number(ingestUs.toFixed(2)),
      projectedSamplesPerSec: Math.round(1e6 / (ingestUs + encryptUs)),
      slowdownPercent: Number(((encryptUs / ingestUs) * 100).toFixed(1)),
    },
    pipeline: {
      decryptCpuMsForUserYear: Math.round(decryptMs),
      decryptWallMsForUserYear: Math.round(decrypt.wallMs),
      addedUsPerSample: Number(decryptUs.toFixed(2)),
      baselineUsPerSample: Number(pipelineUs.toFixed(2)),
      projectedSamplesPerSec: Math.round(1e6 / (pipelineUs + decryptUs)),
      slowdownPercent: Number(((decryptUs / pipelineUs) * 100).toFixed(1)),
    },
  };
}

const result = {
  date: new Date().toISOString(),
  machine: {
    cpus: os.cpus().length,
    model: os.cpus()[0]?.model,
    node: process.version,
    loadAverageAtStart: Number(os.loadavg()[0].toFixed(1)),
  },
  baseline: { httpIngestSamplesPerSec: ingest.httpSamplesPerSec, pipelineSamplesPerSec: pipeline.pipeline.samplesPerSec },
  // A value as the ingest stores it (a float as text), and a typical metadata object.
  value: measure('value', (i) => String(60 + (i % 80) + 0.5)),
  metadata: measure('metadata', () => METADATA),
};
writeFileSync('bench/results/encryption.json', `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
