// Reads the shape of the schema from two sides, in one comparable form: Prisma's DMMF of schema.prisma
// (via the WASM build of Prisma's schema engine), and the live database's catalog. Used by the drift test.
import { get_dmmf } from '@prisma/prisma-schema-wasm';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type pg from 'pg';

export type Column = { type: string; nullable: boolean };
export type Index = { name: string; columns: string[]; unique: boolean };
export type TableShape = {
  name: string;
  columns: Record<string, Column>;
  primaryKey: string[];
  indexes: Index[];
  foreignKeys: string[]; // "col,col -> table(col,col)"
};

type DmmfField = {
  name: string;
  dbName?: string | null;
  kind: 'scalar' | 'enum' | 'object';
  type: string;
  isList: boolean;
  isRequired: boolean;
  isId: boolean;
  isUnique: boolean;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
};
type DmmfModel = { name: string; dbName: string | null; fields: DmmfField[]; primaryKey: { fields: string[] } | null };
type DmmfIndex = { model: string; type: 'id' | 'unique' | 'normal' | 'fulltext'; dbName?: string | null; fields: { name: string }[] };
type Dmmf = { datamodel: { models: DmmfModel[]; enums: { name: string; values: { name: string }[] }[]; indexes: DmmfIndex[] } };

const SCALAR_TYPES: Record<string, string> = {
  String: 'text', Int: 'int4', BigInt: 'int8', Float: 'float8', Boolean: 'bool', Json: 'jsonb', Decimal: 'numeric', Bytes: 'bytea',
};
const NATIVE_TYPES: Record<string, string> = { Uuid: 'uuid', Timestamptz: 'timestamptz', Timestamp: 'timestamp', Date: 'date', Text: 'text' };

function columnType(field: DmmfField): string {
  let base: string;
  if (field.kind === 'enum') base = field.type;
  else if (field.nativeType) {
    const [name, args] = field.nativeType;
    base = NATIVE_TYPES[name] ?? name.toLowerCase();
    if (args.length) base += `(${args.join(',')})`;
  } else if (field.type === 'DateTime') base = 'timestamp(3)';
  else base = SCALAR_TYPES[field.type] ?? field.type;
  return field.isList ? `${base}[]` : base;
}

export function getDmmf(schemaPath = path.resolve(process.cwd(), 'prisma/schema.prisma')) {
  const dmmf = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: readFileSync(schemaPath, 'utf8') }))) as Dmmf;
  const { models, enums, indexes } = dmmf.datamodel;
  const tableOf = (model: string) => {
    const m = models.find((x) => x.name === model)!;
    return m.dbName ?? m.name;
  };
  const tables: TableShape[] = models.map((model) => {
    const table = model.dbName ?? model.name;
    const col = (name: string) => {
      const f = model.fields.find((x) => x.name === name)!;
      return f.dbName ?? f.name;
    };
    const columns: Record<string, Column> = {};
    for (const f of model.fields) {
      if (f.kind === 'object') continue;
      // Prisma creates scalar lists as nullable columns.
      columns[f.dbName ?? f.name] = { type: columnType(f), nullable: f.isList || !f.isRequired };
    }
    const idField = model.fields.find((f) => f.isId);
    const primaryKey = model.primaryKey ? model.primaryKey.fields.map(col) : idField ? [col(idField.name)] : [];
    const modelIndexes: Index[] = indexes
      .filter((i) => i.model === model.name && i.type !== 'id')
      .map((i) => {
        const cols = i.fields.map((f) => col(f.name));
        const suffix = i.type === 'unique' ? 'key' : 'idx';
        return { name: i.dbName ?? `${table}_${cols.join('_')}_${suffix}`, columns: cols, unique: i.type === 'unique' };
      });
    const foreignKeys = model.fields
      .filter((f) => f.kind === 'object' && f.relationFromFields && f.relationFromFields.length > 0)
      .map((f) => `${f.relationFromFields!.map(col).join(',')} -> ${tableOf(f.type)}(${(f.relationToFields ?? []).join(',')})`);
    return { name: table, columns, primaryKey, indexes: modelIndexes, foreignKeys };
  });
  // relationToFields name fields of the target model: map them to its column names.
  for (const t of tables) {
    t.foreignKeys = t.foreignKeys.map((fk) => {
      const [, target, cols] = /-> (\w+)\(([^)]*)\)$/.exec(fk)!;
      const model = models.find((m) => (m.dbName ?? m.name) === target)!;
      const mapped = cols!.split(',').map((c) => model.fields.find((f) => f.name === c)?.dbName ?? c);
      return fk.replace(/\(([^)]*)\)$/, `(${mapped.join(',')})`);
    });
  }
  return { tables, enums: new Map(enums.map((e) => [e.name, e.values.map((v) => v.name)])) };
}

export async function readDatabaseShape(client: pg.Client) {
  const tables = new Map<string, Record<string, Column>>();
  const { rows: cols } = await client.query<{ table_name: string; column_name: string; udt_name: string; is_nullable: string; datetime_precision: number | null; data_type: string }>(
    `SELECT c.table_name, c.column_name, c.udt_name, c.is_nullable, c.datetime_precision, c.data_type
     FROM information_schema.columns c JOIN pg_class k ON k.relname = c.table_name
     JOIN pg_namespace n ON n.oid = k.relnamespace AND n.nspname = c.table_schema
     WHERE c.table_schema = 'public' AND c.table_name <> '_prisma_migrations' AND NOT k.relispartition
     ORDER BY c.table_name, c.ordinal_position`,
  );
  for (const c of cols) {
    const isArray = c.data_type === 'ARRAY';
    let type = isArray ? c.udt_name.slice(1) : c.udt_name;
    if (/^timestamp/.test(type)) type += `(${c.datetime_precision})`;
    const columns = tables.get(c.table_name) ?? {};
    columns[c.column_name] = { type: isArray ? `${type}[]` : type, nullable: c.is_nullable === 'YES' };
    tables.set(c.table_name, columns);
  }

  const { rows: enumRows } = await client.query<{ name: string; values: string[] }>(
    `SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS values
     FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
  );

  const { rows: idx } = await client.query<{ table: string; name: string; columns: string[]; unique: boolean; primary: boolean; partial: boolean }>(
    `SELECT t.relname AS table, i.relname AS name, x.indisunique AS unique, x.indisprimary AS primary,
            x.indpred IS NOT NULL AS partial,
            array(SELECT a.attname FROM unnest(x.indkey) WITH ORDINALITY k(attnum, ord)
                  JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS columns
     FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = 'public' AND NOT t.relispartition AND t.relname <> '_prisma_migrations'`,
  );
  const primaryKeys = new Map<string, string[]>();
  const indexes = new Map<string, Index[]>();
  for (const i of idx) {
    if (i.primary) primaryKeys.set(i.table, i.columns);
    else indexes.set(i.table, [...(indexes.get(i.table) ?? []), { name: i.name, columns: i.columns, unique: i.unique }]);
  }

  const { rows: fks } = await client.query<{ table: string; fk: string }>(
    `SELECT c.conrelid::regclass::text AS table,
            array_to_string(array(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.o), ',')
            || ' -> ' || c.confrelid::regclass::text || '(' ||
            array_to_string(array(SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.o), ',') || ')' AS fk
     FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE c.contype = 'f' AND n.nspname = 'public'`,
  );
  const foreignKeys = new Map<string, string[]>();
  for (const f of fks) foreignKeys.set(f.table, [...(foreignKeys.get(f.table) ?? []), f.fk]);

  return { tables, enums: new Map(enumRows.map((e) => [e.name, e.values])), primaryKeys, indexes, foreignKeys };
}
