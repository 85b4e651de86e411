// Unit: filters and order applied to documents as MongoDB applies them for cgm-remote-monitor
// (dotted fields, arrays, no comparison across types, missing values first).
import { describe, expect, it } from 'vitest';
import { compareDocs, matchesAll, project } from './filter';

describe('matchesAll', () => {
  const doc = { eventType: 'Temp Basal', rate: 0.8, tags: ['a', 'b'], pump: { battery: { percent: 40 } }, notes: '12' };

  it('compares like with like; eq reaches into arrays and dotted fields; ne matches a missing field', () => {
    expect(matchesAll(doc, [{ field: 'eventType', op: 'eq', value: 'Temp Basal' }])).toBe(true);
    expect(matchesAll(doc, [{ field: 'rate', op: 'gte', value: 0.5 }, { field: 'rate', op: 'lt', value: 1 }])).toBe(true);
    expect(matchesAll(doc, [{ field: 'notes', op: 'gt', value: 5 }])).toBe(false); // a string is not a number
    expect(matchesAll(doc, [{ field: 'tags', op: 'eq', value: 'b' }])).toBe(true);
    expect(matchesAll(doc, [{ field: 'pump.battery.percent', op: 'lte', value: 40 }])).toBe(true);
    expect(matchesAll(doc, [{ field: 'missing', op: 'ne', value: 1 }])).toBe(true);
    expect(matchesAll(doc, [{ field: 'missing', op: 'gt', value: 1 }])).toBe(false);
    expect(matchesAll(doc, [{ field: 'eventType', op: 'in', value: 'Note|Temp Basal' }])).toBe(true);
    expect(matchesAll(doc, [{ field: 'eventType', op: 'nin', value: 'Note|Temp Basal' }])).toBe(false);
  });
});

describe('compareDocs and project', () => {
  it('sorts by the field then identifier, missing values first, in the asked direction', () => {
    const docs = [{ identifier: 'b', date: 2 }, { identifier: 'a', date: 2 }, { identifier: 'c' }, { identifier: 'd', date: 1 }];
    expect(docs.slice().sort(compareDocs({ field: 'date', desc: false })).map((d) => d.identifier)).toEqual(['c', 'd', 'a', 'b']);
    expect(docs.slice().sort(compareDocs({ field: 'date', desc: true })).map((d) => d.identifier)).toEqual(['b', 'a', 'd', 'c']);
    expect(docs.slice().sort(compareDocs(null)).map((d) => d.identifier)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('keeps only the fields asked for', () => {
    expect(project({ identifier: 'a', date: 1, sgv: 5 }, ['sgv', 'date'])).toEqual({ date: 1, sgv: 5 });
    expect(project({ identifier: 'a' }, null)).toEqual({ identifier: 'a' });
  });
});
