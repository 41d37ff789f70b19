// The labelled evaluation set meets the targets: recall ≥ 99% for phones, ID numbers and bank
// cards, ≥ 95% for names and addresses, precision ≥ 95% overall (strict match on type + value).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluate, formatReport, parseEvalJsonl } from '../../src/publication/evaluate.ts';

const file = fileURLToPath(new URL('../fixtures/anonymise-eval.jsonl', import.meta.url));
const items = parseEvalJsonl(readFileSync(file, 'utf8'));

describe('anonymiser evaluation set', () => {
  it('is large and varied enough to mean something', () => {
    expect(items.length).toBeGreaterThanOrEqual(170);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    const types = new Set(items.flatMap((i) => i.pii.map((p) => p.type)));
    expect([...types].sort()).toEqual([
      'address',
      'bank_card',
      'email',
      'id_number',
      'landline',
      'mobile',
      'name',
      'plate',
      'qq',
      'wechat',
    ]);
    expect(items.filter((i) => i.pii.length === 0).length).toBeGreaterThanOrEqual(40);
  });

  it('meets every target', () => {
    const report = evaluate(items);
    if (!report.allMet) console.log(formatReport(report));
    for (const t of report.targets)
      expect({ target: t.name, met: t.met, actual: t.actual }).toEqual({ target: t.name, met: true, actual: t.actual });
  });

  it('reports strict and lenient (masked anyway) recall', () => {
    const report = evaluate([
      { id: 'x', text: '家住阳光花园5号楼2单元302室', pii: [{ type: 'address', value: '家住阳光花园5号楼2单元302室' }] },
      { id: 'y', text: '订单号13812345678', pii: [] },
    ]);
    expect(report.perType.address.recall).toBe(0);
    expect(report.perType.address.lenientRecall).toBe(0); // '家住' itself is not covered
    expect(report.overall.precision).toBe(0); // the one finding does not match the label exactly
    const lenient = evaluate([{ id: 'z', text: '我叫王建国', pii: [{ type: 'name', value: '王建' }] }]);
    expect(lenient.perType.name.recall).toBe(0);
    expect(lenient.perType.name.lenientRecall).toBe(1);
  });
});
