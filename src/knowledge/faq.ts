// What citizens often ask the hotline (shared/domain.md "What citizens often ask", the complaint and
// report rules, the reward rules), kept as data: one entry per topic, with the words that raise it and
// a short answer in Chinese and English that fits on a phone screen. The bot and the portal answer
// from here; nothing is invented per conversation. Pure.

export type Topic =
  | 'reward'
  | 'anonymous'
  | 'deadline'
  | 'platform'
  | 'compensation'
  | 'evidence'
  | 'next'
  | 'jurisdiction'
  | 'license'
  | 'medical'
  | 'bot'
  | 'fumes'
  | 'wages'
  | 'property'
  | 'farm'
  | 'stall'
  | 'crime'
  | 'hotline'
  | 'personal'
  | 'send'
  | 'label'
  | 'insurance'
  | 'testing'
  | 'kinds'
  | 'price'
  | 'lostcode'
  | 'agent'
  | 'fee'
  | 'nearexpiry'
  | 'healthfood'
  | 'withdraw'
  | 'prepaid'
  | 'banquet'
  | 'stopeating'
  | 'sanwu'
  | 'sccode'
  | 'insider'
  | 'tax'
  | 'testify';

export interface Entry {
  topic: Topic;
  /** Raises the topic when found in a question (a clause with a question mark, 吗, 怎么 …). */
  ask: RegExp;
  /** Raises the topic even in a statement (other authorities: the citizen needs to know where to go). */
  state?: RegExp;
  zh: string;
  en: string;
}

export const FAQ: readonly Entry[] = [
  {
    topic: 'medical',
    ask: /(去|上)医院|看医生|要不要(紧|去)|hospital|doctor/i,
    zh: '身体不舒服请马上去医院（或诊所）看，情况严重请立刻打120；看病时跟医生说清吃了什么。病历、诊断证明、发票和剩下的食物、包装都留好，这是以后索赔和查处的证据。',
    en: 'If anyone feels unwell, see a doctor (hospital or clinic) now and say what was eaten; in an emergency call 120. Keep medical records, the diagnosis, receipts, leftovers and packaging as evidence.',
  },
  {
    topic: 'insider',
    // "俺也跟着干过那些事，会不会把俺也抓了？": a worker who took part and wants to report.
    ask: /(会不会|会|能不能|是不是)(也)?(把|连)?(我|俺)(也)?(一起|一块|一块儿)?(被)?(抓|罚|处罚|处理|判|追究|坐牢|拘留)|(我|俺)(也)?(参与|跟着(干|做|弄)|干过|做过|弄过)[^？?]{0,12}(抓|罚|追究|责任|处理)|(will|would|could) i (also |too )?(be|get) (punished|arrested|fined|charged|in trouble)|took part[^?]{0,30}(punish|arrest|trouble)/i,
    zh: '国家鼓励单位内部人员举报（第121号令第28条）。自己也参与过的：主动说出监管部门还没掌握的违法行为、配合查处的，依法应当从轻或者减轻处罚；受老板指使、被胁迫的也一样（行政处罚法第32条）；初次违法、危害轻微并及时改正的，可以不罚（第33条）。涉嫌犯罪的，主动投案、如实供述是自首，可以从轻或者减轻处罚（刑法第67条）。举报人信息严格保密。',
    en: 'Insiders are encouraged to report (Order 121 Art. 28). If you took part yourself: telling us about violations we do not know yet and helping the investigation must lead to a lighter penalty, as must having been ordered or forced by the boss (Administrative Penalty Law Art. 32); a first, minor violation corrected at once may go unpunished (Art. 33). Where it is a crime, giving yourself up and telling the truth counts as surrender, which can reduce the punishment (Criminal Law Art. 67). Reporters are kept confidential.',
  },
  {
    topic: 'reward',
    ask: /奖励|奖金|奖多少|给多少钱|能给钱|保证给|多给(点|些|一点)|少于[^，。？?]{0,4}[万千]|(?<![没不欠])给钱|能给多少|(钱|奖)(咋|怎么|怎样|去哪)领|领钱|领奖|(钱|奖)[^，。？?]{0,3}(怎么|咋|如何|怎样)(发|给|拿|到手)|(去|到)(现场|哪儿?|哪里)领|reward/i,
    // "领奖", "Claim a reward": said, not asked.
    state:
      /^\s*(我要|我想|想|要)?(领奖|申领奖励|领取奖励|领奖励|领奖金)[。！!]?\s*$|^\s*(i want to |i'?d like to )?claim (a |my |the )?reward/i,
    zh: '举报奖励：查实属于重大违法行为（涉嫌犯罪，或被责令停产停业、吊销许可证、较大数额罚款），并依法作出处罚或移送司法机关后，可以申请。分三级：一级罚没款的5%（至少5000元），二级3%（至少3000元），三级1%（至少1000元），每案最高100万元。金额按这个比例和罚没款核定，事先没法保证具体数。匿名举报也能领：结案后工作人员会通知，凭案件编号、查询码和您约定的领奖密码在食安通网站的“举报奖励”页申领。',
    en: 'Rewards: if the tip proves a serious violation (a crime, closure, licence revoked or a large fine) and it is penalised or sent to prosecution, you can claim a reward: 5%, 3% or 1% of the fines (at least 5,000 / 3,000 / 1,000 yuan), up to 1,000,000 yuan; the amount follows these rates and cannot be promised in advance. Anonymous reporters can claim too: once the case is closed you are told, and you claim on the reward page of the Shiantong website with the case number, the query code and the claim password you agreed with us.',
  },
  {
    topic: 'tax',
    // "举报拿到的奖金要不要交个人所得税？会不会从里面直接扣掉？"
    ask: /(奖金|奖励|奖钱|这钱)[^？?]{0,12}(税|扣)|个税|所得税|\btax(ed|es)?\b/i,
    zh: '举报奖金免征个人所得税：个人举报、协查各种违法犯罪行为获得的奖金，暂免征收个人所得税（财税字〔1994〕20号），按核定的金额全额发放，不会从中扣税。',
    en: 'Rewards for reporting are exempt from individual income tax (individuals’ rewards for reporting or helping to investigate offences are exempt, Caishui [1994] No. 20): the amount decided is paid in full, with no tax deducted.',
  },
  {
    topic: 'testify',
    // "俺要是举报了，回头还得上法院给恁作证不？"
    ask: /作证|出庭|上法院|当证人|(我|俺|举报人)[^，。？?]{0,4}出面|对质|testify|witness|go to court/i,
    zh: '举报后由执法人员自己去现场核查取证，一般不需要举报人出面，也不用跟被举报的人对质；举报人的信息严格保密，不会透露给被举报的一方。涉嫌犯罪移送公安的，如果需要您配合说明情况，会事先征得您的同意。',
    en: 'After a report the officers check and gather evidence themselves; the reporter normally does not appear or face the business, and the reporter’s identity is kept confidential. If a suspected crime goes to the police and your account is needed, you will be asked first.',
  },
  {
    topic: 'anonymous',
    ask: /匿名(?![^，,。？?]{0,4}(领|拿|得|申请))|不留名|保密|(会不会|会|能不能|可不可以|能不)(跟[^，。？?]{0,6})?(说|讲|提|告诉)(出)?(是)?(有人|我|俺)(来)?(举报|反映|告|说)的?|(要|需要|用|得)(不要|不用)?(带|拿|提供|出示)?(身份证|实名)(不要|不用|吗|么|不)?(?=[？?]|$)|(身份证|实名)(号)?(要|需要|用|得)(吗|不|么)|(要不要|用不用|需不需要|得不得)(带|拿|提供)?(身份证|实名)|会不会(被)?(知道|泄露)|(会不会|会|怕)(查|找|算|怪|赖)到(我|俺)(的)?(头上|身上)|(会不会|会|怕)被(老板|他|他们|厂里|店里|园里|单位|公司|人家)?(发现|查出来?|认出来?)(是(我|俺))?|暴露(我|俺)|(我|俺)(会)?(被)?暴露|会不会影响(我|俺)?(的)?(孩子|娃|工作|生意|家里|家人)|(会|不会|别|不要|甭)(跟|给|对|告诉)(他|他们|老板|店里|厂里|人家)[^，。？?]{0,4}(说)?是(我|俺|谁)|(会|不会)(让|叫)(他|他们|老板|人家)[^，。？?]{0,4}知道|(会|能)知道是(谁|我|俺)|知道是谁(说|举报|反映)的|(会不会|会|能不能|不会)(把|将)?(我|俺)(的|哩)?(名字|姓名|身份|信息|电话|手机号?|住址)(告诉|透露|泄露|说出去|给|暴露|传出去)|报复|anonymous|confidential|(will|would|won'?t|wouldn'?t) ((the|my|our) (owner|boss|manager|employer|company|factory)|they|he|she|anyone) (not )?(know|find out)|know (it is|it'?s|it was) me/i,
    zh: '举报可以匿名，不用身份证（只有实名举报又申请奖励的，才要身份证号码核对身份）；实名举报的，举报人信息也严格保密，我们不会向被举报的商家透露举报人的任何信息。投诉（要商家退赔）需要实名，因为要调解。',
    en: 'Reports (tips) can be anonymous and need no ID card (only a named reporter who applies for a reward gives an ID number); a named reporter is kept confidential too, and the business never learns who reported. A complaint (refund or compensation from the business) needs your real name, because we mediate.',
  },
  {
    topic: 'send',
    ask: /(要|用|能|可以|需要|用不用|要不要)(我)?(发|传)(给你们|给恁|过去|过来)?(吗|不|嘛)?$|(视频|照片|截图|图片|录音)[^，。？?]{0,8}(要不要|要吗|用不用|用吗|需要吗)|要不要发|(照片|截图|视频|图片|小票)[^，。？?]{0,6}(要|用|能|可以)(发|传)|发(给你们|给恁|过去|过来)?(吗|不)[？?]?$|can i send|should i send|do you (need|want) (the|a|my) (photo|picture|screenshot|video)/i,
    zh: '可以，照片、截图、视频直接在这里发给我就行，会和案子一起提交。',
    en: 'Yes, send photos, screenshots or videos right here; they are filed with the case.',
  },
  {
    topic: 'label',
    ask: /中文标签|(没有?|没贴|缺)(中文)?标签|标签(不全|不对|有错|错了|印错)|外文标签|生产许可证编号|配料表|label/i,
    // "从一个没标签的白桶里往锅里倒油": an unlabelled bucket is no question about labels.
    state:
      /中文标签|标签[^，。]{0,8}(瑕疵|错别字|印错)|错别字|没标生产许可证|(没有|没|无)(中文)?标签(?!的?[^，。]{0,2}(桶|罐|盆|缸|壶|箱子))/,
    zh: '标签：国内的预包装食品必须有标签，写明名称、配料表、生产日期、保质期、生产者和生产许可证编号等（《食品安全法》第67条）；进口预包装食品必须有中文标签，没有的不得销售（第97条）。只是不影响食品安全、也不会误导消费者的标签小瑕疵（比如个别错别字），不适用十倍赔偿（第148条但书），但可以要求改正。',
    en: 'Labels: pre-packaged food must carry a label with its name, ingredients, production date, shelf life, producer and licence number (Food Safety Law Art. 67); imported pre-packaged food must have a Chinese label or it may not be sold (Art. 97). A minor label flaw that neither affects safety nor misleads (a typo) does not earn ten-times compensation (Art. 148), but it must be corrected.',
  },
  {
    topic: 'personal',
    ask: /(要|问|留)(俺|我)?(的)?(名字|姓名|电话|手机号?|号码|地址|住址|身份证)[^，。？?]{0,4}(弄啥|干啥|做啥|做什么|干什么|干嘛|有啥用|有什么用|啥用)|为(啥|什么|何)(要|得|还要)?(问|留|写|登记)?(俺|我)?(的)?(名字|姓名|电话|手机|地址|住址|身份证)|为(啥|什么|何)(要|得|非得|还要|必须)?实名|(会不会|会|能不能)(打给|告诉|透露给|给)(饭店|商家|店里|老板|厂里|他们|他)|(会不会|会)(叫|让)(人家|他|他们|老板|店里|厂里)知道|why (do you|would you)? ?need my (name|phone|number|address)/i,
    zh: '问姓名、电话和地址，是为了市场监管所办理时能联系到您、寄送书面答复（投诉要调解，依法要实名；举报可以匿名）。这些信息加密保存，不会告诉被投诉、被举报的一方，也不会对外公开。',
    en: 'Your name, phone and address let the market regulation office reach you and send the written reply (a complaint is mediated and needs a real name by law; a report may be anonymous). They are stored encrypted, never given to the business and never published.',
  },
  {
    topic: 'deadline',
    // ("你问俺啥时候？": the bot's own question echoed back, not one about the time limits.)
    ask: /多久|多长时间|几天|什么时候(能)?(有)?(结果|处理|回复)|(?<!(你|恁|您)问(俺|我)|问的是)啥时候|查没查|查了没|(咋|怎么|为啥|为什么)(还)?没(消息|动静|回音|结果|人(联系|连系|理))|how long|when will/i,
    // "都一个多星期了 也没人连系我": waiting, and nobody in touch — the time limits are the answer.
    state: /(没人|没有人|也没人)(联系|连系|打电话|回复|理)(我|俺)|(一直|还|到现在)(都)?没(有)?(消息|动静|回音|结果|人联系)/,
    zh: '投诉：收到后7个工作日内决定是否受理并告诉您，受理后调解一般在60天内结束。举报：15个工作日内核查并决定是否立案。进展会在这里通知您。',
    en: 'Complaints: within 7 working days we decide whether to accept and tell you; mediation then ends within 60 days. Reports: checked within 15 working days. You will get progress notices here.',
  },
  {
    topic: 'platform',
    ask: /平台|美团|饿了么|饿了吗|抖音|淘宝|拼多多|外卖.{0,6}(找|归)|takeaway|delivery|platform|meituan|ele\.me|eleme|douyin|taobao|pinduoduo|\bjd\b|go straight to you|(complain|go) to (the )?(app|platform) first/i,
    zh: '外卖和网购：平台和我们不是一回事。可以先找平台客服，但不是必须；商家由它所在地的市场监管部门处理，平台由它注册地的监管部门处理。在这里投诉也可以，我们按商家地址处理。',
    en: 'Takeaway and online shops: the platform is not us. You may ask the platform first but need not; the restaurant is handled where it is located. You can complain here and we handle it by the business address.',
  },
  {
    topic: 'compensation',
    ask: /十倍|10倍|三倍|退一赔(三|十)|假一赔十|赔(偿)?多少|能赔|赔一千|一千块|怎么(个)?赔|要回(来)?(点)?钱|退钱|赔钱|compensat|ten times|how much.*(get|pay)/i,
    zh: '赔偿：买到不符合食品安全标准的食品，除了赔损失，还可以要求价款十倍或者损失三倍的赔偿，增加的赔偿最少1000元（食品安全法第148条，常说的“退一赔十”）；“退一赔三”是商家欺诈时按消费者权益保护法第55条赔价款三倍、最少500元，食品问题一般按十倍要。赔偿可以找卖给您的商家要，也可以找生产厂家要，先被找的一方要先赔，不能推（第148条第1款）。小票、包装、剩下的食物和病历都要留好。我们可以帮您和商家调解。',
    en: 'Compensation: for food that breaks safety standards you can claim your loss plus ten times the price (or three times the loss), at least 1,000 yuan (Food Safety Law Art. 148). You may claim from the seller or from the producer, and whichever you ask must pay first. Keep the receipt, packaging, leftovers and any medical records. We can mediate with the business.',
  },
  {
    topic: 'evidence',
    // "发票他们没给，就给了个收据，中不中": whether a receipt will do.
    ask: /证据|留(哪些|什么|啥)|要(准备|带)什么|需要(什么|哪些)材料|要不要留|(用|需)不(用|需)(要)?留|留着(吗|有用)|evidence|proof|(do|should|must) i (need|keep|bring|send)[^?.]{0,20}(receipt|record|invoice|packag|leftover|photo)/i,
    state:
      /(发票|小票|收据|票据|付款记录|聊天记录)[^。？?]{0,14}(中不中|行不行|可以吗|管用吗|算不算|能用吗|行吗|中吗|有用吗|算数吗|作数吗)/,
    zh: '证据请保留好：购物小票或付款记录、食品包装（有生产日期和批号）、剩下的食物（冷藏保存）、照片视频、看病的病历和发票。没有发票的话，收据、付款记录、聊天记录也都能证明。照片可以直接发给我。',
    en: 'Evidence to keep: the receipt or payment record, the packaging (with date and batch), leftovers (kept cold), photos or videos, and medical records. You can send photos here.',
  },
  {
    topic: 'next',
    ask: /然后呢|接下来|下一步|怎么处理|会怎么办|what happens|next step/i,
    zh: '提交后会转给商家所在地的市场监管所：投诉7个工作日内决定是否受理，举报15个工作日内核查。每一步进展都会在这里通知您，也可以凭编号和查询码随时查询。',
    en: 'After you submit, the local market-regulation office takes it: complaints are accepted or refused within 7 working days, reports checked within 15. Every step is notified here.',
  },
  {
    topic: 'bot',
    ask: /真人|机器人|人工|你是谁|记下了没|记住了没|are you (a )?(real|human|bot)|real person/i,
    zh: '我是食安通的自动助手，您说的我都记下了，提交后由工作人员办理。想直接找工作人员，回复“人工”。',
    en: 'I am the hotline’s automatic assistant; everything you said is noted and staff handle it after you submit. Reply "human" to leave a message for staff.',
  },
  {
    topic: 'license',
    ask: /办(啥|什么|哪些|哪个)证|(什么|哪些|啥)证|要办证|许可证|健康证|license|permit/i,
    zh: '摆摊卖食品：在新郑一般要到所在乡镇（街道）办食品摊贩登记卡，做的人要有健康证；开店要办食品经营许可证。具体可以到市场监管所或政务服务中心问。',
    en: 'Selling food at a stall needs a food-vendor registration card from the township and health certificates for the staff; a shop needs a food business licence. The local market-regulation office can help.',
  },
  {
    topic: 'hotline',
    ask: /打(哪个|什么|啥|几号)电话|(电话|热线)(是|号码是)?多少|哪个电话|什么电话|12315|12331|hotline|phone number (to|for)|which number/i,
    zh: '食品安全投诉举报在这里直接说就行，和打全国12315热线一样（原12331食品药品热线已并入12315），都由新郑市市场监管部门办理；12315占线的话，直接在这里说就能受理。其他事：油烟噪音12369，工资12333，城管12319。',
    en: 'You can tell me here, or call the national 12315 hotline (the old 12331 food hotline is part of it). Other matters: fumes and noise 12369, wages 12333, street management 12319.',
  },
  {
    topic: 'crime',
    ask: /判刑|坐牢|犯罪|蹲监|拘留|移送公安|抓起来|go to (jail|prison)|criminal/i,
    zh: '查实涉嫌犯罪的（比如卖病死猪肉、用地沟油、往食品里加有毒有害的东西），我们依法移送公安机关；判不判刑由公安、检察院和法院依法决定。',
    en: 'If the facts point to a crime (sick-animal meat, gutter oil, toxic additives), we transfer the case to the police; whether anyone is convicted is for the police, prosecutors and courts.',
  },
  {
    topic: 'jurisdiction',
    ask: /(你们|恁)(这|这里|这儿|这边)?(能|管|能管)(?!保密|匿名|替|帮|给|保证)|^(喂|你好|您好)?[，,\s]*(这|这里|这儿|你们|恁)?(是)?管(卖|吃|食品)[^，。？?]{0,6}(的)?(不|吗|么|没)[？?]?$|(这|这里|这儿|恁这|你们这)(里|儿)?(是)?管(吃|食品|食物|吃的|吃嘞|吃哩)|能管[^，。？?]{0,4}不能|管得了|管不管|归不归|(这|这事|这个)?能不能管|能管吗|管得着|是不是(你们|恁)管|有没有人管|没人管|谁来管|归(谁|你们|哪)管|找(谁|哪)|who handles|can you (help|do anything|deal)/i,
    zh: '食品安全的事归我们市场监管部门管：买到、吃到有问题的食品可以投诉，发现违法可以举报。',
    en: 'Food safety is ours (market regulation): you can complain about food you bought or report a violation.',
  },
  {
    topic: 'fumes',
    ask: /油烟|噪音|太吵|smoke|noise/i,
    state: /油烟(扰民|太大|熏|呛|直排|大)|噪音|太吵|吵得|扰民/,
    zh: '油烟、噪音扰民不归食品安全管，请找生态环境部门（12369）；露天烧烤找城市管理部门。',
    en: 'Cooking fumes and noise are for the Ecology and Environment Bureau (12369); open-air barbecues for city management.',
  },
  {
    topic: 'wages',
    ask: /工资|工钱|wage|salary/i,
    // "欠了他三个月工资没给", "九月、十月哩工资到现在都没发".
    state:
      /拖欠工资|(不|没|没有)给?(我|俺|我们|俺们|咱们?|大家|工人们?)?(发)?工资|拖着不给|(欠|拖)[^，。,.！？]{0,6}工资|工资[^，。,.！？]{0,8}(不给|没给|没发|不发|拖着|欠着)|unpaid wages/i,
    zh: '拖欠工资请找人力资源和社会保障部门（劳动保障监察，电话12333）。',
    en: 'Unpaid wages are for the Human Resources and Social Security Bureau (labour inspection, tel. 12333).',
  },
  {
    topic: 'property',
    ask: /物业|property management/i,
    state: /物业/,
    zh: '物业问题请找住房和城乡建设部门或所在街道（社区）。',
    en: 'Property-management disputes go to the housing bureau or your street office.',
  },
  {
    topic: 'farm',
    ask: /农药|农业局|种地|地里|pesticide/i,
    state:
      /(地里|庄稼|菜地|果园|种菜|种韭菜|大棚)[^，。！？]{0,16}(打|喷|用|灌|浇)[^，。！？]{0,8}(禁用)?(农药|3911|甲拌磷|1605|甲胺磷|克百威|涕灭威)|农业局/,
    zh: '种植时使用禁用农药归农业农村部门管，请向农业农村局反映；市场上卖的菜农药残留超标归我们管，可以举报。',
    en: 'Banned pesticides used on farms are for the Agriculture and Rural Affairs Bureau; pesticide residue in vegetables on sale is ours to check.',
  },
  {
    topic: 'fee',
    // "这个要不要花钱？": filing costs nothing.
    ask: /(要不要|用不用|收不收|需不需要|得不得)(花钱|收费|交钱|给钱|掏钱)|收费吗|收钱吗|免费吗|花钱吗|要钱吗|(does it|will it) cost|\bfees?\b|free of charge/i,
    zh: '投诉、举报和咨询都不收任何费用，也不用找人托关系。',
    en: 'Complaints, reports and questions are free of charge.',
  },
  {
    topic: 'kinds',
    // "投诉跟举报有啥区别？": which to choose.
    ask: /(投诉|举报)(跟|和|与|同)(举报|投诉)[^，。？?]{0,4}(区别|不同|不一样|差别|啥区别)|(投诉|举报)[^，。？?]{0,10}(区别|有啥不一样)|(区别|有啥不一样)[^，。？?]{0,10}(投诉|举报)|(算|是|该|要)(投诉|举报)还是(投诉|举报)|difference between (a )?(complaint|report)|(complaint|report) or (a )?(complaint|report)/i,
    zh: '投诉：您自己买到、吃到有问题的食品，想让商家退款、赔偿或道歉，我们来调解，需要实名。举报：发现商家有违法行为，让我们去查处，可以匿名，查实重大违法的还能申请奖励。两样都想要，可以一起登记。',
    en: 'A complaint: you bought or ate something bad and want a refund, compensation or an apology; we mediate, and it needs your name. A report: a violation for us to investigate; it can be anonymous and, if serious, earn a reward. You can file both at once.',
  },
  {
    topic: 'testing',
    // "那个绿药水到底是啥，你们能拿去化验不？": yes — sampling is part of the check.
    // "你们会不会真去店里查？还是走个过场？": yes — officers go and inspect.
    ask: /化验|检测|送检|抽检|验一验|验验|(会不会|能不能|会|真的?)(真的?)?(去|到)(店里|现场|厂里|他家|他们那|后厨)(查|看)|走(个)?过场|test (it|them)|lab/i,
    zh: '可以。核查时执法人员会到现场检查，需要时抽样送检验机构检测。您手里如果还有剩下的，请保存好（能冷藏的冷藏），办案人员可能会要。',
    en: 'Yes. During the check officers inspect on site and, where needed, take samples to a testing laboratory. If you still have some of the food, keep it (chilled if possible): the officers may ask for it.',
  },
  {
    topic: 'insurance',
    // "这医药费医保能报不？": reimbursement is the medical-insurance bureau's; the business can be asked to pay.
    // "学平险那边说食物中毒不在保障范围 不给报 你们能帮忙协调保险公司吗": a commercial insurer's refusal is theirs to
    // answer for, before the financial regulator — not the market regulator.
    ask: /医保|医疗保险|新农合|medical insurance|学平险|商业保险|意外险|保险公司|保险(那边|不给|不赔|拒赔|理赔)|理赔|问[^，。？?]{0,4}保险|保险(这|的|这个)?(事|个事|问题)|insurance (company|claim)/i,
    zh: '医药费能不能走医保报销，要问医保部门（新郑市医疗保障局，电话12393）；商业保险（学平险、意外险等）不给理赔的，先向保险公司要书面理由，有异议可以打金融监管投诉电话12378，这个不归市场监管部门管。因为吃了有问题的食品花的医药费，可以在投诉里要求商家赔偿，病历和发票请保存好。',
    en: 'Whether medical costs are covered by medical insurance is for the Healthcare Security Bureau (tel. 12393); a commercial insurer (student or accident insurance) that refuses a claim must give its reasons in writing, and disputes go to the financial regulator (tel. 12378), not to us. Costs caused by bad food can be claimed from the business in a complaint: keep the records and receipts.',
  },
  {
    topic: 'price',
    // "标哩59.9，结账收俺69.9": price violations are the market regulator's too.
    ask: /价钱|价格|标价|明码标价|多收|收贵|结账[^，。？?]{0,8}(多|不一样|不对)|price/i,
    zh: '价格问题也归市场监管部门管：标价和结账不一样、多收钱、不明码标价，都可以在这里投诉（要求退还多收的钱）或举报。价签和小票请拍照留好。',
    en: 'Prices are for the market regulator too: a shelf price that differs from what you paid, overcharging or no price tags. You can complain here (to get the difference back) or report it. Keep photos of the price tag and the receipt.',
  },
  {
    topic: 'lostcode',
    // "我那个查询码找不着了": the code cannot be shown again.
    ask: /查询码[^，。？?]{0,8}(找不着|找不到|丢了|忘了|没了|删了|没记|没保存|没存|记不得|记不住)|(找不着|找不到|丢了|忘了|删了)[^，。？?]{0,6}查询码|lost (my|the) (query )?code/i,
    state:
      /查询码[^，。？?]{0,8}(找不着|找不到|丢了|忘了|没了|删了|没记|没保存|没存|记不得|记不住)|(找不着|找不到|丢了|忘了|删了)[^，。？?]{0,6}查询码/,
    zh: '查询码只在提交时显示一次，为了保护您的信息，系统里找不回来，也不能重发。您可以回复“人工”，把姓名、电话和大概哪天投诉的发给工作人员，核实后帮您查进度；办理进展我们也会按您留的电话联系您。',
    en: 'The query code is shown once, when you file, and cannot be shown again. Reply "human" with your name, phone and roughly when you filed, and a person will check the progress for you after verifying who you are.',
  },
  {
    topic: 'agent',
    // "代理人提交是否需要授权委托书？", "我替我妈投诉行不行": a complaint made for someone else (Order 121 Art. 11).
    ask: /授权委托书|委托书|代理人|代为投诉|代理投诉|(替|帮|代)(我|俺)?(妈|爸|父亲|母亲|老人|家人|亲戚|当事人|委托人|朋友|别人)[^，。？?]{0,4}(投诉|举报|反映)|on behalf of/i,
    zh: '可以代为投诉。委托他人代为投诉的，除了投诉人的姓名、电话、地址和事情经过，还要提供授权委托书原件和受托人的身份证明；委托书要写明委托事项、权限和期限，由委托人签名（《市场监督管理投诉举报处理暂行办法》第十一条）。这里先按委托人的名义登记，委托书原件交给办理的市场监管所。',
    en: "A complaint can be made on someone's behalf: besides the complainant's name, phone, address and the facts, the original signed power of attorney (stating the matter, powers and term) and the agent's ID are needed (Order 121, Art. 11). We file it in the complainant's name here; the original document goes to the handling office.",
  },
  {
    topic: 'nearexpiry',
    // "超市把临期食品放在一起打折卖合法吗？临期和过期有什么区别？"
    ask: /临期|快(要)?过期|快到期|near(ing)? (its )?expiry|about to expire/i,
    zh: '临期食品还在保质期内，只是快到期了，可以打折卖，但要集中陈列，显著标明“临期”和到期日期。过期食品（超过保质期）一律不能卖，也不能改日期再卖。买到过期食品可以在这里投诉，要求退款，并可以要求价款十倍、最少1000元的赔偿（食品安全法第148条）；发现商家卖过期食品也可以举报。',
    en: 'Near-expiry food is still within its shelf life and may be sold at a discount, displayed together and clearly marked with its expiry date. Expired food may never be sold, nor relabelled. If you bought expired food you can complain here for a refund and ten times the price (at least 1,000 yuan, Food Safety Law Art. 148); a shop selling expired food can be reported.',
  },
  {
    topic: 'healthfood',
    // "他们说能治高血压，我能不能把降压药停了", "保健品到底能不能治病"
    ask: /(保健品|保健食品|蓝帽|灵芝|孢子粉|讲座上?买的)[^？?]{0,20}(治|停药|药停|代替|顶替|不吃药|能不能吃)|(能不能|可不可以|要不要)(把)?[^，。？?]{0,4}药(停|断)|停(了)?药|治病|cure|stop (taking )?(my )?(medicine|medication|pills)/i,
    // "…听了免费健康讲座，买了一种保健品，说能治糖尿病，吃了不管用，这是不是骗人的？": the cure claim told, the
    // question asked in the last clause.
    state:
      /(保健品|保健食品|讲座)[^。]{0,40}(能治|治好|治病|降糖|降压|降血糖|降血压)[^。]{0,40}(骗人|是不是骗|真的假的|是真是假|靠谱吗|可信吗)/,
    zh: '保健食品（盒子上有“蓝帽子”标志的）不是药，不能治疗疾病，也不能代替药物。降压药、降糖药等请不要自己停，有疑问请问医生。宣称能治病、能停药的保健品涉嫌虚假宣传，可以举报；买了的可以投诉，要求退款。',
    en: 'Health foods (the "blue hat" logo) are not medicine: they cure nothing and cannot replace medication. Do not stop blood-pressure or diabetes medicine on your own; ask your doctor. Claims that a health food cures disease are false advertising and can be reported; if you bought it you can complain for a refund.',
  },
  {
    topic: 'prepaid',
    // "在…蛋糕店办了个卡，现在店关门了，钱还能要回来吗": a prepaid card of a shop that closed.
    ask: /(办|充|买)(了|的)?(个|张)?(卡|会员卡|储值卡|充值卡|预付卡)|预付卡|储值卡|充值卡|会员卡|卡里(还)?(剩|有)|prepaid card|store card/i,
    zh: '预付卡（店里办的会员卡、充值卡）：店铺关门、跑路或者不让用，可以要求退还卡里剩下的钱。请留好卡、充值记录、小票和聊天记录。可以在这里投诉，写明店名、地址和卡里余额；老板卷钱跑了、涉嫌诈骗的，也可以向公安机关报案。',
    en: "Prepaid cards (a shop's membership or top-up card): if the shop closes, disappears or refuses the card, you can ask for the balance back. Keep the card, top-up records, receipts and chats. You can complain here with the shop's name, address and the balance; if the owner ran off with the money, you can also report it to the police.",
  },
  {
    topic: 'withdraw',
    // "老板把钱退给我了…我想把投诉撤了": a complaint withdrawn after the business put it right (Order 121 Art. 23).
    ask: /撤(回|销|掉)?(了)?(投诉|举报)|(投诉|举报)[^，。？?]{0,4}撤(了|回|销|掉)|withdraw (my|the) complaint/i,
    state: /撤(回|销|掉)?(了)?(投诉|举报)|(投诉|举报)[^，。？?]{0,4}撤(了|回|销|掉)|withdraw (my|the) complaint/i,
    zh: '可以撤回投诉。投诉人撤回投诉，或者和商家自己和解了，调解就终止（《市场监督管理投诉举报处理暂行办法》第二十三条）。请把案件编号和查询码发给我，我先帮您查一下进度；然后回复“人工”，留言“撤回投诉”和案件编号，工作人员核实后为您办理，也可以直接打电话给办理的市场监管所。举报不需要撤回，您反映的情况我们会照常核查。',
    en: 'You can withdraw a complaint: if you withdraw it or settle with the business yourselves, mediation ends (Order 121, Art. 23). Send me the case number and query code to see its progress, then reply "human" with "withdraw" and the case number; staff will confirm and close it, or call the handling office. A report need not be withdrawn; what you told us is still checked.',
  },
  {
    topic: 'stall',
    // "那他要是把炉子搬到门口外头摆摊烤哩，又归谁".
    ask: /城管|占道|(门口|门外|外头|外面|路边|街上|马路|人行道)[^，。？?]{0,8}(摆摊|烤|烧烤)|露天烧烤|摆摊烤/,
    state: /(门口|门外|外头|外面|路边|街上|马路|人行道)[^，。？?]{0,8}(摆摊|烧烤|摆摊烤)|露天烧烤|占道经营/,
    zh: '占道经营、露天烧烤归城市管理部门管。',
    en: 'Street stalls blocking the way and open-air barbecues are for city management.',
  },
  {
    topic: 'banquet',
    // "村里办喜事请嘞流动厨师，吃完好几个人拉肚子，该找谁", "农村办酒席得给谁报备".
    ask: /办(酒席|喜事|白事|宴席|寿宴|大寿)|摆(酒|席|桌)|酒席|宴席|流动厨师|(请|找|叫)(的|了|哩|嘞)?[^，。？?]{0,4}厨子|厨子[^，。？?]{0,3}(做|办)|主家|坝坝宴|集体聚餐|报备/,
    zh: '农村办酒席（集体聚餐）：按规定主家要提前向所在乡镇（街道）的食品安全办公室或村里的食品安全协管员报备，厨师要有健康证，食材要留好票据、菜品要留样。吃出问题，主家和厨师都有责任；可以在这里投诉或举报，我们会去查。',
    en: 'Village banquets: the host must notify the township (street) food safety office or the village food safety helper in advance; the cook needs a health certificate, and receipts and samples of the dishes should be kept. If people fall ill, the host and the cook are both responsible; you can complain or report here and we will investigate.',
  },
  {
    topic: 'stopeating',
    // "剩下嘞半罐还叫孩子喝不喝？", "还能吃吗".
    ask: /(还)?(能|叫|让|给)?(孩子|孩儿|娃|他|她|俺|我)?(喝|吃)(不喝|不吃)|还能(吃|喝|用)(吗|不|么)|(能|敢)不能(吃|喝)|剩下的?[^，。？?]{0,8}(还)?(能|要|敢)?(吃|喝)/,
    zh: '先停止食用，剩下的别扔，封好（需要的话冷藏）留作证据；已经吃了有不舒服的请及时就医，病历和票据都保留好。',
    en: 'Stop eating it. Do not throw the rest away: seal it (refrigerate if needed) and keep it as evidence. If anyone feels unwell, see a doctor and keep the records and receipts.',
  },
  {
    topic: 'sanwu',
    ask: /三无/,
    zh: '“三无”食品是指没有厂名厂址、没有生产日期和保质期、没有生产许可证编号（SC编号）的预包装食品，不能销售。买到了可以投诉退赔，也可以举报，让我们查处卖的人。',
    en: '"Three-no" food is pre-packaged food without a producer name and address, a production date and shelf life, or a production licence number (SC code); it may not be sold. You can complain for a refund or report the seller for us to act.',
  },
  {
    topic: 'sccode',
    // "袋子上有个SC开头哩一串号，那是啥意思？".
    ask: /SC(开头|编号|号|码)|(SC|sc)[^，。？?]{0,6}(啥|什么|意思)/,
    state: /SC(开头|编号)[^，。]{0,8}(一串|号|码)?[^。]{0,12}(啥意思|什么意思|是啥|是什么)/,
    zh: 'SC开头的14位编号是食品生产许可证编号，说明这个厂取得了食品生产许可；可以在国家市场监督管理总局网站查这个编号对应的厂家。没有这个编号的预包装食品属于“三无”，不能卖。',
    en: 'The 14-character code starting with SC is the food production licence number: the producer holds a licence, and the number can be looked up on the State Administration for Market Regulation website. Pre-packaged food without it may not be sold.',
  },
];

const QUESTION_MARK =
  /(\p{Script=Han})不\1|[?？]|吗|么$|呢|还是|不$|没有$|能不能|可不可以|是不是|是否|有没有|多少|多久|多长|怎么|咋|啥|什么|哪|谁|\bcan\b|\bhow\b|\bwhat\b|\bwhen\b|\bdo i\b|\bis it\b|\bwho\b/iu;

/** Clauses of a message (a question mark ends a clause and stays with it). */
export function questionClauses(text: string): string[] {
  const parts = text.split(/(?<=[?？!！。\n])|[，,；;]/);
  return parts
    .map((p) => p.trim())
    .filter((p) => p.length > 0 && QUESTION_MARK.test(p.replace(WHATEVER_IS_DUE, '').replace(NONE_WANTED, '')));
}

/** "也不要啥奖励", "啥也不图": nothing wanted — a statement, not a question. */
const NONE_WANTED = /(不要|不图|不稀罕|不想要|不用)(啥|什么)|(啥|什么)(都|也)(不要|不图|不用|不稀罕)/g;

/** "该赔多少赔多少": whatever is due — a demand, not a question. */
export const WHATEVER_IS_DUE = /该(赔|退|罚|补)多少(就)?(赔|退|罚|补)多少|(赔|退)多少(就)?(算|是)多少/g;

/** The topics a message asks about (or, for other authorities, raises), in FAQ order, each once. */
export function topicsOf(text: string): Topic[] {
  // "请教一个法律问题：…十倍…的赔偿金，…是否也能…？": a message that opens as a question asks in every clause
  // up to its question mark.
  const asked =
    /^\s*(?:(?:你好|您好|同志|领导|喂|老师|师傅)[，,!！\s]*)*(?:(?:我|俺)?(?:就是|就|只是|主要是|是)?)(请教|请问|咨询|想问|问一下|问下|问问|我想问问?|想咨询|我想咨询)/.exec(
      text,
    );
  const lead = asked ? text.slice(0, (text.search(/[?？]/) + 1 || text.length + 1) - 1) : '';
  const qs = [...questionClauses(text), ...(lead ? [lead] : [])];
  const found: Topic[] = [];
  for (const e of FAQ) {
    if (qs.some((q) => e.ask.test(q)) || e.state?.test(text)) found.push(e.topic);
  }
  return found;
}

export function answerOf(topic: Topic, lang: 'zh' | 'en'): string {
  const e = FAQ.find((x) => x.topic === topic);
  return e ? e[lang] : '';
}
