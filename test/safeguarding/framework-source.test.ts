import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { loadFrameworks } from '../../src/app/safeguarding/frameworks.ts';
import { parseFramework } from '../../src/domain/safeguarding/framework.ts';

/**
 * Checks the LLR framework file against the guidance text itself: the abuse-type headings, the
 * parts of neglect and every item of every column are parsed out of the source file, and each must
 * be accounted for by an indicator (or a note for the source's fragments and footnotes) whose
 * reference points at it — so no abuse type, column or indicator can be left out, and no reference
 * can point at nothing.
 */
const SOURCE = new URL('../../../shared/policies/safeguarding-adults-thresholds-llr-2023.txt', import.meta.url).pathname;
const COLUMN_OF_CELL = ['type', 'lower_level', 'consider_s42'] as const;

type Parsed = { headings: Map<string, Set<string>>; parts: string[]; items: Set<string> };

function parseSource(text: string): Parsed {
  const headings = new Map<string, Set<string>>();
  const parts: string[] = [];
  const items = new Set<string>();
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.trim().startsWith('Decision to Cause'));
  assert.ok(start > 0, 'the thresholds table was found in the source');
  let current = '';
  lines.forEach((line, i) => {
    if (i < start) return;
    const n = i + 1;
    const cells = line.split('\t');
    const filled = cells.map((c) => c.trim()).filter(Boolean);
    if (filled.length === 0 || /^(Decision to Cause|Types of Abuse)/.test(filled[0])) return;
    if (!cells[0].trim() && filled.length === 1 && filled[0].split(' ').length <= 3 && !/[.<>()]/.test(filled[0])) {
      parts.push(filled[0]);
      return;
    }
    const isHeading = cells[0].trim() !== '' && !cells[0].trim().startsWith('(');
    if (isHeading) {
      current = cells[0].trim();
      if (!headings.has(current)) headings.set(current, new Set());
    }
    cells.forEach((cell, j) => {
      if (!cell.trim() || (j === 0 && isHeading)) return;
      assert.ok(j < COLUMN_OF_CELL.length, `line ${n} has content beyond the table's columns`);
      const body = cell.replace(/<ol>.*?<\/ol>/g, '');
      const count = body.includes('<li>') ? body.split('<li>').length - 1 : body.includes('•') ? body.split('•').length - 1 : 1;
      for (let k = 1; k <= count; k++) items.add(`line ${n} ${COLUMN_OF_CELL[j]} item ${k}`);
      if (isHeading && j > 0) headings.get(current)!.add(COLUMN_OF_CELL[j]);
    });
  });
  return { headings, parts, items };
}

describe('the LLR framework file against the guidance text', () => {
  assert.ok(existsSync(SOURCE), `the guidance text is needed at ${SOURCE}`);
  const source = parseSource(readFileSync(SOURCE, 'utf8'));
  const framework = loadFrameworks().get('llr-2023');

  test('the source parses into the abuse types the issue lists', () => {
    assert.equal(source.headings.size, 11);
    assert.deepEqual(source.parts, ['Providing Care', 'Aaintaining Health', 'Managing Risk', 'Falls']);
  });

  test('every abuse-type heading in the source is an abuse type in the file, and no other', () => {
    assert.deepEqual(new Set(framework.abuseTypes.map((t) => t.sourceHeading)), new Set(source.headings.keys()));
  });

  test('neglect and acts of omission has all four parts of the source', () => {
    const neglect = framework.abuseTypes.find((t) => t.parts)!;
    assert.deepEqual(neglect.parts!.map((p) => p.sourceHeading), source.parts);
    for (const p of neglect.parts!) {
      for (const col of ['lower_level', 'consider_s42']) {
        assert.ok(neglect.indicators.some((i) => i.part === p.id && i.column === col), `${p.label} has ${col} indicators`);
      }
    }
  });

  test('every column the source fills for an abuse type has indicators in the file', () => {
    for (const [heading, columns] of source.headings) {
      const type = framework.abuseTypes.find((t) => t.sourceHeading === heading)!;
      assert.ok(columns.size > 0, `${heading} has content`);
      // The cuckooing page is laid across the table; the file says so (layoutNote) and treats its signs as enquiry indicators.
      const expected = type.layoutNote ? ['consider_s42'] : [...columns];
      for (const col of expected) assert.ok(type.indicators.some((i) => i.column === col), `${heading}: no ${col} indicators`);
    }
  });

  test('every item of every column in the source is referenced, and every reference points at an item', () => {
    const refs = [...framework.abuseTypes.flatMap((t) => t.indicators.map((i) => i.ref)), ...framework.sourceNotes.map((n) => n.ref)];
    const referenced = new Set(refs.map((r) => `line ${r.line} ${r.sourceColumn} item ${r.item}`));
    const missing = [...source.items].filter((k) => !referenced.has(k));
    const dangling = [...referenced].filter((k) => !source.items.has(k));
    assert.deepEqual(missing, [], 'source items with no indicator or note');
    assert.deepEqual(dangling, [], 'references to nothing in the source');
    assert.ok(source.items.size > 170);
  });

  test("each reference's section starts with its abuse type's heading", () => {
    for (const t of framework.abuseTypes) for (const i of t.indicators) assert.ok(i.ref.section.startsWith(t.sourceHeading), i.id);
  });

  test('indicators are in our own words, not copied sentences', () => {
    const text = readFileSync(SOURCE, 'utf8').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').toLowerCase();
    const copied = framework.abuseTypes.flatMap((t) => t.indicators)
      .filter((i) => i.text.split(' ').length >= 6 && text.includes(i.text.toLowerCase().replace(/[.]$/, '')));
    assert.deepEqual(copied.map((i) => i.id), []);
  });
});

describe('a second framework loads beside the first', () => {
  test('both files load and validate; the example is marked as one', () => {
    const registry = loadFrameworks();
    const ids = registry.list().map((f) => `${f.id}@${f.version}`).sort();
    assert.deepEqual(ids, ['example-sab@2024-01.1', 'llr-2023@2023-05.1']);
    assert.equal(registry.get('example-sab').isExample, true);
    assert.equal(registry.get('llr-2023').isExample, false);
    assert.notEqual(registry.get('example-sab').abuseTypes.length, registry.get('llr-2023').abuseTypes.length);
  });
  test('a broken file is refused with the bad path named', () => {
    const raw = JSON.parse(readFileSync(new URL('../../src/domain/safeguarding/frameworks/example-sab-2024.json', import.meta.url), 'utf8'));
    raw.abuseTypes[0].indicators[0].routes = ['no_such_route'];
    assert.throws(() => parseFramework(raw, 'broken.json'), /broken\.json.*abuseTypes\.0\.indicators\.0\.routes.*no_such_route/);
    delete raw.abuseTypes[0].indicators[0].routes;
    raw.abuseTypes[0].indicators[0].column = 'maybe';
    assert.throws(() => parseFramework(raw, 'broken.json'), /abuseTypes\.0\.indicators\.0\.column/);
  });
});
