// Every sentence the bot says, in Chinese and (when the citizen writes English) in English: short,
// one question at a time, readable on a phone. Pure.
import type { Draft, Kind, Slot } from './slots.ts';

export type Lang = 'zh' | 'en';

export const KIND_LABEL: Record<Lang, Record<Kind, string>> = {
  zh: { complaint: '投诉', report: '举报', both: '投诉并举报', consultation: '咨询' },
  en: { complaint: 'complaint', report: 'report', both: 'complaint and report', consultation: 'question' },
};

export const MENU: Record<Lang, string> = {
  zh:
    '您好！这里是新郑市食品安全投诉举报平台「食安通」。\n' +
    '直接把事情说给我听就行，比如“昨天在某某饭店吃出了虫子，要退钱”。也可以回复：\n' +
    '1 投诉（买到、吃到有问题的食品，想让商家退赔）\n' +
    '2 举报（发现违法行为，可以匿名）\n' +
    '3 咨询（问问政策、该怎么办）\n' +
    '4 查询进度\n' +
    '5 帮助',
  en:
    'Hello, this is Shiantong, the Xinzheng food-safety hotline. Just tell me what happened, or reply:\n' +
    '1 complaint (you bought or ate bad food and want a refund or compensation)\n' +
    '2 report (a violation; you may stay anonymous)\n' +
    '3 question\n' +
    '4 check progress\n' +
    '5 help',
};

export const HELP: Record<Lang, string> = {
  zh:
    '我可以帮您：\n' +
    '· 投诉：您买到或吃到有问题的食品，想让商家退款、赔偿；需要实名。\n' +
    '· 举报：您发现商家违法（比如无证经营、用地沟油），可以匿名；重大违法查实后可申请奖励。\n' +
    '· 咨询：问问食品安全方面的政策和办法，能答的我当场回答。\n' +
    '· 查询：发“查询 编号 查询码”看进度；在这里提交过的，发“查询”就能列出来。\n' +
    '随时可以说：说错了就直接说“地址错了，是…”；取消（不办了）、重新开始、人工（找工作人员）。\n' +
    '照片、小票、视频可以直接发给我，会作为证据一起提交。',
  en:
    'I can take a complaint (refund/compensation, real name needed), a report (anonymous allowed), answer questions, ' +
    'and show progress ("status <case number> <query code>"). Say "cancel" to stop, "human" for staff. Photos can be sent here.',
};

const Q: Record<Lang, Record<Slot | 'kind', (d: Draft) => string>> = {
  zh: {
    kind: () => '您是想让商家退赔（投诉），还是想让我们查处他（举报，可以匿名），还是两样都要？只是问问也可以直接问。',
    description: (d) =>
      d.kind === 'consultation'
        ? '请直接说出您想咨询的问题。'
        : d.detailsWanted && d.description && d.incidentDate !== undefined
          ? '最后再说说具体情况吧：您看到了什么、怎么发现的？这能帮办案人员去查。没有要补充的就回复“没有”。'
          : d.detailsWanted && d.description && d.kind === 'report'
            ? '能再具体说说吗？您看到了什么、怎么发现的？说得越具体，办案人员越好查。没有要补充的就回复“没有”。'
            : d.kind === 'report'
              ? '请说说您发现的问题：哪家店或作坊，做了什么违法的事？有照片、视频可以直接发过来。'
              : '说说发生了什么事吧：在哪儿买的（吃的）什么，出了什么问题？有照片、小票可以直接发过来。',
    business: (d) =>
      d.kind === 'report'
        ? '这家店（作坊、单位）叫什么名字？记不全就说招牌上的字；实在不知道回复“不知道”。'
        : '这家商家叫什么名字？记不全的话，说招牌上的字或大概叫法也行。',
    where: () => '这家店在哪儿？说个地址就行，比如“新建路128号”“龙湖镇某某村东头”；网上买的说平台和店铺名。',
    when: () => '大概是什么时候的事？比如“昨天中午”“上周五”“11月20号”。记不清可以回复“不记得”。',
    request: () => '您希望商家怎么处理？比如退款、赔偿、道歉。',
    anonymous: () => '您想匿名举报吗？匿名的话，我们不会把您的身份告诉任何人，这次也不记您的名字和电话。回复“匿名”或“实名”。',
    name: (d) => (d.kind === 'complaint' || d.kind === 'both' ? '投诉需要实名。请问您的真实姓名是？' : '请问您的姓名是？'),
    phone: () => '留个能联系到您的电话吧（11位手机号，或带区号的座机）。',
    address: () => '再说一下您的联系地址（方便寄送文书），写到小区或村就行。',
    reward: () => '如果查实是重大违法行为，可以申请举报奖励。需要申请吗？回复“要”或“不要”。',
    idNumber: () => '实名申请奖励需要核实身份，请发一下您的18位身份证号码（加密保存）。',
    consent: () => '办完以后，这件投诉的结果能否在隐去您的个人信息后对外公开？回复“同意”或“不同意”。',
  },
  en: {
    kind: () =>
      'Do you want to make a complaint (refund or compensation from the business) or a report (a violation; you may stay anonymous)? You can also just ask a question.',
    description: (d) =>
      d.kind === 'report'
        ? d.detailsWanted && d.description
          ? 'Can you say more: what exactly did you see, and how did you find out? Reply "no" if there is nothing to add.'
          : 'What did you see? Which shop or workshop, and what is it doing wrong? Photos can be sent here.'
        : d.detailsWanted && d.description
          ? 'Anything to add about what happened: what exactly was wrong, and how did you find out? Reply "no" if there is nothing to add.'
          : 'What happened? Where did you buy or eat what, and what was wrong? Photos can be sent here.',
    business: (d) =>
      d.kind === 'report' ? 'What is the business called? Say "don\'t know" if you do not know.' : 'What is the business called?',
    where: () => 'Where is it? An address or a landmark is enough.',
    when: () => 'When did it happen? e.g. "yesterday", "last Friday", "20 November". Say "don\'t remember" if unsure.',
    request: () => 'What do you want the business to do? e.g. refund, compensation, apology.',
    anonymous: () => 'Do you want to stay anonymous? Then we keep no name or phone and tell no one. Reply "anonymous" or "real name".',
    name: () => 'A complaint needs your real name. What is your full name?',
    phone: () => 'Which phone number can we reach you on?',
    address: () => 'Your contact address (for letters), to the building or village?',
    reward: () => 'If a serious violation is proven you can claim a reward. Do you want to apply? Reply "yes" or "no".',
    idNumber: () => 'A real-name reward claim needs your 18-digit ID card number (stored encrypted).',
    consent: () => 'May the outcome of this complaint be published after the case, without your personal details? Reply "yes" or "no".',
  },
};

/** Each question in a few plain words, for a citizen who finds the full one too long. */
const SHORT: Record<Lang, Record<Slot | 'kind', string>> = {
  zh: {
    kind: '您是要他退钱赔钱，还是要我们去查他？',
    description: '出了啥事？',
    business: '是哪家店？不知道名字就说“不知道”。',
    where: '店在哪儿？说哪个镇、哪个村或哪条街就行。',
    when: '哪天的事？记不清就说“不记得”。',
    request: '想让店家咋办？退钱，还是赔钱？',
    anonymous: '要不要留您的名字？回“匿名”或“实名”。',
    name: '您叫啥名字？',
    phone: '您的电话号码是多少？',
    address: '您住在哪儿？写到村或小区就行。',
    reward: '查实了要不要申请奖励？回“要”或“不要”。',
    idNumber: '您的身份证号是多少？',
    consent: '办完以后，结果能不能公开？不会写您的名字和电话。回“同意”或“不同意”。',
  },
  en: {
    kind: 'Refund from the business, or an investigation by us?',
    description: 'What happened?',
    business: 'Which business? Say "don\'t know" if unsure.',
    where: 'Where is it?',
    when: 'Which day? Say "don\'t remember" if unsure.',
    request: 'What do you want: a refund or compensation?',
    anonymous: 'Stay anonymous? Reply "anonymous" or "real name".',
    name: 'Your name?',
    phone: 'Your phone number?',
    address: 'Your address?',
    reward: 'Apply for a reward if proven? Yes or no.',
    idNumber: 'Your ID card number?',
    consent: 'May the outcome be published without your name? Yes or no.',
  },
};

export function shortQuestion(slot: Slot | 'kind', lang: Lang): string {
  return SHORT[lang][slot];
}

export function question(slot: Slot | 'kind', d: Draft, lang: Lang): string {
  return Q[lang][slot](d);
}

export const W = {
  zh: {
    ok: '好的。',
    noted: '好的，记下了。',
    notUnderstood: '不好意思，我没太明白。',
    illFirst: '先照顾好身体：不舒服请马上去医院，情况紧急请打120；请保留好病历、发票、小票和剩下的食物。',
    urgentHandoff: '这件事很紧急，我已经通知工作人员优先处理。',
    complaintStart: '好的，我来帮您登记投诉。',
    reportStart: '好的，我来帮您登记举报，可以匿名。',
    bothStart: '好的，您既要商家退赔，也要查处违法，我按“投诉并举报”一起登记。',
    consultStart: '好的，我把您的问题记下来，转给工作人员书面答复。',
    switched: (k: string) => `好的，改成${k}，您说过的内容都保留。`,
    corrected: '好的，已改过来了。',
    sorry: '抱歉，让您重复了。',
    recap: (s: string) => `我这里已经记下：${s}。`,
    offerHuman: '如果想直接找工作人员，回复“人工”。',
    repeat: '这条刚才已经收到了，不用重复发哦。',
    greetingInDraft: '在的。',
    welcome: '不客气！有新情况随时发消息给我；查进度发“查询 编号 查询码”。',
    cancelled: '已取消，刚才填的内容已删除。需要时随时找我。',
    cancelledEmpty: '好的。需要时随时找我。',
    restart: '好的，我们从头开始。',
    tooLong: (n: number) => `您发的内容有点长（超过${n}字），我一次看不了这么多。麻烦挑重点说，或者分几条发。`,
    contentless: '没看懂您的意思，麻烦用文字告诉我。',
    needCode: (n: string) => `要查 ${n} 的进度，请把编号和查询码一起发给我，比如：查询 ${n} ABCD-EFGH-…`,
    anythingElse: '还有别的想问的吗？要投诉或举报，直接把事情说给我就行。',
    wantWritten: '需要书面答复的话，回复“书面答复”，我帮您登记。',
    summaryHead: (k: string) => `请核对一下您的${k}：`,
    confirmLine: '没问题请回复“确认”；哪里不对直接说，比如“电话错了，是139…”；不想提交了回复“取消”。',
    confirmAgain: '请回复“确认”提交；哪里不对直接告诉我改成什么；不想提交了回复“取消”。',
    submitting: '正在提交，请稍等…',
    resume: (q: string) => `我们接着刚才的：${q}`,
    splitAsk: (n: number) => `您这条消息里说了${n}件事，我都记下了，会一起登记。`,
    duplicate: (n: string) => `这件事刚才已经登记过了（${n}），不会重复提交。要补充情况，回复“人工”留言。`,
    anonKept: '匿名举报：我们不记录您的姓名和电话；为了把办理进展通知您，只保存加密后的微信联系标识，工作人员看不到。',
    claimAsk: (n: string) =>
      `您申请了举报奖励。匿名领奖凭案件编号、查询码和领奖密码：请现在回复一个您自己定的领奖密码（6到32位字母、数字或英文符号，别用生日和手机号）。不想现在设的话，以后发送“领奖密码 ${n} 密码”也行。`,
    claimSet: (n: string) => `已为 ${n} 设置领奖密码。请记住它：领奖时需要编号、查询码和这个密码。为安全起见，可以删除刚才发送的消息。`,
    claimLater: (n: string) => `好的。以后要设置领奖密码，发送“领奖密码 ${n} 密码”就行。`,
    claimFailed: '领奖密码暂时没设置成功，请稍后发送“领奖密码 编号 密码”再试。',
    claimNotFound: (n: string) => `没找到 ${n}：只能为在这里提交、并申请了奖励的举报设置领奖密码。`,
    badPhone: '这个号码好像不对，请发11位手机号，或带区号的座机号。',
    badName: '没认出您的姓名，请只发名字，比如“王建国”。',
    nameIsBusiness: '这好像是店名。请说一下您本人的姓名。',
    badDate: '这个时间我没看懂，或者还没到呢。',
    badId: '身份证号码好像不对（可能有一位打错了），请核对18位号码再发一次。一时找不到的话回复“先不填”，奖励照样申请，领奖时带身份证核对。',
    needBusiness:
      '投诉要写明被投诉的商家（我们要和它调解）。说不上名字的话，说说招牌上的字、卖什么的、在哪个位置也行，比如“集上东头卖肉的摊子”。',
    needWhere:
      '投诉要写明商家的地址（我们按地址找到它）。说个大概位置也行，比如哪个镇、哪条街、哪个村或市场附近；网上买的说平台和店铺名。实在不知道再回复“不知道”。',
    needMore: '再说具体一点？',
    descShort: '再多说几句吧：什么东西，出了什么问题？',
    yesNo: '请回复“是”或“不是”。',
    files: (n: number, k: string | null) =>
      k ? `收到第${n}个文件了，会和您的${k}一起提交。` : `收到第${n}个文件了。请说说是什么事：要投诉还是举报？`,
  },
  en: {
    ok: 'OK.',
    noted: 'Noted.',
    notUnderstood: 'Sorry, I did not quite understand.',
    illFirst: 'Please look after yourself first: see a doctor, and call 120 in an emergency. Keep medical records, receipts and leftovers.',
    urgentHandoff: 'This is urgent: I have alerted staff to handle it first.',
    complaintStart: 'OK, I will register your complaint.',
    reportStart: 'OK, I will register your report; you may stay anonymous.',
    bothStart: 'OK, you want a remedy and an investigation: I will register a complaint and a report together.',
    consultStart: 'OK, I will pass your question to staff for a written answer.',
    switched: (k: string) => `OK, changed to a ${k}; everything you said is kept.`,
    corrected: 'OK, corrected.',
    sorry: 'Sorry to make you repeat yourself.',
    recap: (s: string) => `So far I have: ${s}.`,
    offerHuman: 'Reply "human" to leave a message for staff.',
    repeat: 'Got this one already, no need to send it again.',
    greetingInDraft: 'I am here.',
    welcome: 'You are welcome! Message me any time; to check progress send "status <case number> <query code>".',
    cancelled: 'Cancelled; what you entered has been deleted.',
    cancelledEmpty: 'OK. Message me any time.',
    restart: 'OK, let us start again.',
    tooLong: (n: number) => `That message is too long (over ${n} characters). Please send the main points, or several messages.`,
    contentless: 'Please tell me in words.',
    needCode: (n: string) => `To check ${n}, please send the case number with its query code: status ${n} ABCD-EFGH-…`,
    anythingElse: 'Anything else? To complain or report, just tell me what happened.',
    wantWritten: 'If you want a written answer, reply "written answer".',
    summaryHead: (k: string) => `Please check your ${k}:`,
    confirmLine: 'Reply "yes" to submit, tell me what is wrong to change it, or "cancel".',
    confirmAgain: 'Reply "yes" to submit, tell me what to change, or "cancel".',
    submitting: 'Submitting…',
    resume: (q: string) => `Back to where we were: ${q}`,
    splitAsk: (n: number) => `Your message covers ${n} matters; I have noted them all.`,
    duplicate: (n: string) => `This was already registered (${n}); it will not be filed twice.`,
    anonKept: 'Anonymous: we keep no name or phone; only an encrypted WeChat contact id so we can send you progress notices.',
    claimAsk: (n: string) =>
      `You asked for a reward. An anonymous reporter claims with the case number, the query code and a claim password: reply now with a password of your own (6 to 32 letters, digits or symbols; not a birthday or phone number). You can also set it later by sending "领奖密码 ${n} <password>".`,
    claimSet: (n: string) =>
      `The claim password for ${n} is set. Remember it: a claim needs the case number, the query code and this password. You may delete the message you just sent.`,
    claimLater: (n: string) => `OK. To set the claim password later, send "领奖密码 ${n} <password>".`,
    claimFailed: 'The claim password could not be set just now; please send "领奖密码 <case number> <password>" later.',
    claimNotFound: (n: string) => `${n} was not found: a claim password can be set only for a report filed here that asked for a reward.`,
    badPhone: 'That number does not look right; please send an 11-digit mobile or a landline with area code.',
    badName: 'I could not read a name there; please send just your name, e.g. "Wang Jianguo".',
    nameIsBusiness: 'That looks like the business name. Please tell me your own name.',
    badDate: 'I could not read that date (or it is in the future).',
    badId:
      'That ID number does not look right (maybe one digit is off); please check the 18 digits and send it again. Reply "skip" to go on without it: the reward is still applied for, and your ID card is checked when you claim.',
    needBusiness:
      'A complaint must name the business (we mediate with it). If you do not know the name, describe it: the sign, what it sells, where exactly.',
    needWhere:
      'A complaint needs the business address (that is how we find it). A rough place is fine: the town, street, village or market; for online shops, the platform and shop name. If you really do not know, say "don\'t know" again.',
    needMore: 'Could you say a little more?',
    descShort: 'Please say a bit more: what food, and what was wrong?',
    yesNo: 'Please reply "yes" or "no".',
    files: (n: number, k: string | null) =>
      k ? `File ${n} received; it will be submitted with your ${k}.` : `File ${n} received. What happened?`,
  },
} as const;
