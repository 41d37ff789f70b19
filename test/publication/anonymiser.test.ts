// What a publisher relies on: every kind of personal data is found and replaced by its placeholder,
// the original span (full-width, spaced) is replaced, look-alikes (order numbers, amounts, case
// numbers, masked names, shop names, common words) are left alone, and kept strings stay.
import { describe, expect, it } from 'vitest';
import { anonymise, findPii, idChecksumOk, luhnOk, normalise, PLACEHOLDERS, type PiiType } from '../../src/publication/anonymiser.ts';

const found = (text: string, keep?: string[]) => anonymise(text, keep ? { keep } : {}).found;
const has = (text: string, type: PiiType, value: string) => expect(found(text)).toContainEqual({ type, value });
const none = (text: string) => expect(found(text)).toEqual([]);

describe('each type is found and replaced by its placeholder', () => {
  const cases: [PiiType, string, string][] = [
    ['name', '举报人：刘芳，反映面馆用地沟油', '刘芳'],
    ['mobile', '我电话13838215678，请回电', '13838215678'],
    ['landline', '联系电话0371-62581234', '0371-62581234'],
    ['id_number', '身份证号410184195905178383，住城关乡', '410184195905178383'],
    ['bank_card', '退款打到卡上6217002775554688738', '6217002775554688738'],
    ['plate', '车牌豫A·8M2K6的面包车', '豫A·8M2K6'],
    ['address', '家住新郑市新建路街道阳光花园5号楼2单元302室。', '阳光花园5号楼2单元302室'],
    ['wechat', '加我微信号：xiaomei_2020 发照片', 'xiaomei_2020'],
    ['qq', 'QQ:38271654 有照片', '38271654'],
    ['email', '邮箱 zhanghua1988@163.com 收报告', 'zhanghua1988@163.com'],
  ];
  it.each(cases)('%s', (type, text, value) => {
    const r = anonymise(text);
    expect(r.found).toEqual([{ type, value }]);
    expect(r.text).toBe(text.replace(value, PLACEHOLDERS[type]));
  });

  it('returns sorted, non-overlapping findings with offsets into the original text', () => {
    const text = '投诉人：皇甫晓燕，身份证号411023200310219904，电话：１３７８３７２１４５６，住址：新郑市龙湖世家7号楼2单元1301。';
    const f = findPii(text);
    expect(f.map((x) => x.type)).toEqual(['name', 'id_number', 'mobile', 'address']);
    for (const x of f) expect(text.slice(x.start, x.end)).toBe(x.value);
    for (let i = 1; i < f.length; i++) expect(f[i]!.start).toBeGreaterThanOrEqual(f[i - 1]!.end);
  });
});

describe('names', () => {
  it('masks names after role and naming cues, with or without a title', () => {
    has('我叫王建国，电话13838215678', 'name', '王建国');
    has('老板叫王大海，人很凶', 'name', '王大海');
    has('当事人卢海波在场', 'name', '卢海波');
    has('户名欧阳娜娜', 'name', '欧阳娜娜');
    has('经营者司马光明说证在办', 'name', '司马光明');
    has('负责人：闫红 手机：13849023311', 'name', '闫红');
  });

  it('masks surname + title as one name, and a full name without its title', () => {
    expect(anonymise('王先生来电称外卖里有头发').text).toBe('[姓名]来电称外卖里有头发');
    has('孙大姐你别这样', 'name', '孙大姐');
    has('常经理说不可能有问题', 'name', '常经理');
    expect(anonymise('投诉人李娜女士反映').text).toBe('投诉人[姓名]女士反映');
  });

  it('masks names in sentences from context: 说/告诉/跟我, lists, a phone after the name', () => {
    has('孔令辉说那批货没有票据', 'name', '孔令辉');
    has('昨天下午王丽娟跟我一起去的', 'name', '王丽娟');
    expect(found('执法人员张伟、李强和赵国庆到场')).toEqual([
      { type: 'name', value: '张伟' },
      { type: 'name', value: '李强' },
      { type: 'name', value: '赵国庆' },
    ]);
    has('联系我：赵敏 15837125566', 'name', '赵敏');
    expect(anonymise('签收人熊大伟，受送达人熊大伟').text).toBe('签收人[姓名]，受送达人[姓名]');
  });

  it('masks names in form fields, after a time word, and in counted lists', () => {
    has('审核：李强', 'name', '李强');
    has('被检查单位负责人（签字）：刘长江', 'name', '刘长江');
    has('昨天汪涛跟我一起去的', 'name', '汪涛');
    expect(found('刘芳、王磊、张强三个人都吃坏了').map((f) => f.value)).toEqual(['刘芳', '王磊', '张强']);
    has('我姓周，周晓东，在火锅店吃出了蟑螂', 'name', '周晓东');
  });

  it('does not read role nouns followed by ordinary words as names', () => {
    none('工作人员常驻现场，当事人陈述了经过，消费者权益受损，经营者应当整改');
    none('我儿子高考完去吃的烧烤，我爸爸高血压，投诉人表示满意');
    none('厨房师傅不戴口罩，音乐老师说饭菜不好，我是龙湖一家饭店的员工');
  });

  it('leaves masked names, nicknames, shop names, brands and common words alone', () => {
    none('被举报人王某某在自家院里私宰，李某反映属实，张×× 投诉');
    none('老王烧烤、张记面馆、李氏牛肉汤、王家大院饭店、诸葛亮烤鱼店都查了');
    none('康师傅方便面、王老吉、周黑鸭、张飞牛肉都过期了');
    none('周末吃黄瓜白菜，马上高兴地去，万一金额不对，钱包和文件常常忘带，方便的话再说');
    none('当时老板不在，我向老板反映了问题，市场监管局长说会严查');
    none('夏天到了，沈阳的朋友说江苏产的杨梅罐头不错');
    none('问了店员小刘，他说姓孙的老板让卖的');
  });
});

describe('numbers', () => {
  it('finds mobiles with spaces, dashes, country prefix, full-width and Chinese digits', () => {
    has('电话139 3712 4567', 'mobile', '139 3712 4567');
    has('手机186-0371-2233', 'mobile', '186-0371-2233');
    has('电话：+86 138 3712 6655', 'mobile', '+86 138 3712 6655');
    has('手机0086-13903718899', 'mobile', '0086-13903718899');
    has('手机号码１３６０３７１５５６６', 'mobile', '１３６０３７１５５６６');
    has('我电话是一三八三七一二三四五六', 'mobile', '一三八三七一二三四五六');
    expect(found('电话：13812345678、13987654321')).toHaveLength(2);
  });

  it('finds landlines with area code, brackets, and labelled local numbers', () => {
    has('电话（0371）69951234', 'landline', '（0371）69951234');
    has('来电号码：037162587788', 'landline', '037162587788');
    has('座机：62531234', 'landline', '62531234');
    has('电话0371—62889911', 'landline', '0371—62889911');
  });

  it('does not mask order numbers, case numbers, amounts, dates, hotlines or codes', () => {
    none('订单号13812345678，金额138元');
    none('快递单号：78923456781234');
    none('订单编号：2026112813712345678');
    none('案件编号XZ-20261128-000123已受理，请拨打12315');
    none('金额合计13712345678元');
    none('2026-11-28 13:45:12 收到，编号：20261128000123');
    none('投诉电话 400-888-1234 是客服');
    none('生产许可证编号SC10641018400123，条形码6901234567892');
    none('回访：已联系投诉人（138****2345），尾号5678');
  });

  it('accepts ID numbers by check digit, or by structure in an ID context', () => {
    expect(idChecksumOk('410184195905178383')).toBe(true);
    expect(idChecksumOk('410184195905178384')).toBe(false);
    has('身份证号码：41012219710213263x', 'id_number', '41012219710213263x');
    has('身份证：4104031958 1222 2989', 'id_number', '4104031958 1222 2989'); // bad check digit, clear context
    has('老身份证号410184650312026', 'id_number', '410184650312026');
    none('编号410403195812222989'); // bad check digit, no ID context, order label
    none('这个数字410403195812222989不知道是什么'); // bad check digit, no ID context
  });

  it('accepts bank cards by Luhn, or in a card context', () => {
    expect(luhnOk('6222025458188199009')).toBe(true);
    expect(luhnOk('6222025458188199002')).toBe(false);
    has('银行卡：6222 0254 5818 8199 009', 'bank_card', '6222 0254 5818 8199 009');
    has('银行卡号：6214 8371 6219 6903 935', 'bank_card', '6214 8371 6219 6903 935'); // Luhn fails, card context
    none('交易流水号6222025458188199002');
    none('商品追溯码 6230526687292751822 扫不出来');
    none('这串数字6222 0254 5818 8199 002是什么'); // grouped long number, Luhn fails: no card, no phone inside
  });
});

describe('addresses', () => {
  it('masks the detailed part of home addresses, after the admin divisions', () => {
    has('住新郑市城关乡胡庄村五组27号', 'address', '胡庄村五组27号');
    has('现住址为龙湖镇绿地香颂3-2-601', 'address', '绿地香颂3-2-601');
    has('家住人民路36号院2号楼东单元4楼西户', 'address', '人民路36号院2号楼东单元4楼西户');
    has('家住新烟街道阳光社区3排15号', 'address', '阳光社区3排15号');
  });

  it('includes road, house-number and complex parts below the admin divisions', () => {
    has('住在新华路18号金水苑小区3栋2单元502室', 'address', '新华路18号金水苑小区3栋2单元502室');
    has('家住三号楼二单元五零一', 'address', '三号楼二单元五零一');
    has('户籍地址：河南省周口市郸城县宜路镇钱店村委会钱店村15号', 'address', '钱店村15号');
  });

  it('leaves business addresses and coarse places alone', () => {
    none('举报新华路128号的鑫源超市');
    none('经营地址：新郑市薛店镇华南城2号楼1层108号商铺');
    none('我家在新村镇裴李岗村，村东头有个小作坊');
    none('学校3号楼的食堂卫生很差');
  });
});

describe('keep list', () => {
  it('never masks kept strings, matched also across full-width and digit formatting', () => {
    const text = '当事人王建国经营的王建国烧烤店（电话0371-62581234），投诉人电话13837100001';
    const r = anonymise(text, { keep: ['王建国', '0371 6258 1234'] });
    expect(r.found).toEqual([{ type: 'mobile', value: '13837100001' }]);
    expect(r.text).toContain('王建国烧烤店（电话0371-62581234）');
    expect(found('店里电话０３７１－６２５８１２３４', ['0371-62581234'])).toEqual([]);
  });

  it('keeps only the kept part when a finding merely overlaps it', () => {
    const r = anonymise('家住和平小区3号楼2单元501', { keep: ['和平小区'] });
    expect(r.found).toEqual([{ type: 'address', value: '3号楼2单元501' }]);
  });

  it('ignores empty keep entries', () => {
    expect(found('我叫王建国', ['', '  '])).toEqual([{ type: 'name', value: '王建国' }]);
  });
});

describe('normalise', () => {
  it('keeps the length so offsets stay valid', () => {
    const s = '电话：１３８　１２３４－５６７８，一三八三七一二三四五六';
    expect(normalise(s)).toHaveLength(s.length);
    expect(normalise(s)).toBe('电话:138 1234-5678,13837123456');
  });

  it('returns the text unchanged when there is nothing to mask', () => {
    const s = '上周六晚上8点在金龙大酒店吃的喜宴，20多人上吐下泻，急！！';
    expect(anonymise(s)).toEqual({ text: s, found: [] });
  });
});
