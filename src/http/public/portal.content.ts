// The portal's explanatory words (shared/domain.md), kept apart from the markup. Legal time limits are
// read from the deadline rules, so the home page cannot drift from what the deadline engine computes.
import type { SubmissionKind } from '../../cases/case.machine.ts';
import { type ClockRule, getRule } from '../../deadlines/rules.ts';

export interface KindInfo {
  title: string;
  heading: string;
  what: string;
  needs: string;
  examples: string;
}

export const KIND_INFO: Readonly<Record<SubmissionKind, KindInfo>> = {
  complaint: {
    title: '投诉',
    heading: '我要投诉',
    what: '您为自己或家人购买的食品、在饭店用餐等，与经营者发生纠纷，希望对方退款、赔偿或道歉。市场监管部门在双方同意时组织调解。',
    needs:
      '投诉必须实名：需要您的姓名、联系电话、联系地址，被投诉经营者的名称和地址，您的诉求和事情经过（《市场监督管理投诉举报处理办法》第十条）。',
    examples: '例如：买到过期牛奶要求退款；外卖吃出异物要求赔偿。',
  },
  report: {
    title: '举报',
    heading: '我要举报',
    what: '您发现了涉嫌违法的行为，希望市场监管部门调查处理。任何人都可以举报，不要求与您本人有关。',
    needs: '举报可以匿名。实名举报请留下姓名和联系电话；重大违法行为的举报可以申请奖励。',
    examples: '例如：无证经营的小作坊、疑似地沟油或病死肉、学校周边出售“三无”食品、超市销售过期食品。',
  },
  both: {
    title: '投诉并举报',
    heading: '我要投诉并举报',
    what: '既要求经营者赔偿，又希望查处其违法行为。系统会分成一件投诉和一件举报，分别办理、分别计算时限，两件共用一个查询码。',
    needs: '需要实名，填写内容与投诉相同；如申请举报奖励，请填写身份证号码（领奖时核对）。',
    examples: '例如：在饭店吃饭后食物中毒要求赔偿，同时举报该店无证经营。',
  },
  consultation: {
    title: '咨询',
    heading: '我要咨询',
    what: '只想了解政策、办事方法或应当向哪个部门反映，不需要立案处理。',
    needs: '只需写下您的问题，不需要填写个人信息。',
    examples: '例如：网购的零食有问题，应该向哪里投诉？',
  },
};

export const KIND_ORDER: readonly SubmissionKind[] = ['complaint', 'report', 'both', 'consultation'];

const rule = (id: string): ClockRule => getRule('order121', id);

const unitWords = (r: { length: number; unit: ClockRule['unit'] }): string =>
  r.unit === 'working_days' ? `${r.length}个工作日` : r.unit === 'calendar_days' ? `${r.length}天` : `${r.length}小时`;

/** Plain-language time limits for the home page, from the Order 121 rules. */
export function timeLimitLines(): string[] {
  const d1 = rule('D1');
  const d2 = rule('D2');
  const d3 = rule('D3');
  const d4 = rule('D4');
  const d5 = rule('D5');
  return [
    `投诉：自收到之日起${unitWords(d1)}内，决定是否受理并告知您；不予受理的，会说明理由和其他解决途径（协商、消费者协会调解、仲裁、诉讼）。`,
    `投诉调解：受理后经双方同意进行调解，调解应在${unitWords(d2)}内结束，检测、鉴定的时间不计算在内；调解终止的，${unitWords(d3)}内告知。`,
    `举报：自收到之日起${unitWords(d4)}内完成核查并决定是否立案${d4.extension ? `，情况特殊的经负责人批准可延长${unitWords(d4.extension)}` : ''}；检测、检验、鉴定等时间不计算在内。`,
    `立案后：一般在${unitWords(d5)}内作出处理决定${d5.extension ? `，经批准可延长${unitWords(d5.extension)}` : ''}。`,
    '咨询：不适用上述时限，工作人员会尽快答复。',
    '“工作日”不含周六、周日和法定节假日，调休上班的日子照常计算；期限的最后一天是法定节假日的，顺延到节后第一天。',
  ];
}

export const REWARD_LINES: readonly string[] = [
  '奖励只针对重大违法行为的举报：涉嫌犯罪，或者依法被责令停产停业、吊销许可证、处以较大数额罚款的。',
  '举报需要有明确的被举报对象和关键证据，且市场监管部门事先并不掌握；案件依法作出处罚或移送司法机关后才发放。',
  '奖励标准：一级按罚没款的5%（最低5000元），二级3%（最低3000元），三级1%（最低1000元）；每案最高100万元。',
  '只奖励自然人。市场监管部门工作人员、负有举报义务的人、要求赔偿的投诉人本人、违法行为人（内部人员除外）不在奖励范围内。',
  '实名举报申请奖励请填写身份证号码（领奖时凭姓名和身份证核对，号码一时填不准也可以先申请）；匿名举报在申请奖励时设置领奖密码（微信里发送“领奖密码 编号 密码”），凭案件编号、查询码和领奖密码认领奖励。',
  `结案后符合条件的会通知您，请在通知之日起${rule('D15').length}个工作日内到“领取举报奖励”页面（/reward）申领；奖励不发放现金。`,
];

export const ANONYMITY_LINES: readonly string[] = [
  '举报可以匿名，匿名举报不需要填写任何个人信息，凭案件编号和查询码查询进度。',
  '投诉必须实名，因为调解需要联系您和经营者。',
  '您填写的姓名、电话、地址和身份证号码加密保存，只有办理人员可以查看；举报人的身份和举报处理情况不会告诉被举报的经营者（《办法》第三十七条）。',
];
