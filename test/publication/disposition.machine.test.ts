// The publication record's state machine against a table written from the publication workflow
// (README "Publication and statistics"), not from the machine's own table.
import { describe, expect, it } from 'vitest';
import {
  DISPOSITION_STATUSES,
  DISPOSITION_STEPS,
  type DispositionStatus,
  type DispositionStep,
  dispositionTransition,
} from '../../src/publication/disposition.machine.ts';

const WORKFLOW: Record<DispositionStatus | 'none', Partial<Record<DispositionStep, DispositionStatus>>> = {
  none: { create: 'draft' }, // a decision drafts its record
  draft: { edit: 'draft', approve: 'published', withdraw: 'withdrawn' }, // reviewed, then approved (published at once) or withdrawn
  approved: { approve: 'published', withdraw: 'withdrawn' },
  published: { correct: 'published', withdraw: 'withdrawn', end: 'published' }, // corrected or withdrawn with a reason; ended early (Order 45 Art. 14)
  withdrawn: {}, // final
};

describe('publication record state machine', () => {
  for (const from of [null, ...DISPOSITION_STATUSES] as const) {
    for (const step of DISPOSITION_STEPS) {
      const expected = WORKFLOW[from ?? 'none'][step];
      it(`${from ?? '(none)'} --${step}--> ${expected ?? 'refused'}`, () => {
        const r = dispositionTransition(from, step);
        expect(r.ok ? r.to : 'refused').toBe(expected ?? 'refused');
      });
    }
  }

  it('refuses with the words staff see', () => {
    expect(dispositionTransition('published', 'edit')).toEqual({ ok: false, message: '只能修改草稿；已公开的记录请使用更正' });
    expect(dispositionTransition('withdrawn', 'withdraw')).toEqual({ ok: false, message: '该记录已撤回' });
  });
});
