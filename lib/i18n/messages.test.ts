// Every locale has exactly English's keys, and each message the same arguments (names and kinds:
// {name}, {count, plural, …}) and rich-text tags as English's; every message parses as ICU. A missing
// key would show its path to a patient, a missing argument would drop a value from a sentence.
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { LOCALES } from './locales';
import { MESSAGES } from './messages';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** The message's arguments and tags as sorted "kind:name" strings (plural branches' insides included). */
function signature(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    into.add(`${TYPE[el.type]}:${el.value}`);
    if (el.type === TYPE.tag) signature(el.children, into);
    if (el.type === TYPE.plural || el.type === TYPE.select) for (const option of Object.values(el.options)) signature(option.value, into);
  }
  return into;
}

const english = flatten(MESSAGES.en as Tree);

describe('messages', () => {
  it.each(LOCALES)('%s has exactly the English keys', (locale) => {
    const keys = [...flatten(MESSAGES[locale] as Tree).keys()].sort();
    expect(keys).toEqual([...english.keys()].sort());
  });

  it.each(LOCALES)('%s: every message parses and has the English arguments and tags', (locale) => {
    const mismatches: string[] = [];
    for (const [key, text] of flatten(MESSAGES[locale] as Tree)) {
      const source = english.get(key);
      if (source === undefined) continue; // reported by the key test
      const mine = [...signature(parse(text))].sort().join(' ');
      const theirs = [...signature(parse(source))].sort().join(' ');
      if (mine !== theirs) mismatches.push(`${key}: "${mine}" ≠ English "${theirs}"`);
    }
    expect(mismatches).toEqual([]);
  });

  it('plural messages give each locale the categories its plural rules use', () => {
    const missing: string[] = [];
    for (const locale of LOCALES) {
      const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
      for (const [key, text] of flatten(MESSAGES[locale] as Tree)) {
        for (const el of parse(text)) {
          if (el.type !== TYPE.plural) continue;
          for (const category of categories) if (!(category in el.options)) missing.push(`${locale} ${key}: ${category}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
