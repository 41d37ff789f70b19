// The SMS port (issue #14.1): the HTTP-webhook adapter against a local fake gateway, the notice.sms job
// (ids only in the payload; the phone goes to the gateway and nowhere else), the duty and its clock done
// when the gateway accepts, retried when it does not, and SMS off by default.
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/cases/case.machine.ts';
import { applyTransition } from '../../src/cases/case.repository.ts';
import { SUBMISSION_EXAMPLES, SubmissionSchema } from '../../src/cases/submission.schema.ts';
import { invalidateClockContext } from '../../src/deadlines/clock.service.ts';
import { ManualClock } from '../../src/lib/clock.ts';
import { sendSmsNotice } from '../../src/notices/sms-notice.ts';
import { SmsError, WebhookSmsGateway } from '../../src/notices/sms.ts';
import { type TestDeps, testDeps } from '../helpers/env.ts';

const cst = (s: string) => new Date(`${s}+08:00`);
const clock = new ManualClock(cst('2026-11-02T10:00:00'));
const SYSTEM: Actor = { role: 'system', id: null };
const HANDLER: Actor = { role: 'handler', id: 'h-1' };

/** A fake city gateway on loopback: records what it got, answers with `status` (or never, when hang). */
let server: Server;
let url = '';
let status = 200;
let hang = false;
const received: { auth: string | undefined; body: { to: string; text: string } }[] = [];

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let data = '';
    req.on('data', (c) => {
      data += String(c);
    });
    req.on('end', () => {
      received.push({ auth: req.headers.authorization, body: JSON.parse(data) as { to: string; text: string } });
      if (hang) return;
      res.writeHead(status, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  invalidateClockContext();
});

async function refusedComplaint(t: TestDeps) {
  const r = await t.deps.intake.submit({
    submission: SubmissionSchema.parse(SUBMISSION_EXAMPLES.complaint.value),
    files: [],
    channel: 'api',
    actor: { role: 'citizen', id: null },
    idempotencyKey: null,
  });
  const c = await t.db
    .selectFrom('intake_case')
    .select(['id', 'number'])
    .where('number', '=', r.cases[0]!.number)
    .executeTakeFirstOrThrow();
  await applyTransition(t.db, c.id, { type: 'triage' }, SYSTEM, clock.now(), { patch: { unit_id: 'station-xjl' } });
  await applyTransition(t.db, c.id, { type: 'assign', data: { assigneeId: 'h-1' } }, SYSTEM, clock.now());
  await applyTransition(t.db, c.id, { type: 'refuse', reason: '不属于本部门', data: { ground: 'not_competent' } }, HANDLER, clock.now());
  const duty = await t.db.selectFrom('notice_duty').selectAll().where('case_id', '=', c.id).executeTakeFirstOrThrow();
  const jobs = await t.db
    .selectFrom('outbox')
    .select(['name', 'payload'])
    .where('case_id', '=', c.id)
    .where('name', '=', 'notice.sms')
    .execute();
  return { c, duty, jobs };
}

const d1Of = (t: TestDeps, caseId: string) =>
  t.db
    .selectFrom('case_clock')
    .select(['status', 'stop_event'])
    .where('case_id', '=', caseId)
    .where('clock', '=', 'D1')
    .executeTakeFirstOrThrow();

describe('SMS notices', () => {
  it('are off by default: no job, nothing sent', async () => {
    const t = await testDeps({ clock });
    try {
      expect(t.deps.sms).toBeUndefined();
      const { duty, jobs } = await refusedComplaint(t);
      expect(jobs).toEqual([]);
      expect(await sendSmsNotice(t.deps, duty.id)).toEqual({ sent: false, detail: 'sms off' });
      expect(received).toEqual([]);
    } finally {
      await t.close();
    }
  });

  it('through the gateway webhook: ids only in the job, the phone only to the gateway; accepted = delivered, D1 stops', async () => {
    const t = await testDeps({ clock, overrides: { SMS_WEBHOOK_URL: url, SMS_WEBHOOK_TOKEN: 'city-gateway-token' } });
    try {
      const { c, duty, jobs } = await refusedComplaint(t);
      expect(jobs.map((j) => JSON.parse(j.payload))).toEqual([{ dutyId: duty.id }]);
      expect(JSON.stringify(jobs)).not.toContain('13812345678');

      // The gateway fails: the job fails (the queue retries), the duty and D1 stay open.
      status = 503;
      await expect(sendSmsNotice(t.deps, duty.id)).rejects.toBeInstanceOf(SmsError);
      await expect(sendSmsNotice(t.deps, duty.id)).rejects.not.toThrow(/138/);
      expect((await d1Of(t, c.id)).status).toBe('running');

      status = 200;
      clock.set(cst('2026-11-03T09:00:00'));
      expect(await sendSmsNotice(t.deps, duty.id)).toEqual({ sent: true, detail: 'sent' });
      const last = received[received.length - 1]!;
      expect(last.auth).toBe('Bearer city-gateway-token');
      expect(last.body.to).toBe('13812345678');
      expect(last.body.text).toContain(c.number);
      expect(last.body.text).toContain('不属于本部门职责范围'); // the Art. 16 ground
      expect(await t.db.selectFrom('notice_duty').select(['status', 'channel']).where('id', '=', duty.id).executeTakeFirst()).toEqual({
        status: 'delivered',
        channel: 'sms',
      });
      expect(await d1Of(t, c.id)).toEqual({ status: 'stopped', stop_event: 'notice_given' });
      // Done once: a re-delivered job sends nothing.
      const n = received.length;
      expect(await sendSmsNotice(t.deps, duty.id)).toEqual({ sent: false, detail: 'notice already delivered' });
      expect(received.length).toBe(n);
    } finally {
      await t.close();
    }
  });

  it('the adapter times out instead of hanging', async () => {
    hang = true;
    try {
      const gw = new WebhookSmsGateway({ url, timeoutMs: 200 });
      await expect(gw.send('13800000000', '测试')).rejects.toThrow('SMS gateway timed out');
    } finally {
      hang = false;
    }
  });
});
