// Issue #13 item 10: `npm run eval:chat -- --server` plays the scripted citizens against a real server
// (startRuntime on SQLite in a temp dir, real Redis and workers) through the bot's own HTTP client, and
// scores the case read back from the database. A handful of dev personas, one of each sort: a dialect
// complaint, a complaint with a photo, an anonymous report asking for a reward, a real-name report, a
// "both", a consultation filed for a written answer, a consultation answered on the spot, a hand-off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerDriver, type ServerDriver } from '../../bench/eval-chat-server.ts';
import { evaluate, loadPersonas, pureDriver, simulate } from '../../bots/wechat/eval-chat.ts';

const IDS = ['p002', 'p009', 'p031', 'p034', 'p062', 'p084', 'p076', 'p097'];

describe('eval:chat through a real server (issue #13 item 10)', () => {
  let server: ServerDriver;
  const personas = loadPersonas('dev').personas.filter((p) => IDS.includes(p.id));

  beforeAll(async () => {
    server = await startServerDriver({ contactPrefix: `vitest-${process.pid}` });
  }, 30_000);

  afterAll(async () => {
    await server?.stop();
  });

  it('files every conversation that should be filed, and the stored cases score as the goals ask', async () => {
    expect(personas.map((p) => p.id).sort()).toEqual([...IDS].sort());
    const { totals, runs } = await evaluate(personas, server);
    expect(totals.n).toBe(IDS.length);
    expect(totals.deadEnds).toBe(0);
    expect(totals.junk).toBe(0);
    expect(totals.repeated).toBe(0);
    expect(totals.right / totals.total).toBeGreaterThanOrEqual(0.95);
    // What was scored is what the database holds: one stored case (two for "both") per filed run.
    const filed = runs.filter((r) => r.filed !== null);
    expect(filed.length).toBe(personas.filter((p) => p.expect.filed).length);
    const db = server.runtime.deps.db;
    const stored = await db.selectFrom('intake_case').select(['kind', 'business_name', 'anonymous']).execute();
    expect(stored.length).toBe(filed.reduce((n, r) => n + (r.filed?.kind === 'both' ? 2 : 1), 0));
    const report = runs.find((r) => r.id === 'p031')?.filed;
    expect(report).toMatchObject({ kind: 'report', anonymous: true, wantsReward: true });
    expect(stored.some((s) => s.kind === 'report' && s.anonymous === 1)).toBe(true);
    // The hand-off went to the server (a person is asked for), not only into the bot's state.
    expect(runs.find((r) => r.id === 'p097')?.handoff).toBe(true);
  }, 60_000);

  it('what the server stores is what is scored: a complaint the server splits into two is read back as both, and the bot says why', async () => {
    // p007 asks to have the mouldy noodles exchanged, and its words also ask for an investigation: intake's
    // auto-split (src/cases/auto-split.ts) adds a report beside the complaint. The pure run cannot see it.
    const p = loadPersonas('dev').personas.find((x) => x.id === 'p007');
    if (!p) throw new Error('p007 missing');
    const viaPure = await simulate(p, pureDriver);
    const viaServer = await simulate(p, server);
    expect(viaPure.filed?.kind).toBe('complaint');
    expect(viaServer.filed?.kind).toBe('both');
    expect(viaServer.replies.join('\n')).toMatch(/分别登记为投诉和举报/);
    expect(viaServer.replies.join('\n')).toMatch(/您的投诉并举报已登记/);
  }, 30_000);

  it('an anonymous report is read back without any identity, with the facts the bot sent', async () => {
    // The anonymous reporter's identity is never stored, whatever the bot sent.
    const p = personas.find((x) => x.id === 'p031');
    if (!p) throw new Error('p031 missing');
    const viaServer = await simulate(p, server);
    const viaPure = await simulate(p, pureDriver);
    expect(viaServer.filed?.personName ?? null).toBeNull();
    expect(viaServer.filed?.description).toBe(viaPure.filed?.description);
    expect(viaServer.filed?.township).toBe(viaPure.filed?.township);
  }, 30_000);
});
