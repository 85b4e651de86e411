import { describe, expect, it } from 'vitest';
import { csvLine, dailyAggregatesCsv, isoWithOffset, samplesCsv } from './csv';

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const chunk of chunks) out += chunk;
  return out;
}

describe('csvLine', () => {
  it('quotes per RFC 4180 and ends lines with CRLF', () => {
    expect(csvLine(['plain', 'a,b', 'say "hi"', 'two\nlines', null, 3.5])).toBe('plain,"a,b","say ""hi""","two\nlines",,3.5\r\n');
  });

  it('defuses text that a spreadsheet would run as a formula, but not negative numbers', () => {
    expect(csvLine(['=HYPERLINK("x")', '@SUM(A1)', -4])).toBe(`"'=HYPERLINK(""x"")",'@SUM(A1),-4\r\n`);
  });
});

describe('isoWithOffset', () => {
  it('writes local time with the offset in force at that instant', () => {
    expect(isoWithOffset(Date.UTC(2024, 0, 2, 7, 3), 'Europe/Berlin')).toBe('2024-01-02T08:03:00+01:00');
    expect(isoWithOffset(Date.UTC(2024, 6, 2, 7, 3), 'Europe/Berlin')).toBe('2024-07-02T09:03:00+02:00');
    expect(isoWithOffset(Date.UTC(2024, 6, 2, 7, 3), 'America/St_Johns')).toBe('2024-07-02T04:33:00-02:30');
  });
});

describe('samplesCsv', () => {
  it('streams a header and one row per sample from an async iterable, converting to chosen units', async () => {
    async function* rows() {
      yield { type: 'WEIGHT' as const, startMs: Date.UTC(2024, 0, 2, 7, 3), endMs: Date.UTC(2024, 0, 2, 7, 3), value: 80, source: 'Scale, "Pro"' };
      yield { type: 'SLEEP_STATE' as const, startMs: Date.UTC(2024, 0, 2, 0), endMs: Date.UTC(2024, 0, 2, 1), value: 60, category: 'asleepDeep' };
    }
    const csv = await text(samplesCsv(rows(), { timeZone: 'UTC', units: { WEIGHT: 'lb' } }));
    expect(csv.split('\r\n')).toEqual([
      'type,start,end,value,unit,category,source',
      'WEIGHT,2024-01-02T07:03:00+00:00,2024-01-02T07:03:00+00:00,176.36981,lb,,"Scale, ""Pro"""',
      'SLEEP_STATE,2024-01-02T00:00:00+00:00,2024-01-02T01:00:00+00:00,60,min,asleepDeep,',
      '',
    ]);
  });
});

describe('dailyAggregatesCsv', () => {
  it('writes value, min, max, count, unit and aggregation per day', async () => {
    const csv = await text(dailyAggregatesCsv([
      { type: 'HEART_RATE', day: '2024-01-02', value: 64.25, min: 51, max: 120, count: 300 },
      { type: 'STEPS', day: '2024-01-02', value: 8042, min: null, max: null, count: 12 },
      { type: 'BLOOD_GLUCOSE', day: '2024-01-03', value: 90.0702, min: 90.0702, max: 90.0702, count: 1 },
    ], { timeZone: 'UTC', units: { BLOOD_GLUCOSE: 'mmol/L' } }));
    expect(csv.split('\r\n')).toEqual([
      'type,day,value,min,max,count,unit,aggregation',
      'HEART_RATE,2024-01-02,64.25,51,120,300,count/min,AVERAGE',
      'STEPS,2024-01-02,8042,,,12,count,SUM',
      'BLOOD_GLUCOSE,2024-01-03,4.999567,4.999567,4.999567,1,mmol/L,AVERAGE',
      '',
    ]);
  });
});
