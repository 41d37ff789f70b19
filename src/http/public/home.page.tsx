// The home page: what can be reported, what happens next, the legal time limits, anonymity and rewards.
import { Layout } from './layout.tsx';
import { ANONYMITY_LINES, KIND_INFO, KIND_ORDER, REWARD_LINES, timeLimitLines } from './portal.content.ts';

export function HomePage() {
  return (
    <Layout title="首页" nav="home">
      <h1>食品安全投诉举报</h1>
      <p class="lead">
        买到问题食品、吃饭遇到卫生问题，或发现制售假冒伪劣、有毒有害食品的线索，都可以在这里向新郑市市场监督管理局投诉、举报或咨询。不需要安装任何软件，也不需要注册。
      </p>
      <p class="urgent">
        <strong>紧急情况：</strong>有人正在出现呕吐、腹泻等食物中毒症状的，请先拨打 120；涉及正在发生的违法犯罪，请拨打 110。
      </p>
      <div class="actions">
        <a class="button" href="/submit">
          我要投诉举报
        </a>
        <a class="button secondary" href="/status">
          查询办理进度
        </a>
      </div>

      <h2>可以反映哪些问题</h2>
      <ul class="cards two">
        {KIND_ORDER.map((k) => (
          <li class="card">
            <h3>
              <a href={`/submit/${k}`}>{KIND_INFO[k].title}</a>
            </h3>
            <p>{KIND_INFO[k].what}</p>
            <p class="hint">{KIND_INFO[k].examples}</p>
          </li>
        ))}
      </ul>
      <p>
        食品生产、销售、餐饮（含学校食堂、外卖和网店）、保健食品、婴幼儿配方食品等都属于市场监管部门的职责。种植养殖环节使用农药兽药、医疗问题等不属于本部门职责的，我们会移送有关主管部门，并告知您。
      </p>

      <h2>提交以后会怎样</h2>
      <ol>
        <li>提交后立即得到案件编号和查询码。查询码只显示一次，请务必保存。</li>
        <li>系统自动分类，分派到事发地的市场监管所办理。</li>
        <li>办理人员按下面的法定时限处理，需要时会联系您。</li>
        <li>您可以随时用案件编号和查询码查询办理进度。</li>
        <li>涉嫌犯罪的线索依法移送公安机关；行政处罚结果去掉个人信息后依法公开。</li>
      </ol>

      <h2>办理时限</h2>
      <ul>
        {timeLimitLines().map((l) => (
          <li>{l}</li>
        ))}
      </ul>

      <h2>匿名与个人信息</h2>
      <ul>
        {ANONYMITY_LINES.map((l) => (
          <li>{l}</li>
        ))}
      </ul>

      <h2 id="reward">举报奖励</h2>
      <ul>
        {REWARD_LINES.map((l) => (
          <li>{l}</li>
        ))}
      </ul>
    </Layout>
  );
}
