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
  /** Zip bombs: how far export.xml inside a zip may inflate. */
  zipLimits: ZipLimits;
};
export type ZipLimits = { maxUncompressedBytes: number; maxRatio: number };

const EXPORT_ENTRY = /(^|\/)export\.xml$/;

type ExportStream = { stream: Readable; totalBytes: number; zipped: boolean };

// Zip bombs (a few hundred KB inflating to GBs): export.xml may inflate to at most maxUncompressedBytes,
// and to at most maxRatio times its compressed size (which yauzl keeps within the file). The sizes the
// zip declares are checked before anything is inflated; the bytes are then counted as they are inflated
// and may not exceed the declared size, since a crafted header may understate it. Real exports hold up
// to a few GB of XML compressed about 20 times (Apple's export.zip, as reported by their users; our
// synthetic export: 17 to 25 times at deflate levels 1 to 9).
const sizeText = (bytes: number) => (bytes >= 1024 ** 3 ? `${+(bytes / 1024 ** 3).toFixed(1)} GiB` : bytes >= 1024 ** 2 ? `${+(bytes / 1024 ** 2).toFixed(1)} MiB` : `${bytes} bytes`);

function oversized(entry: yauzl.Entry, limits: ZipLimits): string | null {
  if (entry.uncompressedSize > limits.maxUncompressedBytes) return `export.xml inflates to more than ${sizeText(limits.maxUncompressedBytes)}, the import limit`;
  if (entry.uncompressedSize > entry.compressedSize * limits.maxRatio) {
    return `export.xml inflates to more than ${limits.maxRatio} times its compressed size (real exports: about 20 times); refused as a zip bomb`;
  }
  return null;
}

function zipEntryStream(path: string, limits: ZipLimits): Promise<ExportStream> {
  return new Promise((resolve, reject) => {
    // Entry sizes are checked here and in parseAppleHealthExport, with reasons a person can read.
    yauzl.open(path, { lazyEntries: true, autoClose: true, validateEntrySizes: false }, (openError, zip) => {
      if (openError) return reject(openError);
      zip.on('error', reject);
      zip.on('end', () => reject(new Error('the zip holds no apple_health_export/export.xml')));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (!EXPORT_ENTRY.test(entry.fileName)) return zip.readEntry();
        const refused = oversized(entry, limits);
        if (refused) {
          zip.close();
          return reject(new Error(refused));
        }
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          resolve({ stream, totalBytes: entry.uncompressedSize, zipped: true });
        });
      });
      zip.readEntry();
    });
  });
}

async function openExport(path: string, limits: ZipLimits): Promise<ExportStream> {
  const handle = await openFile(path, 'r');
  try {
    const { size } = await handle.stat();
    const magic = Buffer.alloc(4);
    await handle.read(magic, 0, 4, 0);
    if (magic.toString('latin1') === 'PK\u0003\u0004') return await zipEntryStream(path, limits);
    return { stream: createReadStream(path, { highWaterMark: 1 << 20 }), totalBytes: size, zipped: false };
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
  const { stream, totalBytes, zipped } = await openExport(options.path, options.zipLimits);
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
      if (zipped && bytesRead > totalBytes) throw new Error('export.xml inflates to more than its zip header declares; refused as a crafted zip');
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
    if (zipped && bytesRead < totalBytes) throw new Error('export.xml ends before the size its zip header declares: the zip is damaged');
    feed(decoder.decode(), true);
  } finally {
    stream.destroy(); // also when the caller stops early
  }
  for (const item of state.done) consume(item);
  yield snapshot(true);
}
