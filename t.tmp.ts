import { handle, newState, resolve, type ConvState } from './bots/wechat/conversation.ts';
const NOW = new Date('2026-12-05T02:00:00Z');
let s: ConvState = newState('d', NOW.getTime());
let n = 0;
for (const line of process.argv.slice(2)) {
  const out = handle(s, { type: 'text', text: line }, { now: NOW, newDraftId: `x${++n}` });
  console.log('>', line); for (const r of out.replies) console.log('<', r);
  s = out.state;
  if (out.effect) { console.log('[effect]', JSON.stringify(out.effect).slice(0, 300));
    const o2 = resolve(s, out.effect.type === 'query' ? { type: 'query', ok: true, status: { number: 'XZ', kindLabel: '投诉', status: 'x', timeline: [] } } : { type: 'handoff', ok: true } as never, { now: NOW, newDraftId: 'y' });
    for (const r of o2.replies) console.log('<<', r); s = o2.state; }
}
console.log(JSON.stringify(s.draft));
