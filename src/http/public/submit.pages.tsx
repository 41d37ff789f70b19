// The submission pages: a short guide to choose the kind, then one form per kind showing only the fields
// that kind needs (Order 121 Art. 10 for complaints; reports may be anonymous; a consultation is a question).
import type { SubmissionKind } from '../../cases/case.machine.ts';
import { TOWNSHIPS } from '../../cases/divisions.ts';
import { ACCEPTED_TYPES_LABEL } from '../../cases/evidence.store.ts';
import { CSRF_FIELD } from './csrf.ts';
import {
  Checkbox,
  CsrfField,
  ErrorSummary,
  FileField,
  type FormState,
  Group,
  Honeypot,
  RadioGroup,
  SelectField,
  TextArea,
  TextField,
} from './form.components.tsx';
import { Layout } from './layout.tsx';
import { KIND_INFO, KIND_ORDER } from './portal.content.ts';
import { type ErrorSlot, FIELDS_BY_KIND, FILES_BY_KIND, type FieldName } from './submission.form.ts';

export function ChooseKindPage() {
  return (
    <Layout title="选择类型" nav="submit">
      <h1>您想反映什么？</h1>
      <p class="lead">请先选择类型。不确定时：要求赔偿选“投诉”，希望查处违法行为选“举报”，两者都要选“投诉并举报”，只是问问题选“咨询”。</p>
      <ul class="cards">
        {KIND_ORDER.map((k) => (
          <li class="card">
            <h2>
              <a href={`/submit/${k}`}>{KIND_INFO[k].heading}</a>
            </h2>
            <p>{KIND_INFO[k].what}</p>
            <p>{KIND_INFO[k].needs}</p>
            <p class="hint">{KIND_INFO[k].examples}</p>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

/** Top-to-bottom order of the error slots on the form, so the summary reads in the same order. */
const SLOT_ORDER: readonly ErrorSlot[] = [
  'general',
  'anonymous',
  'description',
  'product',
  'incidentDate',
  'township',
  'place',
  'business',
  'business.name',
  'business.address',
  'business.platform',
  'request',
  'person',
  'person.name',
  'person.phone',
  'person.address',
  'person.idNumber',
  'files',
  'wantsReward',
  'rewardPassword',
  'consentToPublish',
];

export const FILE_ACCEPT =
  'image/jpeg,image/png,image/gif,image/webp,image/heic,.heic,.heif,application/pdf,video/mp4,video/quicktime,.mov';

export interface FormPageProps {
  kind: SubmissionKind;
  state: FormState;
  token: string;
  /** Files chosen in the request being re-rendered; the browser cannot be given them back. */
  droppedFiles: number;
  honeypot: { value: string; flagged: boolean };
  limits: { maxFiles: number; maxFileBytes: number };
  /** Today in CST (YYYY-MM-DD), the latest incident date. */
  today: string;
}

export function SubmissionFormPage(props: FormPageProps) {
  const { kind, state } = props;
  const info = KIND_INFO[kind];
  const shown = new Set<FieldName>(FIELDS_BY_KIND[kind]);
  const has = (f: FieldName) => shown.has(f);
  const isComplaint = kind === 'complaint' || kind === 'both';
  const mb = Math.round(props.limits.maxFileBytes / 1024 / 1024);
  const summary = SLOT_ORDER.flatMap((slot) => (state.errors.get(slot) ?? []).map((message) => ({ slot, message })));
  const businessLegend = kind === 'complaint' ? '被投诉的经营者' : kind === 'report' ? '被举报的单位或个人' : '被投诉、举报的经营者';
  const personLegend = kind === 'report' ? '举报人信息（匿名举报不要填写）' : '您的信息（实名）';
  return (
    <Layout title={summary.length ? `有错误：${info.heading}` : info.heading} nav="submit">
      <p class="back no-print">
        <a href="/submit">重新选择类型</a>
      </p>
      <h1>{info.heading}</h1>
      <ErrorSummary items={summary} />
      <p class="lead">{info.needs}</p>
      <form method="post" action="/submit" enctype="multipart/form-data" novalidate>
        <CsrfField name={CSRF_FIELD} token={props.token} />
        <input type="hidden" name="kind" value={kind} />

        {has('anonymous') ? (
          <RadioGroup
            state={state}
            name="anonymous"
            label="是否匿名"
            required
            hint="匿名举报不需要填写任何个人信息，凭案件编号和查询码查询进度、认领奖励；实名举报便于办理人员向您核实情况。"
            options={[
              { value: 'no', label: '实名举报（请在下面填写姓名和联系电话）' },
              { value: 'yes', label: '匿名举报（不填写个人信息）' },
            ]}
          />
        ) : null}

        {kind === 'consultation' ? null : <h2>发生了什么</h2>}
        <TextArea
          state={state}
          name="description"
          label={kind === 'consultation' ? '您的问题' : '事情经过'}
          required
          rows={kind === 'consultation' ? 5 : 8}
          maxlength={5000}
          hint={kind === 'consultation' ? '请直接写下您想了解的问题，至少5个字。' : '请写明什么时间、在哪里、发生了什么，至少10个字。'}
        />
        {has('product') ? (
          <TextField
            state={state}
            name="product"
            label="涉及的食品或商品"
            hint="例如：纯牛奶 250毫升、外卖套餐、散装白酒"
            maxlength={200}
          />
        ) : null}
        {has('incidentDate') ? (
          <TextField
            state={state}
            name="incidentDate"
            type="date"
            label="发生日期"
            hint="格式：年-月-日，例如 2026-11-20"
            max={props.today}
          />
        ) : null}
        {has('township') ? (
          <SelectField
            state={state}
            name="township"
            label="发生地所在乡镇（街道）"
            hint="不确定可以不选，在下面“具体地点”中写明。"
            options={TOWNSHIPS}
            emptyLabel="请选择（不确定可不选）"
          />
        ) : null}
        {has('place') ? (
          <TextField state={state} name="place" label="具体地点" hint="村、小区、市场、学校或道路名称" maxlength={200} />
        ) : null}

        {has('business.name') ? (
          <Group
            state={state}
            slot="business"
            legend={businessLegend}
            hint={isComplaint ? '投诉必须写明经营者的名称和地址。' : '知道多少写多少。'}
          >
            <TextField
              state={state}
              name="business.name"
              label="名称"
              required={isComplaint}
              hint="店铺招牌、公司名称或网店名称；没有招牌可写“无招牌”加位置"
              autocomplete="off"
              maxlength={100}
            />
            <TextField
              state={state}
              name="business.address"
              label="经营地址"
              required={isComplaint}
              hint={isComplaint ? '网购或外卖的，填写平台上显示的店铺地址，或在下一栏填写网店链接' : undefined}
              autocomplete="off"
              maxlength={200}
            />
            <TextField
              state={state}
              name="business.platform"
              label="网络平台或店铺链接"
              hint="网购、外卖时填写，例如平台名称和店铺名称"
              autocomplete="off"
              maxlength={300}
            />
          </Group>
        ) : null}

        {has('request') ? (
          <TextArea
            state={state}
            name="request"
            label="您的诉求"
            required
            rows={3}
            maxlength={1000}
            hint="例如：退款、按《食品安全法》赔偿、赔礼道歉"
          />
        ) : null}

        {has('person.name') ? (
          <Group
            state={state}
            slot="person"
            legend={personLegend}
            hint={
              isComplaint
                ? '投诉需要实名：姓名、联系电话和联系地址都要填写。信息加密保存，只有办理人员可以查看。'
                : '实名举报请填写姓名和联系电话。信息加密保存，不会告诉被举报人。'
            }
          >
            <TextField state={state} name="person.name" label="姓名" required={isComplaint} autocomplete="name" maxlength={50} />
            <TextField
              state={state}
              name="person.phone"
              type="tel"
              label="联系电话"
              required={isComplaint}
              autocomplete="tel"
              inputmode="tel"
              hint="11位手机号，或带区号的固定电话"
              maxlength={30}
            />
            <TextField
              state={state}
              name="person.address"
              label="联系地址"
              required={isComplaint}
              autocomplete="street-address"
              maxlength={200}
            />
            {has('person.idNumber') ? (
              <TextField
                state={state}
                name="person.idNumber"
                label="身份证号码"
                hint="只在实名申请举报奖励时需要，18位"
                autocomplete="off"
                maxlength={30}
              />
            ) : null}
          </Group>
        ) : null}

        {FILES_BY_KIND[kind] ? (
          <FileField
            state={state}
            label="证据材料"
            accept={FILE_ACCEPT}
            dropped={props.droppedFiles}
            hint={`最多${props.limits.maxFiles}个文件，每个不超过${mb}MB。可以上传${ACCEPTED_TYPES_LABEL}，例如购物小票、商品和包装照片、聊天记录截图。如果提交时其他地方有错误，需要重新选择文件。`}
          />
        ) : null}

        {has('wantsReward') ? (
          <Checkbox
            state={state}
            name="wantsReward"
            label="我申请举报奖励"
            hint={
              <>
                奖励只针对重大违法行为，案件依法作出处罚或移送司法机关后发放。实名申请需要填写身份证号码；匿名举报凭案件编号、查询码和下面设置的领奖密码认领。详见
                <a href="/#reward">首页“举报奖励”</a>。
              </>
            }
          />
        ) : null}
        {has('rewardPassword') ? (
          <TextField
            state={state}
            name="rewardPassword"
            type="password"
            label="领奖密码（申请奖励时设置）"
            hint="6到32位字母、数字或英文符号。领奖时需要案件编号、查询码和这个密码，丢失后无法找回；不申请奖励请留空。"
            autocomplete="new-password"
            maxlength={32}
          />
        ) : null}

        {has('consentToPublish') ? (
          <Checkbox
            state={state}
            name="consentToPublish"
            label="我同意在去掉个人信息后公开本投诉的内容"
            hint="用于投诉信息公示；不同意不影响办理。"
          />
        ) : null}

        <Honeypot value={props.honeypot.value} flagged={props.honeypot.flagged} />
        <div class="actions">
          <button type="submit">提交{info.title}</button>
        </div>
        <p class="hint">提交后会立即显示案件编号和查询码。</p>
      </form>
    </Layout>
  );
}
