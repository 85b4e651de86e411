// Streaming parser of an Apple Health export (export.xml, or export.zip holding
// apple_health_export/export.xml): yields validated samples in batches with progress, never holding the
// file in memory. XML safety: saxes knows only the five predefined entities and never reads or expands
// what the internal DTD declares, so a billion-laughs or external-entity document fails on its first
// reference instead of growing or reaching the file system.
import { createReadStream } from 'node:fs';
import { open as openFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import yauzl from 'yauzl';
import type { NormalizedSample } from '../ingest/validate-sample';
import { mapAppleElement, type AppleElement } from './apple-health-records';
import { createSourceRegistry, type AppleSource } from './apple-health-sources';

export type ApplePosition = {
  /** Top-level elements (records, correlations, workouts, ...) read so far; pass as `skipRecords` to resume. */
  records: number;
  /** Bytes of export.xml read (uncompressed for a zip) and its total size. */
  bytesRead: number;
  totalBytes: number;
};
export type AppleBatch = {
  samples: { sourceKey: string; sample: NormalizedSample }[];
  rejected: { record: number; reason: string }[];
  /** Every source seen so far (few); create devices for new keys before storing the batch. */
  sources: AppleSource[];
  /** Unsupported element types with their counts so far (ActivitySummary, HKQuantityTypeIdentifierVO2Max, ...). */
  unsupported: Record<string, number>;
  position: ApplePosition;
  done: boolean;
};
export type AppleImportOptions = {
  path: string;
  nowMs: number;
  batchSize?: number;
  /** Resume: elements before this index are parsed but not mapped or yielded again. */
  skipRecords?: number;
};

const EXPORT_ENTRY = /(^|\/)export\.xml$/;

function zipEntryStream(path: string): Promise<{ stream: Readable; totalBytes: number }> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: true }, (openError, zip) => {
      if (openError) return reject(openError);
      zip.on('error', reject);
      zip.on('end', () => reject(new Error('the zip holds no apple_health_export/export.xml')));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (!EXPORT_ENTRY.test(entry.fileName)) return zip.readEntry();
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          resolve({ stream, totalBytes: entry.uncompressedSize });
        });
      });
      zip.readEntry();
    });
  });
}

async function openExport(path: string): Promise<{ stream: Readable; totalBytes: number }> {
  const handle = await openFile(path, 'r');
  try {
    const { size } = await handle.stat();
    const magic = Buffer.alloc(4);
    await handle.read(magic, 0, 4, 0);
    if (magic.toString('latin1') === 'PK\u0003\u0004') return await zipEntryStream(path);
    return { stream: createReadStream(path, { highWaterMark: 1 << 20 }), totalBytes: size };
  } finally {
    await handle.close();
  }
}

type State = { depth: number; index: number; current: AppleElement | null; child: AppleElement | null; done: AppleElement[] };

function element(tag: SaxesTagPlain): AppleElement {
  return { name: tag.name, attributes: tag.attributes, metadata: {}, children: [] };
}

type ParserOptions = { xmlns: false; position: false };

function createParser(state: State): SaxesParser<ParserOptions> {
  const parser = new SaxesParser<ParserOptions>({ xmlns: false, position: false });
  parser.on('opentag', (tag) => {
    state.depth += 1;
    if (state.depth === 2) {
      state.current = element(tag);
    } else if (state.depth === 3 && tag.name === 'Record' && state.current?.name === 'Correlation') {
      state.child = element(tag);
      state.current.children.push(state.child);
    } else if (tag.name === 'MetadataEntry' && state.current && (state.depth === 3 || (state.depth === 4 && state.child))) {
      const target = state.depth === 4 && state.child ? state.child : state.current;
      const { key, value } = tag.attributes;
      if (key !== undefined && value !== undefined) target.metadata[key] = value;
    }
  });
  parser.on('closetag', () => {
    if (state.depth === 3) state.child = null;
    if (state.depth === 2 && state.current) {
      state.done.push(state.current);
      state.current = null;
    }
    state.depth -= 1;
  });
  return parser;
}

/** Parses the export at `path` and yields batches; the last one has `done: true`. */
export async function* parseAppleHealthExport(options: AppleImportOptions): AsyncGenerator<AppleBatch> {
  const { nowMs, batchSize = 1000, skipRecords = 0 } = options;
  const { stream, totalBytes } = await openExport(options.path);
  const state: State = { depth: 0, index: 0, current: null, child: null, done: [] };
  const parser = createParser(state);
  const decoder = new TextDecoder('utf-8');
  const sources = createSourceRegistry();
  const unsupported: Record<string, number> = {};
  let batch: Pick<AppleBatch, 'samples' | 'rejected'> = { samples: [], rejected: [] };
  let bytesRead = 0;

  const snapshot = (done: boolean): AppleBatch => ({
    ...batch, sources: sources.list(), unsupported: { ...unsupported }, position: { records: state.index, bytesRead, totalBytes }, done,
  });
  const consume = (item: AppleElement) => {
    const index = state.index++;
    if (item.name === 'ExportDate' || item.name === 'Me') return;
    const source = item.attributes.sourceName === undefined ? null : sources.sourceOf(item.attributes.sourceName, item.attributes.device);
    if (index < skipRecords) return;
    const result = mapAppleElement(item, nowMs);
    if (result.status === 'unsupported') unsupported[result.identifier] = (unsupported[result.identifier] ?? 0) + 1;
    else if (result.status === 'rejected') batch.rejected.push({ record: index, reason: result.reason });
    else if (result.status === 'accepted') {
      if (!source) batch.rejected.push({ record: index, reason: 'the record has no sourceName' });
      else for (const sample of result.samples) batch.samples.push({ sourceKey: source.key, sample });
    }
  };

  // Only the XML parser's errors mean a bad file; they fail the import with saxes' reason.
  const feed = (text: string, end = false) => {
    try {
      parser.write(text);
      if (end) parser.close();
    } catch (error) {
      throw new Error(`not a readable Apple Health export: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytesRead += chunk.length;
      feed(decoder.decode(chunk, { stream: true }));
      // Batches end on element boundaries, so `position.records` is exact for resuming.
      for (const item of state.done) {
        consume(item);
        if (batch.samples.length + batch.rejected.length >= batchSize) {
          yield snapshot(false);
          batch = { samples: [], rejected: [] };
        }
      }
      state.done.length = 0;
    }
    feed(decoder.decode(), true);
  } finally {
    stream.destroy(); // also when the caller stops early
  }
  for (const item of state.done) consume(item);
  yield snapshot(true);
}
