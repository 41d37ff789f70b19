// What the citizen is doing with a message, in any wording, before any of it is taken as an answer:
// cancelling, asking for a person, asking about a case, correcting something, changing the kind,
// complaining that they already said it, greeting, asking a question. Pure.
import type { Kind, Slot } from './slots.ts';

export interface StatusAct {
  number: string;
  code: string | null;
}

export interface Correction {
  /** The slot the citizen names ("地址错了"), when they name one. */
  slot: Slot | null;
  /** The words being replaced, when said ("不是新郑镇"). */
  old: string | null;
  /** The new value ("是郭店镇"). */
  value: string;
  /** Further fields corrected in the same message ("店名不对，是X；日子也不对，是前天"). */
  more?: Correction[];
}

export interface Acts {
  cancel: boolean;
  restart: boolean;
  help: boolean;
  human: boolean;
  /** Only a greeting ("在吗", "你好", "hello"), nothing else. */
  greetingOnly: boolean;
  /** Only thanks or goodbye ("好的谢谢", "辛苦了", "thanks, bye"), nothing else. */
  thanksOnly: boolean;
  frustration: boolean;
  status: StatusAct | null;
  /** "我的案子怎么样了" without a number. */
  statusList: boolean;
  /** `回复 编号 内容`. */
  answer: { number: string; text: string } | null;
  kindChange: Kind | null;
  correction: Correction | null;
  /** "修改 电话" in the summary: the slot to ask again. */
  edit: Slot | 'kind' | 'files' | null;
  wantsWritten: boolean;
  /** The message with the act phrases taken out (what is left may still carry facts). */
  rest: string;
}

const s = (t: string) => t.replace(/[\s，。！？!?,.~～、…；;：:]+/g, '');

// "XZ-20261118-000342", "xz 2026 1118 000342": the date may be typed in two groups of four.
export const CASE_NO = /XZ[-—\s]?(\d{4}[\s-]?\d{4})[-—\s]?(\d{6,})/i;
/** "帮我查下进度 XZ-20261202-": a number cut off at the end of a message (the rest comes next). */
export const PARTIAL_CASE_NO = /XZ[-—\s]?(\d{4}[\s-]?\d{4})[-—\s]?$/i;
const CODE = /(?:查询码|query code|code)?[:：\s]*([0-9A-Z]{4}(?:[-\s][0-9A-Z]{2,4}){2,8})(?![0-9A-Z])/i;

export function normaliseNumber(n: string): string {
  const m = CASE_NO.exec(n);
  return m ? `XZ-${m[1]!.replace(/\D/g, '')}-${m[2]}` : n.toUpperCase();
}

const EDIT_WORDS: [RegExp, Slot | 'kind' | 'files'][] = [
  [/类型|种类/, 'kind'],
  [/联系地址|住址|我的地址|家庭地址|家里地址/, 'address'],
  [/身份证/, 'idNumber'],
  [/经过|事情|内容|描述|情况/, 'description'],
  [/商家|店名|名称|单位|店铺|名字叫|厂名|饭店名|店的名/, 'business'],
  [/地址|地点|位置|在哪|地方/, 'where'],
  [/时间|日期|哪天|日子/, 'when'],
  [/诉求|要求/, 'request'],
  [/匿名|实名/, 'anonymous'],
  [/奖励|reward/i, 'reward'],
  [/姓名|名字|称呼|\bmy name\b|^(我的?|俺的?|俺哩)?名(?!称|单|额|字叫)/i, 'name'],
  [/电话|手机|号码|\b(my )?(phone|number)\b/i, 'phone'],
  [/公开/, 'consent'],
  [/照片|图片|文件|视频|证据/, 'files'],
];

export function slotNamed(text: string): Slot | 'kind' | 'files' | null {
  return EDIT_WORDS.find(([re]) => re.test(text))?.[1] ?? null;
}

const FRUSTRATION =
  /我(刚|刚才|前面|之前|已经|都)(不是)?(都|已经)?(说|讲|告诉|发)(了|过)|说过了|(不是|都)(都)?说了吗|怎么又(问|来)|又问|问过了|问了(好)?几遍|听(清|懂|明白)(了)?没|记(下|住)(了)?没|你(是不是)?(听不懂|看不懂)|I (already|just) (said|told)|told you already/i;

const CANCEL =
  /^(取消|不办了|不弄了|算了吧?|退出|不用了|不投诉了|不举报了|不说了|(我|俺)?(就是|只是|就|随便)问问(而已|罢了)?|cancel|stop|never ?mind|forget it|quit)$/i;
const CANCEL_IN =
  /(先|就|只)?(咨询|问问)(一)?下?[，,\s]*(先|暂时|暂)?不(投诉|举报|登记)|不用登记|不用提交|不用记|问问就行|就(先)?问问(?![你您恁他她这那管能有是])|(只是|先)问问(?![你您恁他她这那管能有是])(?=(而已|罢了|就行|就好|啊|哈|吧)?[。！!～~\s]*$)|no need to file|don'?t (file|submit)|just (a question|asking)|算了[，,\s]*不(弄|办|投诉|举报|说)了|先不(投诉|举报|弄|办|登记)了?(?![^，。]{0,4}(等|看|问))|不(弄|办|投诉|举报|要|投|举|告)了[，,\s]*(算了)?|(?<!值)不值当|取消(投诉|举报)?吧?$|don'?t want to (continue|go on)|cancel (it|this)/i;

/** A kind the citizen wants now ("我要匿名举报", "改成投诉"), with a negated kind ("不投诉了") ignored. */
const OWN_REMEDY =
  /(我|俺)?(也|还|并)(要|想)(让|叫|求)?(他|他们|他家|商家|店家|老板|超市|饭店)?(给我|给俺)?(退钱|退款|退货|赔偿|赔钱|赔我|赔俺|道歉|赔礼)|(要求|让|叫)(他|他们|他家|商家|店家|老板)(给我|给俺)?(退钱|退款|赔偿|赔钱|道歉)/;

const NO_COMPLAINT =
  /不投诉(了)?|投诉不(中|行|成|了)|不(能|让|给)投诉|不(值得|至于|用)投诉|not sure (it'?s|it is) worth a complaint|(don'?t|do not) want to (complain|file a complaint)|not (a |to )?complain/i;
const NO_COMPLAINT_G = new RegExp(NO_COMPLAINT.source, 'gi');
const NO_REPORT = /不举报(了)?|举报不(中|行|成|了)|不(能|让|给)举报/;
const NO_REPORT_G = new RegExp(NO_REPORT.source, 'g');

/** "先问问，俺还没想好要不要举报": no kind chosen yet. */
export const NOT_DECIDED_YET =
  /(没|还没|没有)(想好|决定|拿定主意)(要不要|是否|该不该)?(投诉|举报)|(要不要|该不该|是否)(投诉|举报)(还|俺|我)?(没想好|不知道|拿不准|再说|再定)|不知道(要不要|该不该)(投诉|举报)|not sure (whether|if) (i should |to |i want to )?(report|complain)|^(it'?s )?(only|just) (a |one )?question( for now)?[.!]?$/i;

/**
 * "俺也不懂啥投诉举报，俺就是要叫他赔钱", "啥投诉举报的俺分不清": the words named as not understood choose
 * nothing.
 */
export const KINDS_NOT_UNDERSTOOD =
  /(不懂|不知道|不明白|搞不清|分不清|弄不清)(啥|什么|啥是|什么是)?(投诉|举报)(和|跟|还是|、)?(投诉|举报)?|(啥|什么)?(投诉|举报)(和|跟|还是|、)?(投诉|举报)(的|啥的|啥哩|哩)?(俺|我)?(也)?(不懂|不知道|不明白|搞不清|分不清|弄不清)/g;

function kindWanted(text: string): Kind | null {
  if (NOT_DECIDED_YET.test(text)) return null;
  const t = text.replace(KINDS_NOT_UNDERSTOOD, '');
  // "不投诉了", "恁说投诉不中，那俺就举报他": a kind ruled out is not wanted.
  const noComplaint = NO_COMPLAINT.test(t) || /不(退钱|要退钱|要赔)(了)?/.test(t);
  const noReport = NO_REPORT.test(t);
  const comp = /投诉/.test(t.replace(NO_COMPLAINT_G, '')) && !noComplaint;
  const rep = /举报|检举|揭发/.test(t.replace(NO_REPORT_G, '')) && !noReport;
  if (comp && rep) return 'both';
  // "我要举报他们，也要他退钱赔偿": a report and the writer's own remedy are both wanted.
  if (rep && OWN_REMEDY.test(t)) return 'both';
  if (rep) return 'report';
  if (comp) return 'complaint';
  // "告发他" tells on someone; "告他", "俺要告他们" (the plain word for taking the business to task) is a complaint.
  if (/告发/.test(t)) return 'report';
  if (/^(我|俺)?(就|就是)?(要|想|得)?告(他|她|他们|她们|他家|这家|那家|店家|商家|老板|饭店|饭庄)[们]?(去)?[!！。～~\s]*$/.test(t.trim()))
    return 'complaint';
  const en = /\b(complain|complaint)\b/i.test(t) && !noComplaint;
  if (en && /\breport\b/i.test(t)) return 'both';
  if (/\breport\b/i.test(t)) return 'report';
  if (en) return 'complaint';
  return null;
}

export { kindWanted };

export function detectActs(raw: string, ctx: { inDraft: boolean; kind: Kind | undefined; step: string }): Acts {
  const word = s(raw);
  let rest = raw;
  const acts: Acts = {
    cancel: false,
    restart: false,
    help: false,
    human: false,
    greetingOnly: false,
    thanksOnly: false,
    frustration: false,
    status: null,
    statusList: false,
    answer: null,
    kindChange: null,
    correction: null,
    edit: null,
    wantsWritten:
      /书面(答复|回复|哩|的)?|写个书面|正式答复|(给|帮)(我|俺|我们|俺们)写个(东西|说法|答复|回复|材料)|written (answer|reply)/i.test(raw),
    rest,
  };

  const ans = /^回复\s*(XZ[-\s]?\d{8}[-\s]?\d{6,})\s+([\s\S]+)$/i.exec(raw.trim());
  if (ans && ans[2]!.trim()) {
    acts.answer = { number: normaliseNumber(ans[1]!), text: ans[2]!.trim() };
    return acts;
  }

  // A case number (and maybe its query code) anywhere in the sentence: a status query, never case text.
  // Full-width letters and digits ("ＸＺ－２０２６…", typed on a Chinese keyboard) are read as ASCII.
  const narrow = raw.normalize('NFKC');
  const no = CASE_NO.exec(narrow);
  if (no) {
    const after = narrow.slice((no.index ?? 0) + no[0].length);
    const before = narrow.slice(0, no.index ?? 0);
    const code = CODE.exec(after) ?? CODE.exec(before);
    acts.status = { number: `XZ-${no[1]!.replace(/\D/g, '')}-${no[2]}`, code: code ? code[1]!.replace(/\s+/g, '-').toUpperCase() : null };
    return acts;
  }
  if (/^(4|四|查询|查询进度|查进度|进度|status|progress)$/i.test(word) && (ctx.step === 'menu' || /查|status|progress/i.test(word)))
    acts.statusList = true;
  else if (
    /(我的|俺的|俺哩|(我|俺)(那个|那件|的那个|哩那个))(案子|投诉|举报|事)(办得|处理得)?(怎么样|咋样|到哪|有结果|进展)|(办|处理)到哪(一步)?了|有(没有)?(结果|进展)了?[吗没]|查(一下|下)?进度|^(帮(我|俺)?)?(查|查查|查一下|查下|看看|看一下)(我|俺)(的|哩)?(案子|投诉|举报|案件)$|(之前|前天|昨天|上周|上礼拜|上个月|前几天|那天|\d+号)(我)?(举报|投诉|反映|提交)的(那个|那件|事)[^，。？?]{0,6}(怎么|咋|为啥)?(还)?(没|没有)(人)?(联系|回复|处理|消息|动静|结果)|(上个月|之前|前些天|前几天|上周|上礼拜|前天|昨天|\d+号|早先|以前|那会儿)(我|俺)?(就)?(投诉|举报|反映)(过|了)[^。？?]{0,30}(到现在|至今|一直|咋|怎么)?(也|都|还)?(没|没有)(人)?(给我|给俺)?(回|联系|处理|答复|消息|动静|回话|回个话|回复)|how is my (case|complaint|report)|status of my/i.test(
      raw,
    )
  )
    acts.statusList = true;
  // "我半个月前在你们这举报…地沟油，到现在一点信儿都没有！": an earlier case, no news since.
  else if (
    /(半个月前|[一二两三四五六七八九十几\d]+(天|个月|周|星期|礼拜)(前|以前)|上个月|之前|前些天|前几天|上周|上礼拜|早先|以前)[^，。？?]{0,10}(投诉|举报|反映)[^。？?！!]{0,30}(一直|到现在|至今|咋|怎么)[^。？?！!]{0,4}((没|没有)(人)?(信儿?|消息|动静|回音|回复|联系|结果)|(一点儿?)?(信儿?|消息|动静|回音)(都|也)没(有)?)/.test(
      raw,
    ) ||
    // "我上周三举报的孟庄那个养鸡场…的事 到底有人管没有？？十来天了一个电话都没有": an earlier case, no news.
    /(上周[一二三四五六日天]?|上礼拜[一二三四五六日天]?|上个?星期[一二三四五六日天]?|前几天|前些天|之前|上次|上回|半个月前|[\d一二两三四五六七八九十几]+(天|号|个月)(前|以前)?)(我|俺)?(在你们这|在恁这)?(举报|投诉|反映)(的|过|了)[^。]{0,40}(有人管没有|有没有人管|(咋|怎么)(还)?没(有)?(动静|消息|信儿?|人管)|没人管|一个电话都没(有)?|(电话|信儿?|消息|回音)(都|也)没(有|接到)?)/.test(
      raw,
    ) ||
    // "你们自己查不行吗", "上哪能查到" about a case already filed.
    (!ctx.inDraft && /(你们|恁)自己查|上哪(儿)?(能|去)?查(到)?|在哪(儿)?(能)?查(到)?/.test(raw))
  )
    acts.statusList = true;

  // A long story's reported speech ("老姐妹劝俺说算了…不值当") calls nothing off: only a short message, or
  // the end of a long one, does.
  // "算了" / "不用了" answering a yes-or-no question (a reward, an ID number, publication) is a no, not a cancel.
  const yesNoStep = ctx.step === 'reward' || ctx.step === 'idNumber' || ctx.step === 'consent' || ctx.step === 'anonymous';
  if (
    (CANCEL.test(word) && !(yesNoStep && /^(算了吧?|不用了)$/.test(word))) ||
    (CANCEL_IN.test(raw) &&
      (raw.length <= 80 || CANCEL_IN.test(raw.slice(-40))) &&
      kindWanted(raw) === null &&
      // "奖励还是不要了", "那行 不要了 退钱就行": the reward declined, or a refund wanted, is no cancel; nor is
      // "算了不要了" said to the reward question.
      !(/不要了/.test(CANCEL_IN.exec(raw)?.[0] ?? '') && (/奖|reward|退钱|退款|赔|钱就行|查就行|去查/i.test(raw) || yesNoStep)))
  )
    acts.cancel = true;
  if (/^(重新开始|重来|重新来|从头开始|startover|restart)$/i.test(word)) acts.restart = true;
  if (/^(5|五|帮助|help|菜单|menu|\?|？)$/i.test(word) && !(ctx.step !== 'menu' && /^(5|五)$/.test(word))) acts.help = true;
  if (
    /^(人工|转人工|人工客服|找人工|找人工客服|我要人工|真人|找真人|找个人|工作人员|human|agent|operator|realperson|talktoaperson|talktoahuman)$/i.test(
      word,
    ) ||
    /(转|找|要|叫|换)(个|一个|位)?(人工|真人|工作人员|客服)|(叫|让|请)(你们|恁)(的)?(人工|真人|工作人员|客服|领导)(来|过来|出来|接)|(我要|俺要|给我|给俺)?找(个|一个)?(能)?管事的(?!人家)|(给(我|俺)|让|叫)?(找|换|叫)(个|一个)(人|能管事的?|管事的|领导|负责的|说了算的)(?![家们])(来|跟|和|给|[。！!，,\s]|$)|can (someone|somebody|you|a person) (call|phone|ring) me|call me back|phone me back|(叫|让|找)(你们|恁|您们)?(的)?(个|一个)?(人|工作人员|领导|同志)[^，。]{0,6}(给(俺|我))?(打(个)?电话|回电话|联系(俺|我))|(有没有|能不能|可不可以|能|快)(个)?(人|工作人员|谁)[^，。]{0,3}(给(俺|我))?(打(个)?电话|回(个)?电话)|(想|要)(跟|和|同)(真人|人工|工作人员|活人)(说|讲|聊|谈)|(找|叫|换)(个|一个|位)?(真)?人(跟|和|给)(我|俺)(说|讲|聊)|talk to (a )?(person|human)|speak to (a )?(person|human|someone)/i.test(
      raw,
    )
  )
    acts.human = true;
  // "…要求退饭钱还要赔偿 你们这机器人能处理不 不能就找人工": a person only if the bot cannot take it — a story it can.
  if (
    acts.human &&
    raw.length > 30 &&
    /(不能|不行|处理不了|办不了|弄不了|管不了|解决不了|不会)(的话)?[，,\s]*(就|再)?(找|转|要|叫|换)(个)?(人工|真人)[。！!]?\s*$/.test(raw)
  )
    acts.human = false;
  if (
    // ("在吗在吗", "喂喂": said twice.)
    /^(?:(你好|您好|在|在吗|在不在|在么|hi|hello|hey|哈喽|嗨|喂|有人吗|有人没|有人不|恁好|同志你好|你好在吗|您好在吗|早上好|下午好|晚上好|goodmorning)[啊呀呢吗]?)+$/i.test(
      word,
    )
  )
    acts.greetingOnly = true;
  if (
    /谢|辛苦|拜拜|再见|thank|thx|bye/i.test(word) &&
    /^(好的?|嗯+|行|中|知道了|明白了|收到了?|谢谢|谢了|多谢|感谢|非常感谢|谢谢你们?|谢谢您|辛苦(你们|您)?了?|麻烦(你们|您)?了|再见|拜拜|ok|okay|thanks|thankyou|thanksalot|thx|bye|goodbye|great|[啦了哈啊呀的!😊🙏👋]+)+$/iu.test(
      word,
    )
  )
    acts.thanksOnly = true;

  if (FRUSTRATION.test(raw)) {
    acts.frustration = true;
    rest = rest
      .replace(new RegExp(FRUSTRATION.source, 'gi'), ' ')
      .replace(/^[\s，,。！!？?吗嘛]+/, '')
      // "怎么又问一遍": the count of times asked is no part of an answer.
      .replace(/^(一|好几|几|两|三)?(遍|次|回)(了|啊|呀)?/, '')
      .replace(/[\s，,。！!？?]*(你|你们|恁)?[\s，,。！!？?吗嘛]*$/, '');
  }

  const k = kindWanted(raw);
  if (k && ctx.kind && k !== ctx.kind && !(ctx.kind === 'both' && k !== 'consultation')) {
    // Only a clear wish: "改成举报", "我要匿名举报", "不投诉了…举报", a bare kind word.
    if (/改成|换成|改为|算了|不投诉了|不举报了|我要|我想|俺要|俺想|要|想|就(举报|投诉)|^投诉$|^举报$|I want|instead/i.test(raw))
      acts.kindChange = k;
    // "我也要举报他们，光给我退钱不中", "那我投诉加举报吧": the other kind as well, not instead.
    if (
      (ctx.kind === 'complaint' || ctx.kind === 'report') &&
      k !== 'consultation' &&
      /(也|还)(要|得|想)(举报|投诉)|投诉(加|和|并|又)举报|举报(加|和|并|又)投诉|两样都要|都要|一起(办|弄|登记)|光[^，。]{0,6}不(中|行|够)|as well|both/i.test(
        raw,
      ) &&
      !/不投诉了|不举报了|改成|换成|改为|instead/.test(raw)
    )
      acts.kindChange = 'both';
  }
  // "对了，我自己也买了两斤…这个钱能不能让他退给我？": the reporter's own loss as well — both.
  if (
    ctx.kind === 'report' &&
    /(我|俺)(自己|家)?也买(了|过|哩)/.test(raw) &&
    /退(给我|给俺|钱|款)|赔(我|俺|钱)?|要回来/.test(raw) &&
    !/不(要|用|图)[^，。]{0,3}(退|赔|钱)/.test(raw)
  )
    acts.kindChange = 'both';
  // "退钱是一方面 我还想让你们罚他们…两个都要": in a complaint, punishment wanted as well — both.
  if (
    ctx.kind === 'complaint' &&
    !acts.kindChange &&
    /罚|查处|处罚|查查|查一查|吊销|封了|关了|整顿|取缔|punish|fine them|shut (them|it) down/i.test(raw) &&
    /两个都要|两样都要|都要|(也|还)(想|要|得)(让|叫)?(你们|恁)?[^，。]{0,4}(罚|查|处罚|管)|as well|too\b/i.test(raw) &&
    !/不(用|要|想|必)[^，。]{0,4}(罚|查)/.test(raw)
  )
    acts.kindChange = 'both';
  if (/^(改成)?咨询$/.test(word) && ctx.kind && ctx.kind !== 'consultation') acts.kindChange = 'consultation';

  const edit = /^(修改|改|更改|改一下|change)(.*)$/i.exec(word);
  if (edit && (edit[2] ?? '').length <= 6) {
    acts.edit = slotNamed(edit[2] ?? '') ?? null;
    if (acts.edit === null && (edit[2] ?? '') === '') acts.edit = null;
  }
  // "公开那项改一下", "电话那里要改": the item named first, then that it is to be changed.
  const itemEdit = /^(.{1,6}?)(那项|那一项|这项|这一项|那里|那块|那个)?(要|得|需要)?(改一下|改改|修改一下|修改|要改|改)$/.exec(word);
  if (!acts.edit && itemEdit) acts.edit = slotNamed(itemEdit[1] ?? '') ?? null;
  if (!acts.edit) acts.correction = readCorrection(raw);

  acts.rest = rest.trim();
  return acts;
}

/**
 * "地址错了，是郭店镇不是新郑镇", "不是昨天是前天", "店名说错了，不是福满楼，是福满园饭店", "电话改成139…".
 * Only clear corrections: an error word, a "not A but B" with short parts, or "改成".
 */
export function readCorrection(raw: string): Correction | null {
  const t = raw.trim();
  // A correction is a short remark; a long story that says "不是…是…" somewhere tells facts instead.
  if (t.length > (/\p{Script=Han}/u.test(t) ? 80 : 160)) return null;
  // "店名不对，是鑫盛生鲜超市；日子也不对，是前天": two fields, each named, corrected in one message.
  const parts = t
    .split(/[；;]|[，,。](?=[^，,。；;]{1,6}(?:也)?(?:不对|错了|说错了|写错了|记错了))/)
    .map((x) => x.trim())
    .filter(Boolean);
  if (parts.length >= 2) {
    const each = parts.map((x) => readCorrection(x)).filter((c): c is Correction => c !== null && c.slot !== null);
    if (each.length >= 2) return { ...each[0]!, more: each.slice(1) };
  }
  const hasError =
    /错了|说错|写错|打错|搞错|弄错|记错|不对|更正|纠正|改一下|应该是|也不是|记糊涂|记岔|记混|wrong|mistake|correction|misspel|typo/i.test(
      t,
    );
  // "打错了 是甜蜜时光 不是天蜜 是阁老路不是各老路": several slips mended in a row, each "是X不是Y".
  const pairs = [...t.matchAll(/(?:^|[，,\s])是([^，,。；;！!\s]{1,20}?)\s*[，,]?\s*不是([^，,。；;！!\s]{1,20}?)(?=$|[，,。；;！!\s])/g)];
  if (hasError && pairs.length >= 2) {
    const [first, ...rest] = pairs.map((p) => ({ slot: null, old: p[2]!, value: p[1]! }) as Correction);
    return { ...first!, more: rest };
  }
  const named = /(.{0,8}?)(说|写|打|搞|弄)?(错了|不对)/.exec(t);
  // English says what is wrong anywhere in the sentence ("sorry, I misspelled my name, it's …").
  const slotWord =
    slotNamed(named ? named[1]! : t.slice(0, 12)) ?? (/[a-z]{3}/i.test(t) && !/\p{Script=Han}/u.test(t) ? slotNamed(t) : null);
  // "等下！店说错了": the shop named right before the error word.
  const shopWord = slotWord === null && named !== null && /店(家)?$/.test(named[1]!) ? 'business' : null;
  const slot = slotWord === 'kind' || slotWord === 'files' ? null : (slotWord ?? shopWord);
  let old: string | null = null;
  let value: string | null = null;
  const notBut = /不是([^，,。；;！!\s]{1,20}?)[，,\s]*(?:而)?是([^，,。；;！!\s]{1,40})/.exec(t);
  const butNot =
    /(?:^|[，,\s]|应该|时间|日期|地址|地点|店名|名字|电话|号码|商家|店|姓名|^(?:我|俺|其实|就))是([^，,。；;！!\s]{1,40}?)[，,\s]*(?:而)?不是([^，,。；;！!\s]{1,20})/.exec(
      t,
    );
  const changeTo0 = /(?:改成|改为|换成|应该是|change (?:it )?to|should be|(it'?s))\s*[:：]?\s*([^，,。；;！!]{1,60})/i.exec(t);
  // "Jinding Cold Chain, it's one of the cold stores…": a plain "it's" describes; only after a slip ("sorry,
  // it's …") does it correct.
  const changeTo =
    changeTo0?.[1] && !hasError && !/\b(sorry|oops|i mean|actually|no|not)\b/i.test(t)
      ? null
      : changeTo0
        ? [changeTo0[0], changeTo0[2]]
        : null;
  // "Sorry, it was Thursday evening, not yesterday."
  const wasNot = /\b(?:it|that) was ([^,.;!]{2,40}?),?\s+not ([^,.;!]{2,30})/i.exec(t);
  if (wasNot) {
    old = wasNot[2]!.trim();
    value = wasNot[1]!.trim();
    // "it was Saturday night, not Friday. November 28th.": the date said in full is the one to keep.
    const full =
      /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?\b|\b\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*/i.exec(
        t,
      );
    if (full && /\b(mon|tues|wednes|thurs|fri|satur|sun)day\b|night|morning|evening/i.test(value)) value = full[0];
    return { slot, old, value };
  }
  // "黄桥村是梨河镇的，不是辛店镇": what it is, then what it is not, after any word.
  const isNot = hasError ? /是([^，,。；;！!\s]{1,20}?)的?[，,\s]+不是([^，,。；;！!\s]{1,20})/.exec(t) : null;
  // "哎呀也不是，俺记糊涂了，就是观音寺镇，唐户那个惠民超市": the second thought after 就是.
  const justIs = hasError ? /(?:就是|其实是|应该是)([^，,。；;！!？?]{2,30})/.exec(t) : null;
  // "那个糕点房不在观音寺 是在辛店街上": where it is not, then where it is.
  const notIn = /不在([^，,。；;！!\s]{1,20}?)[，,\s]*(?:而)?(?:是)?在([^，,。；;！!\s]{1,40})/.exec(t);
  if (notIn && hasError) {
    old = notIn[1]!.trim();
    value = notIn[2]!.trim();
  } else if (notBut) {
    old = notBut[1]!.trim();
    value = notBut[2]!.trim();
  } else if (isNot && !butNot) {
    value = isNot[1]!.trim();
    old = isNot[2]!.trim();
  } else if (justIs && !butNot && !changeTo) {
    value = justIs[1]!.trim();
  } else if (butNot) {
    value = butNot[1]!.trim();
    old = butNot[2]!.trim();
  } else if (changeTo) {
    value = changeTo[1]!.trim();
  } else if (hasError && named) {
    const after = t
      .slice((named.index ?? 0) + named[0].length)
      .replace(/^[，,\s:：]*(是|应该是)?/, '')
      .trim();
    if (after.length >= 1) value = after;
    // "上个礼拜天……不对，礼拜天是回门…": what was said before the slip is what it corrects.
    const before = `${t.slice(0, named.index ?? 0)}${named[1]}`.replace(/[，,。.…\s]+$/, '').trim();
    if (slot === null && before.length >= 2 && /周|星期|礼拜|昨|前天|今天|号|月/.test(before)) old = before;
  }
  if (value === null) return null;
  if (!hasError && !notBut && !butNot && !changeTo) return null;
  // "不是A是B" without an error word only when both parts are short (a sentence like "不是新鲜的是臭的" is a fact).
  if (!hasError && !changeTo && ((old?.length ?? 0) > 10 || value.length > 14)) return null;
  value = value.replace(/[。.!！吧啊]+$/, '').trim();
  // "店说错了，不是龙王乡那家，是薛店镇那家，app上写的“烤匠麻辣烤鱼（薛店店）”": the name in quotes is the value.
  const quoted = slot === 'business' ? /[“"「『]([^”"」』]{2,30})[”"」』]/.exec(t) : null;
  if (quoted) value = quoted[1]!.trim();
  return value ? { slot, old, value } : null;
}
