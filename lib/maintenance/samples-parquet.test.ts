import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { type ArchivedSample, decodeSamples, encodeSamples, sampleFingerprint } from './samples-parquet';

const base: ArchivedSample = {
  id: '9007199254740993', // above 2^53: ids must survive as bigints, not floats
  userId: '6f0b1a52-6d55-4b8a-9a53-2b1c8a0c1a01',
  deviceId: '0c7d5e1e-5b3a-4f2e-8d7c-3e2f1a0b9c8d',
  type: 'HEART_RATE',
  startAt: new Date('1969-12-31T23:59:59.123Z'),
  endAt: new Date('1970-01-01T00:00:00.456Z'),
  value: 71.25,
  category: null,
  clientRecordId: null,
  version: null,
  metadata: null,
  createdAt: new Date('2011-03-05T10:00:00.789Z'),
};

describe('sample archive format', () => {
  it('round-trips every column, nulls, millisecond times and the metadata ciphertext', async () => {
    const samples: ArchivedSample[] = [
      base,
      { ...base, id: '2', type: 'SLEEP_STATE', category: 'asleepDeep', clientRecordId: 'rec-1', version: 3, metadata: 'v1.1.AAAAAAAAAAAAAAAA.c2VhbGVkLXZhbHVlLWFuZC10YWc' },
    ];
    const decoded = await decodeSamples(encodeSamples(samples));
    expect(decoded).toEqual(samples);
    expect(decoded.map(sampleFingerprint)).toEqual(samples.map(sampleFingerprint));
  });

  it('rejects a Parquet file that is not a sample archive', async () => {
    const foreign = new Uint8Array(parquetWriteBuffer({ columnData: [{ name: 'id', data: ['a'], type: 'STRING' }] }));
    await expect(decodeSamples(foreign)).rejects.toThrow();
  });
});
