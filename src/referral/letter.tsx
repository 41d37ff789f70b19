// The referral letter (涉嫌犯罪案件移送书) and its annexes, rendered from the dossier: as the standalone page in
// the package (printable on A4, readable at 375 px) and as the body of the police portal's referral page.
// Chinese only: no internal codes, statuses or event names.
import { chineseDate, chineseDateTime, type Dossier, type DossierFile } from './dossier.ts';

const yuan = (v: string | null) => (v === null ? '（待查明）' : `${Number(v).toLocaleString('zh-CN', { maximumFractionDigits: 2 })}元`);
const orPending = (v: string | null) => v ?? '（待查明）';
const inspectedAt = (v: string) => `${chineseDate(v.slice(0, 10))} ${v.slice(11, 16)}`;

export const LETTER_CSS = `
.dossier{font-family:"Songti SC","SimSun","Noto Serif CJK SC",serif;line-height:1.8;color:#000;max-width:46em;margin:0 auto;overflow-wrap:anywhere}
.dossier h1{text-align:center;font-size:1.6em;letter-spacing:.2em;margin:.4em 0 0}
.dossier .issuer{text-align:center;font-size:1.2em;margin:0}
.dossier .docno{text-align:center;margin:.2em 0 1.2em}
.dossier h2{font-size:1.15em;margin:1.4em 0 .4em}
.dossier h3{font-size:1em;margin:1em 0 .2em}
.dossier table{border-collapse:collapse;width:100%;font-size:.9em}
.dossier th,.dossier td{border:1px solid #000;padding:.2em .4em;vertical-align:top;text-align:left}
.dossier code{font-size:.8em;word-break:break-all}
.dossier .seal{margin:2em 0 0 auto;width:max-content;max-width:100%;text-align:center}
.dossier .seal .stamp{display:inline-block;border:2px solid #b00;color:#b00;border-radius:50%;padding:1.2em .8em;margin:.4em 0}
.dossier .sign{margin-top:1em}
.dossier dl{display:grid;grid-template-columns:max-content 1fr;gap:0 .8em;margin:0}
.dossier dt{font-weight:bold}.dossier dd{margin:0}
.dossier .tip{border:1px solid #888;padding:.4em .6em;white-space:pre-wrap}
@media (max-width:600px){.dossier dl{grid-template-columns:1fr}.dossier table,.dossier tbody,.dossier tr,.dossier td{display:block;width:auto}
.dossier thead{display:none}.dossier td{border:0;border-bottom:1px solid #ccc}.dossier td[data-h]::before{content:attr(data-h)"：";font-weight:bold}
.dossier tr{border:1px solid #000;margin:.4em 0}}
@media print{@page{size:A4;margin:25mm 20mm}.dossier{max-width:none;font-size:12pt}.dossier h2{break-after:avoid}.dossier tr{break-inside:avoid}.noprint{display:none}}
`;

function FilesTable(p: { files: DossierFile[] }) {
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">序号</th>
          <th scope="col">说明</th>
          <th scope="col">包内文件</th>
          <th scope="col">原文件名</th>
          <th scope="col">拍摄时间</th>
          <th scope="col">收到时间</th>
          <th scope="col">SHA-256 校验值</th>
        </tr>
      </thead>
      <tbody>
        {p.files.map((f) => (
          <tr>
            <td data-h="序号">{f.no}</td>
            <td data-h="说明">{f.description}</td>
            <td data-h="包内文件">{f.path}</td>
            <td data-h="原文件名">{f.originalName ?? '（未保留）'}</td>
            <td data-h="拍摄时间">{f.capturedAt ?? '（文件未记录）'}</td>
            <td data-h="收到时间">{chineseDateTime(f.receivedAt)}</td>
            <td data-h="SHA-256">
              <code>{f.sha256}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The letter and its four annexes (国务院令310 Art. 6). */
export function DossierBody(p: { d: Dossier }) {
  const d = p.d;
  const b = d.business;
  const recs = d.records;
  return (
    <article class="dossier">
      <p class="issuer">{d.regulator}</p>
      <h1>涉嫌犯罪案件移送书</h1>
      <p class="docno">{d.docNumber ?? '（文号于移送时编定）'}</p>
      <p>{d.policeUnit ?? '公安机关'}：</p>
      <p>
        我局在查处{orPending(b.name)}涉嫌{d.offence}
        一案中，经调查，发现当事人的行为涉嫌犯罪。依据《行政执法机关移送涉嫌犯罪案件的规定》第三条、第六条，现将该案移送你单位审查。请于
        <strong>{d.replyDue ? chineseDate(d.replyDue) : '收到之日起三日内'}</strong>
        前作出是否立案的决定，并书面告知我局；决定立案的，我局将在立案后三日内移交涉案物品及有关材料。
      </p>
      <p>附件：一、涉嫌犯罪案件调查报告；二、涉案物品清单；三、检验报告或鉴定结论；四、其他有关材料（含举报材料）。</p>
      <p>
        联系人：{orPending(d.contact.name)}　联系电话：{orPending(d.contact.phone)}
      </p>
      <div class="seal">
        <p class="sign">{d.regulator}</p>
        <p class="stamp">（印章）</p>
        <p>{chineseDate(d.date)}</p>
      </div>
      <p>抄送：新郑市人民检察院{d.procuratorateCopy ? '' : '（移送时抄送）'}</p>

      <h2>一、涉嫌犯罪案件调查报告</h2>
      <h3>（一）当事人基本情况</h3>
      <dl>
        <dt>名称</dt>
        <dd>{orPending(b.name)}</dd>
        <dt>统一社会信用代码</dt>
        <dd>{orPending(b.creditCode)}</dd>
        <dt>地址</dt>
        <dd>
          {orPending(b.address)}
          {b.township ? `（${b.township}）` : ''}
        </dd>
        <dt>经营者</dt>
        <dd>{orPending(b.operator)}</dd>
      </dl>
      <h3>（二）案件来源</h3>
      <p>
        {chineseDateTime(d.tip.receivedAt)}，我局收到{d.tip.channel}（案件编号 {d.caseNumber}），举报内容见附件四。
      </p>
      <h3>（三）调查经过及查明的事实</h3>
      {recs.inspections.length === 0 ? <p>（无现场检查记录）</p> : null}
      {recs.inspections.map((x, i) => (
        <section>
          <p>
            <strong>现场检查笔录{recs.inspections.length > 1 ? `（${i + 1}）` : ''}</strong>：{inspectedAt(x.inspectedAt)}，执法人员
            {x.officers.join('、')}在{x.place}进行现场检查。
          </p>
          <p>{x.findings}</p>
          {x.amountYuan || x.amountNote ? (
            <p>
              涉案金额：{x.amountYuan ? yuan(x.amountYuan) : ''}
              {x.amountNote ? `（${x.amountNote}）` : ''}
            </p>
          ) : null}
        </section>
      ))}
      <h3>（四）涉案金额</h3>
      <p>经初步估算，涉案货值金额约{yuan(d.amountYuan)}。</p>
      <h3>（五）涉嫌罪名及法律依据</h3>
      <p>涉嫌罪名：{d.offence}</p>
      <p>法律依据：{d.legalBasis}</p>
      <h3>（六）移送理由</h3>
      <p>{d.reasons}</p>
      <h3>（七）承办人员</h3>
      <p>{d.officers.join('、')}</p>
      <h3>（八）举报人身份</h3>
      <p>
        {d.identity
          ? `${d.identity.name}，${d.identity.phone}${d.identity.address ? `，${d.identity.address}` : ''}（经审批随案提供，理由：${d.identity.reason}；请依法保密）`
          : '依法保密，不随案移送。'}
      </p>

      <h2>二、涉案物品清单</h2>
      {recs.exhibits.length === 0 ? (
        <p>（无扣押、查封、抽样物品）</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">序号</th>
              <th scope="col">措施</th>
              <th scope="col">物品名称</th>
              <th scope="col">数量</th>
              <th scope="col">存放地点</th>
              <th scope="col">备注</th>
            </tr>
          </thead>
          <tbody>
            {recs.exhibits.map((x, i) => (
              <tr>
                <td data-h="序号">{i + 1}</td>
                <td data-h="措施">{x.kindZh}</td>
                <td data-h="物品名称">{x.item}</td>
                <td data-h="数量">{x.quantity}</td>
                <td data-h="存放地点">{x.keptAt}</td>
                <td data-h="备注">{x.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>证据材料（电子文件）</h3>
      {d.files.length === 0 ? <p>（无）</p> : <FilesTable files={d.files} />}

      <h2>三、检验报告或鉴定结论</h2>
      {recs.reports.length === 0 ? (
        <p>（尚无检验报告）</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">报告编号</th>
              <th scope="col">出具机构</th>
              <th scope="col">结论</th>
              <th scope="col">包内文件</th>
              <th scope="col">SHA-256 校验值</th>
            </tr>
          </thead>
          <tbody>
            {recs.reports.map((x) => {
              const f = d.reportFiles.get(x.id);
              return (
                <tr>
                  <td data-h="报告编号">{x.reportNo}</td>
                  <td data-h="出具机构">{x.issuer}</td>
                  <td data-h="结论">{x.conclusion ?? '见报告'}</td>
                  <td data-h="包内文件">
                    {f?.path ?? ''}（原文件名：{x.originalName}）
                  </td>
                  <td data-h="SHA-256">
                    <code>{x.sha256}</code>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}

      <h2>四、其他有关材料</h2>
      <h3>举报材料（{chineseDateTime(d.tip.receivedAt)}收到）</h3>
      <p class="tip">{d.tip.text}</p>
      <p>说明：举报材料系群众反映的线索，案件事实以上述调查报告为准。</p>
    </article>
  );
}

/**
 * The standalone letter page: referral.html in the package (styles inline), or the print page of the
 * police portal (`stylesheet`: a link, since the portal's CSP allows no inline styles).
 */
export function letterPage(d: Dossier, opts: { stylesheet?: string } = {}): string {
  const body = (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>涉嫌犯罪案件移送书 {d.docNumber ?? d.caseNumber}</title>
        {opts.stylesheet ? <link rel="stylesheet" href={opts.stylesheet} /> : <style dangerouslySetInnerHTML={{ __html: LETTER_CSS }} />}
      </head>
      <body>
        <DossierBody d={d} />
      </body>
    </html>
  );
  return `<!doctype html>\n${String(body)}`;
}
