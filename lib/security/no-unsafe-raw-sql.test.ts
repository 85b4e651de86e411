// The lint rule that keeps SQL out of strings: $queryRawUnsafe and $executeRawUnsafe fail `eslint`.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });
const ruleIds = async (code: string) =>
  (await eslint.lintText(code, { filePath: 'lib/data/example.ts' }))[0]!.messages.map((m) => m.ruleId);

describe('eslint no-restricted-properties', () => {
  it('forbids $queryRawUnsafe and $executeRawUnsafe', async () => {
    expect(await ruleIds('export const q = (db: any, id: string) => db.$queryRawUnsafe(`SELECT ${id}`);\n')).toContain('no-restricted-properties');
    expect(await ruleIds('export const q = (db: any, id: string) => db.$executeRawUnsafe(`DELETE ${id}`);\n')).toContain('no-restricted-properties');
  });

  it('accepts the tagged template', async () => {
    expect(await ruleIds('export const q = (db: any, id: string) => db.$queryRaw`SELECT ${id}`;\n')).not.toContain('no-restricted-properties');
  });
});
