// The knowledge base (src/knowledge/faq.ts): which questions raise which answer.
import { describe, expect, it } from 'vitest';
import { answerOf, topicsOf } from '../../src/knowledge/faq.ts';

describe('knowledge base topics (issue #13)', () => {
  it.each([
    ['退一赔三跟退一赔十到底有啥不一样？', 'compensation'],
    ['请问打12315跟你们这个是一个吗 你们这个能不能直接受理啊', 'hotline'],
    ['恁这管价钱不管？货架上标哩59.9，结账收俺69.9', 'price'],
    ['我那个查询码找不着了 老年机 短信删了', 'lostcode'],
    ['投诉跟举报有啥区别？', 'kinds'],
    ['你们会不会跟老板说是谁举报的？', 'anonymous'],
    ['你们能保密吗 他知道了要找我麻烦', 'anonymous'],
  ] as const)('%s → %s', (text, topic) => expect(topicsOf(text)).toContain(topic));

  it('"有啥不一样" about compensation is not the complaint-or-report question', () => {
    expect(topicsOf('退一赔三跟退一赔十到底有啥不一样？')).not.toContain('kinds');
  });

  it('the answers say what a citizen needs: 十倍 and 三倍 told apart, 12315 the same channel, a lost code not re-sent', () => {
    expect(answerOf('compensation', 'zh')).toMatch(/十倍[\s\S]*退一赔三[\s\S]*第55条/);
    expect(answerOf('hotline', 'zh')).toMatch(/12315/);
    expect(answerOf('lostcode', 'zh')).toMatch(/找不回来[\s\S]*人工/);
    expect(answerOf('price', 'en')).toMatch(/price/i);
  });

  it('"你们能保密吗" asks about confidentiality, not whether we handle food safety', () => {
    expect(topicsOf('你们能保密吗 他知道了要找我麻烦')).not.toContain('jurisdiction');
    expect(topicsOf('你们能管吗')).toContain('jurisdiction');
  });

  it('a statement that mentions 12315 raises nothing', () => {
    expect(topicsOf('我打12315举报了三次了那个火锅店还在用老油')).not.toContain('hotline');
  });
});
