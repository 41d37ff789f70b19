// Summarises a V8 CPU profile (.cpuprofile, from `node --cpu-prof`): the functions with the most self
// time, grouped by function and file, as a table, and (`inclusiveFunctions`) the most inclusive time
// (self plus everything called below, each function counted once per sample however deep it recurses).
// Used by `npm run bench:submissions -- --profile` and `npm run bench:workflow -- --profile`.
import { readFileSync } from 'node:fs';

type Node = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
};
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

function keyOf(node: Node): string {
  const url = node.callFrame.url.replace(/^file:\/\//, '').replace(`${process.cwd()}/`, '');
  return `${node.callFrame.functionName || '(anonymous)'}\u0000${url ? `${url}:${node.callFrame.lineNumber + 1}` : ''}`;
}

function rows(totals: Map<string, number>, total: number, n: number, label: string): Record<string, string | number>[] {
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => {
      const [fn = '', where = ''] = k.split('\u0000');
      return { fn, where: where.slice(-70), [label]: Number(((100 * v) / total).toFixed(1)) };
    });
}

export function topFunctions(file: string, n = 15): Record<string, string | number>[] {
  const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(p.nodes.map((x) => [x.id, x]));
  const self = new Map<string, number>();
  let total = 0;
  p.samples.forEach((id, i) => {
    const node = byId.get(id);
    const dt = p.timeDeltas[i] ?? 0;
    if (!node) return;
    const key = keyOf(node);
    self.set(key, (self.get(key) ?? 0) + dt);
    total += dt;
  });
  return rows(self, total, n, 'self %');
}

/** The functions with the most inclusive time; `(idle)`, `(program)` and `(root)` left out of the list, not the total. */
export function inclusiveFunctions(file: string, n = 25): Record<string, string | number>[] {
  const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const parent = new Map<number, number>();
  for (const x of p.nodes) for (const c of x.children ?? []) parent.set(c, x.id);
  const byId = new Map(p.nodes.map((x) => [x.id, x]));
  const keys = new Map(p.nodes.map((x) => [x.id, keyOf(x)]));
  const timeOf = new Map<number, number>();
  let total = 0;
  p.samples.forEach((id, i) => {
    const dt = p.timeDeltas[i] ?? 0;
    timeOf.set(id, (timeOf.get(id) ?? 0) + dt);
    total += dt;
  });
  const incl = new Map<string, number>();
  for (const [id, dt] of timeOf) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const k = keys.get(at) ?? '';
      const fn = byId.get(at)?.callFrame.functionName ?? '';
      if (seen.has(k) || fn === '(root)' || fn === '(idle)' || fn === '(program)') continue;
      seen.add(k);
      incl.set(k, (incl.get(k) ?? 0) + dt);
    }
  }
  return rows(incl, total, n, 'incl %');
}
