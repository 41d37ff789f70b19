// Evidence on the case page: shown inline to those who may see the case, with the sniffed type and a
// sandboxing CSP; never to another unit.
import { describe, expect, it } from 'vitest';
import { SubmissionSchema, SUBMISSION_EXAMPLES } from '../../src/cases/submission.schema.ts';
import { receiveCase as triageCase } from '../../src/workflow/processors/case-received.processor.ts';
import { PNG_1x1 } from '../helpers/files.ts';
import { UNIT_B, makeUser, signedIn, useBackoffice } from './helpers.ts';

const bo = useBackoffice();

describe('evidence in the back office', () => {
  it('is viewable inline by the handling unit and refused to another unit', async () => {
    const handler = await makeUser(bo, 'ev.handler', 'handler', 'station-lhu');
    await makeUser(bo, 'ev.other', 'handler', UNIT_B === 'station-lhu' ? 'station-xjl' : UNIT_B);
    const photo = await bo.t.deps.evidence.put(PNG_1x1, 'image/png');
    const r = await bo.t.deps.intake.submit({
      submission: SubmissionSchema.parse(SUBMISSION_EXAMPLES.anonymousReport.value),
      files: [photo],
      channel: 'api',
      actor: { role: 'citizen', id: null },
      idempotencyKey: null,
    });
    const c = await bo.t.db.selectFrom('intake_case').select('id').where('number', '=', r.cases[0]!.number).executeTakeFirstOrThrow();
    await triageCase(bo.t.deps, c.id);
    expect(
      (await bo.t.db.selectFrom('intake_case').select('assignee_id').where('id', '=', c.id).executeTakeFirstOrThrow()).assignee_id,
    ).toBe(handler);

    const client = await signedIn(bo, 'ev.handler');
    await client.get(`/staff/cases/${c.id}`);
    const src = /<img src="([^"]+)"/.exec(client.lastHtml)?.[1];
    expect(src).toMatch(new RegExp(`^/staff/cases/${c.id}/evidence/`));
    const res = await client.get(src!);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-security-policy')).toContain('sandbox');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(PNG_1x1);

    const other = await signedIn(bo, 'ev.other');
    expect((await other.get(src!)).status).toBe(403);
  });
});
