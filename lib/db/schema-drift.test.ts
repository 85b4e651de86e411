// Fails when prisma/schema.prisma and the migrated database disagree: tables, columns, types, precision,
// nullability, enums, primary keys, unique and plain indexes, foreign keys. (Prisma's own
// `migrate diff` needs the schema engine, which cannot be downloaded here; this reads the same DMMF.)
import { getDmmf, readDatabaseShape } from './schema-shape';
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';

// Objects that exist only in SQL because schema.prisma cannot express them (partial indexes).
const SQL_ONLY_INDEXES = new Set([
  'health_samples_device_record_key',
  'health_samples_device_interval_key',
  'insights_one_active_per_kind',
]);

const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
const connected = client.connect();
afterAll(() => client.end());

describe('schema.prisma matches the migrated database', async () => {
  await connected;
  const dmmf = getDmmf();
  const db = await readDatabaseShape(client);

  it('has exactly the tables of the models', () => {
    expect([...db.tables.keys()].sort()).toEqual(dmmf.tables.map((t) => t.name).sort());
  });

  it('has the enums with the same values', () => {
    expect(Object.fromEntries(db.enums)).toEqual(Object.fromEntries(dmmf.enums));
  });

  for (const table of dmmf.tables) {
    it(`${table.name}: columns, types, nullability`, () => {
      expect(db.tables.get(table.name)).toEqual(table.columns);
    });
    it(`${table.name}: primary key`, () => {
      expect(db.primaryKeys.get(table.name)).toEqual(table.primaryKey);
    });
    it(`${table.name}: indexes and unique constraints`, () => {
      const actual = (db.indexes.get(table.name) ?? []).filter((i) => !SQL_ONLY_INDEXES.has(i.name));
      expect(actual.sort(byName)).toEqual([...table.indexes].sort(byName));
    });
    it(`${table.name}: foreign keys`, () => {
      expect((db.foreignKeys.get(table.name) ?? []).sort()).toEqual([...table.foreignKeys].sort());
    });
  }
});

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
