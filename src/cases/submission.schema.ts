// The submission contract shared by the JSON API, the multipart API, the web form and the bot.
// Messages are Chinese and name the field, for citizens; paths are stable for clients.
import { z } from 'zod';
import { ClaimPasswordSchema } from '../rewards/claim-password.ts';
import { SUBMISSION_KINDS } from './case.machine.ts';
import { TOWNSHIPS } from './divisions.ts';

/** Full-width digits/letters → half-width; used before any format check. */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

export function normalisePhone(raw: string): string {
  let p = toHalfWidth(raw).replace(/[\s\-()（）]/g, '');
  p = p.replace(/^(\+86|0086)/, '');
  return p;
}

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}\d{7,8}$/;

export function isValidIdNumber(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const checks = '10X98765432';
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * (weights[i] ?? 0);
  return checks[sum % 11] === id[17];
}

const text = (label: string, min: number, max: number) =>
  z
    .string({ error: (iss) => (iss.input === undefined ? `请填写${label}` : `${label}必须是文字`) })
    .trim()
    .min(min, { error: min <= 1 ? `请填写${label}` : `${label}至少需要${min}个字` })
    .max(max, { error: `${label}不能超过${max}个字` });

const optionalText = (label: string, max: number) => text(label, 1, max).optional();

export const PhoneSchema = z
  .string({ error: (iss) => (iss.input === undefined ? '请填写联系电话' : '联系电话必须是文字') })
  .transform(normalisePhone)
  .refine((p) => MOBILE.test(p) || LANDLINE.test(p), { error: '联系电话格式不正确，请填写11位手机号或带区号的固定电话' });

export const IdNumberSchema = z
  .string({ error: '身份证号码必须是文字' })
  .transform((s) => toHalfWidth(s).replace(/\s/g, '').toUpperCase())
  .refine(isValidIdNumber, { error: '身份证号码不正确，请核对18位号码' });

export const PersonSchema = z.object(
  {
    name: text('姓名', 2, 50),
    phone: PhoneSchema,
    address: optionalText('联系地址', 200),
    idNumber: IdNumberSchema.optional(),
  },
  { error: '个人信息格式不正确' },
);
export type Person = z.infer<typeof PersonSchema>;

export const BusinessSchema = z.object(
  {
    name: text('被投诉/举报单位名称', 2, 100),
    address: optionalText('经营地址', 200),
    /** For online sellers: the shop's page or platform name (jurisdiction follows the address shown there, Art. 13). */
    platform: optionalText('网络平台或店铺链接', 300),
  },
  { error: '经营者信息格式不正确' },
);

const todayLimit = () => Date.now() + 24 * 3600 * 1000;

/** The fields and their own checks; SubmissionSchema adds the per-kind rules (the OpenAPI document spells them per kind). */
export const SubmissionObject = z.object({
  kind: z.enum(SUBMISSION_KINDS, { error: '请选择类型：投诉（complaint）、举报（report）、投诉并举报（both）或咨询（consultation）' }),
  description: text('事情经过', 5, 5000),
  business: BusinessSchema.optional(),
  township: z.enum(TOWNSHIPS, { error: '乡镇（街道）不在新郑市的范围内，请从列表中选择' }).optional(),
  place: optionalText('具体地点', 200),
  product: optionalText('涉及的食品或商品', 200),
  incidentDate: z.iso
    .date({ error: '发生日期格式应为 YYYY-MM-DD' })
    .refine((d) => Date.parse(d) <= todayLimit(), { error: '发生日期不能晚于今天' })
    .refine((d) => Date.parse(d) >= Date.parse('1990-01-01'), { error: '发生日期不正确' })
    .optional(),
  request: optionalText('诉求', 1000),
  person: PersonSchema.optional(),
  anonymous: z.boolean({ error: '是否匿名必须是 true 或 false' }).default(false),
  wantsReward: z.boolean({ error: '是否申请奖励必须是 true 或 false' }).default(false),
  consentToPublish: z.boolean({ error: '是否同意公开必须是 true 或 false' }).default(false),
  /** The claim password for a reward (anonymous reporters claim with it and the query code); stored hashed. */
  rewardPassword: ClaimPasswordSchema.optional(),
});

export const SubmissionSchema = SubmissionObject.superRefine(
  (parsed, ctx) => {
    // Runs even when other fields failed, so a citizen sees every missing item at once. Fields that
    // failed their own checks may hold anything here, hence the loose view and the type guards.
    const v = parsed as unknown as Loose;
    const need = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const obj = (x: unknown): Record<string, unknown> | null =>
      typeof x === 'object' && x !== null ? (x as Record<string, unknown>) : null;
    const person = obj(v.person);
    const business = obj(v.business);
    const isComplaint = v.kind === 'complaint' || v.kind === 'both';
    if (
      v.kind !== 'consultation' &&
      typeof v.description === 'string' &&
      v.description.trim().length >= 5 &&
      v.description.trim().length < 10
    ) {
      need(['description'], '事情经过至少需要10个字，请说明时间、地点和发生了什么');
    }
    if (isComplaint) {
      // Order 121 Art. 10: a complaint needs the complainant's name, phone and address, the business's
      // name and address, the request and the facts. Complaints are never anonymous.
      if (v.anonymous === true) need(['anonymous'], '投诉需要实名，不能匿名；只想反映问题可以选择匿名举报');
      if (v.person === undefined) need(['person'], '投诉需要实名：请填写姓名、联系电话和联系地址');
      else if (person && person.address === undefined) need(['person', 'address'], '投诉需要填写您的联系地址');
      if (v.business === undefined) need(['business'], '投诉需要填写被投诉经营者的名称和地址');
      else if (business && business.address === undefined && business.platform === undefined)
        need(['business', 'address'], '请填写被投诉经营者的地址（网购请填写平台上显示的店铺地址或链接）');
      if (v.request === undefined) need(['request'], '投诉需要写明您的诉求（如退款、赔偿、道歉）');
    }
    if (v.kind === 'report') {
      if (v.anonymous !== true && v.person === undefined) need(['person'], '实名举报请填写姓名和联系电话；不愿透露身份请选择匿名举报');
      if (v.anonymous === true && v.person !== undefined) need(['person'], '已选择匿名举报，请不要填写个人信息');
    }
    if (v.wantsReward === true) {
      // A real-name reporter's ID number is asked for but not required: identity is checked when the reward
      // is claimed (name and ID card, reward.service `realNameMatches`), and a number mistyped at intake must
      // not cost the citizen the application.
      if (v.kind !== 'report' && v.kind !== 'both') need(['wantsReward'], '只有举报才能申请奖励');
    } else if (v.rewardPassword !== undefined) need(['rewardPassword'], '只有申请举报奖励时才需要设置领奖密码');
  },
  {
    when: (payload) =>
      typeof payload.value === 'object' && payload.value !== null && SUBMISSION_KINDS.includes((payload.value as Loose).kind as never),
  },
);

interface Loose {
  kind?: unknown;
  description?: unknown;
  person?: unknown;
  business?: unknown;
  request?: unknown;
  anonymous?: unknown;
  wantsReward?: unknown;
  rewardPassword?: unknown;
}

export type SubmissionInput = z.input<typeof SubmissionSchema>;
export type Submission = z.output<typeof SubmissionSchema>;

/** Request examples: one per kind, used in the OpenAPI document and in tests (so they stay valid). */
export const SUBMISSION_EXAMPLES = {
  complaint: {
    summary: '投诉：买到过期食品，要求退款赔偿',
    value: {
      kind: 'complaint',
      description: '2026年11月20日在店里买的两盒牛奶，回家发现已经过期三天，喝了一口味道发酸。',
      business: { name: '新郑市好又多便利店', address: '新郑市新建路128号' },
      township: '新建路街道',
      product: '纯牛奶 250ml',
      incidentDate: '2026-11-20',
      request: '退款并按食品安全法赔偿',
      person: { name: '张伟', phone: '13812345678', address: '新郑市人民路8号院' },
      consentToPublish: true,
    },
  },
  anonymousReport: {
    summary: '匿名举报：小作坊疑似使用地沟油',
    value: {
      kind: 'report',
      description: '龙湖镇某村东头有个小作坊，晚上从饭店收泔水油回来熬，白天卖给附近的早餐摊。',
      business: { name: '无招牌油坊', address: '龙湖镇某村东头' },
      township: '龙湖镇',
      anonymous: true,
      wantsReward: true,
      rewardPassword: 'Lhz-2026-oil',
    },
  },
  complaintAndReport: {
    summary: '投诉并举报：饭店食物中毒，且后厨无证经营',
    value: {
      kind: 'both',
      description: '昨天中午在这家饭店吃饭，一家三口都上吐下泻去了医院。听说这家店没有食品经营许可证。',
      business: { name: '老街烩面馆', address: '新郑市新华路56号' },
      township: '新华路街道',
      request: '赔偿医药费，并查处无证经营',
      person: { name: '李娜', phone: '13698765432', address: '新郑市金城路9号', idNumber: '11010519491231002X' },
      wantsReward: true,
    },
  },
  consultation: {
    summary: '咨询：网购食品的投诉管辖',
    value: { kind: 'consultation', description: '在网上买的零食有问题，应该向哪里投诉？' },
  },
} as const;
