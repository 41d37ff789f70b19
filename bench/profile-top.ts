// Summarises a V8 CPU profile (.cpuprofile, from `node --cpu-prof`): the functions with the most self
// time, grouped by function and file, as a table. Used by `npm run bench:submissions -- --profile`.
import { readFileSync } from 'node:fs';

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

export function topFunctions(file: string, n = 15): { fn: string; where: string; 'self %': number }[] {
  const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(p.nodes.map((x) => [x.id, x]));
  const self = new Map<string, number>();
  let total = 0;
  p.samples.forEach((id, i) => {
    const node = byId.get(id);
    const dt = p.timeDeltas[i] ?? 0;
    if (!node) return;
    const url = node.callFrame.url.replace(/^file:\/\//, '').replace(process.cwd() + '/', '');
    const key = `${node.callFrame.functionName || '(anonymous)'}\u0000${url ? `${url}:${node.callFrame.lineNumber + 1}` : ''}`;
    self.set(key, (self.get(key) ?? 0) + dt);
    total += dt;
  });
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => {
      const [fn = '', where = ''] = k.split('\u0000');
      return { fn, where: where.slice(-70), 'self %': Number(((100 * v) / total).toFixed(1)) };
    });
}
