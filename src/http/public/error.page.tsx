// A plain page for errors that cannot be shown next to a field (rate limit, oversized upload, unknown
// page, internal error). Never shows internal text; shows the request id so a citizen can quote it.
import { Layout } from './layout.tsx';

export function ErrorPage(props: { title: string; message: string; back: { href: string; text: string }; requestId?: string }) {
  return (
    <Layout title={props.title} nav={null}>
      <h1>{props.title}</h1>
      <div role="alert">
        <p class="lead">{props.message}</p>
      </div>
      <div class="actions">
        <a class="button" href={props.back.href}>
          {props.back.text}
        </a>
      </div>
      {props.requestId ? <p class="hint">如需帮助，请拨打 12315 并提供请求编号：{props.requestId}</p> : null}
    </Layout>
  );
}
