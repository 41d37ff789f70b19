// Back office, area "intake": an intake clerk enters a phone call, letter or visit with its real receipt
// time (issue #14.7; src/cases/staff-intake.service.ts validates, files and audits it).
import { Hono } from 'hono';
import { fileStaffIntake } from '../../cases/staff-intake.service.ts';
import type { Deps } from '../../deps.ts';
import { formatCst } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import type { BoEnv, RouteRule } from './guard.ts';
import { StaffIntakePage } from './intake.page.tsx';
import { kitFor, messagesOf, render, str } from './kit.tsx';

export const INTAKE_ROUTES = [
  { method: 'GET', path: '/intake', access: ['intake_clerk'] },
  { method: 'POST', path: '/intake', access: ['intake_clerk'] },
] as const satisfies readonly RouteRule[];

const FIELDS = [
  'way',
  'receivedAt',
  'kind',
  'description',
  'businessName',
  'businessAddress',
  'township',
  'request',
  'name',
  'phone',
  'address',
  'anonymous',
  'agentName',
  'agentPhone',
  'agentAddress',
  'authorisation',
  'coComplainants',
] as const;

/** The form's flat fields as the service's input (empty fields left out, so the schema names what is missing). */
export function intakeInput(v: Record<string, string>): Record<string, unknown> {
  const t = (k: string) => (v[k] ?? '').trim();
  const opt = <T,>(k: string, f: (s: string) => T) => (t(k) ? f(t(k)) : undefined);
  const anonymous = v.anonymous === 'on';
  const person =
    t('name') || t('phone') || t('address')
      ? { name: t('name'), phone: t('phone'), ...(t('address') ? { address: t('address') } : {}) }
      : undefined;
  const business =
    t('businessName') || t('businessAddress')
      ? { ...(t('businessName') ? { name: t('businessName') } : {}), ...(t('businessAddress') ? { address: t('businessAddress') } : {}) }
      : undefined;
  const co = t('coComplainants')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [name = '', phone = '', ...rest] = l.split(/[,，、]/).map((x) => x.trim());
      return { name, phone, ...(rest.join('，') ? { address: rest.join('，') } : {}) };
    });
  const agent =
    t('agentName') || t('agentPhone') || t('authorisation')
      ? {
          person: { name: t('agentName'), phone: t('agentPhone'), ...(t('agentAddress') ? { address: t('agentAddress') } : {}) },
          authorisation: t('authorisation'),
        }
      : undefined;
  return {
    way: opt('way', (s) => s),
    receivedAt: t('receivedAt'),
    submission: {
      kind: opt('kind', (s) => s),
      description: t('description'),
      ...(business ? { business } : {}),
      ...(t('township') ? { township: t('township') } : {}),
      ...(t('request') ? { request: t('request') } : {}),
      ...(person && !anonymous ? { person } : {}),
      anonymous,
    },
    ...(agent ? { agent } : {}),
    ...(co.length ? { coComplainants: co } : {}),
  };
}

export function intakeRoutes(deps: Deps) {
  const app = new Hono<BoEnv>();
  const { rule, token, body } = kitFor(deps, INTAKE_ROUTES);
  app.get('/intake', rule('GET', '/intake'), (c) =>
    render(c, <StaffIntakePage user={c.get('session').user} token={token(c)} errors={[]} values={{}} done={null} />),
  );
  app.post('/intake', rule('POST', '/intake'), async (c) => {
    const b = await body(c);
    const values: Record<string, string> = Object.fromEntries(FIELDS.map((f) => [f, str(b[f])]));
    try {
      const r = await fileStaffIntake(deps, intakeInput(values), c.get('actor'));
      const done = { numbers: r.cases.map((k) => k.number), queryCode: r.queryCode, receivedAt: formatCst(new Date(r.receivedAt)) };
      c.header('Cache-Control', 'no-store');
      return render(c, <StaffIntakePage user={c.get('session').user} token={token(c)} errors={[]} values={{}} done={done} />, 201);
    } catch (e) {
      if (e instanceof AppError && e.code === 'VALIDATION')
        return render(
          c,
          <StaffIntakePage user={c.get('session').user} token={token(c)} errors={messagesOf(e)} values={values} done={null} />,
          422,
        );
      throw e;
    }
  });
  return app;
}
