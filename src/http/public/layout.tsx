// The page frame shared by every portal page: zh-CN, viewport for phones, our one stylesheet, a skip
// link, the site header with navigation and the footer. No scripts, no inline styles, nothing external.
import type { Child } from 'hono/jsx';
import { ICON, stylesheet } from './stylesheet.ts';

export const SITE_NAME = '食安通';
export const SITE_SUBTITLE = '新郑市食品安全投诉举报平台';

export type NavKey = 'home' | 'submit' | 'status' | 'results' | 'statistics' | null;

/** One navigation entry; the current page is marked for screen readers (aria-current). Shared with the back office. */
export function NavItem(props: { href: string; current: boolean; text: string }) {
  return (
    <li>
      <a href={props.href} aria-current={props.current ? 'page' : undefined}>
        {props.text}
      </a>
    </li>
  );
}

export function Layout(props: { title: string; nav: NavKey; children: Child }) {
  const item = (key: Exclude<NavKey, null>, href: string, text: string) => <NavItem href={href} current={props.nav === key} text={text} />;
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <meta name="format-detection" content="telephone=no" />
        <title>{`${props.title} · ${SITE_NAME}`}</title>
        <link rel="stylesheet" href={stylesheet().path} />
        <link rel="icon" href={ICON.path} type="image/svg+xml" />
      </head>
      <body>
        <a class="skip" href="#main">
          跳到主要内容
        </a>
        <header class="site-header">
          <div class="wrap">
            <a class="brand" href="/">
              {SITE_NAME} · 12315
              <small>{SITE_SUBTITLE}</small>
            </a>
            <nav class="site-nav" aria-label="主导航">
              <ul>
                {item('home', '/', '首页')}
                {item('submit', '/submit', '我要投诉举报')}
                {item('status', '/status', '查询办理进度')}
                {item('results', '/results', '处理结果公开')}
                {item('statistics', '/statistics', '统计数据')}
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" class="wrap" tabindex={-1}>
          {props.children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>新郑市市场监督管理局 · 全国投诉举报热线 12315（原 12331 食品药品投诉举报热线已并入）</p>
            <p>有人正在出现食物中毒症状，请先拨打 120 急救电话。</p>
          </div>
        </footer>
      </body>
    </html>
  );
}
