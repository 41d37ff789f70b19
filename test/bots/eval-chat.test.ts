// The eval:chat simulator itself (issue #13 item 10): a scripted citizen is played to the end of the script.
import { describe, expect, it } from 'vitest';
import { loadPersonas, pureDriver, simulate } from '../../bots/wechat/eval-chat.ts';

describe('eval:chat simulator', () => {
  it('a citizen who calls it off and, as scripted, comes back ("哎 还是投吧…刚才说到哪了") is followed to the filing', async () => {
    const p = loadPersonas('dev12', 'k037').personas[0];
    if (!p) throw new Error('persona k037 missing');
    expect(p.events.some((e) => e.say?.includes('还是投吧'))).toBe(true);
    const run = await simulate(p, pureDriver);
    expect(run.transcript.join('\n')).toMatch(/还是投吧/);
    expect(run.filed?.kind).toBe('complaint');
    expect(run.deadEnd).toBeNull();
  });
});
