// The publication record's own state machine. Pure: imports nothing. A record is drafted when a decision
// is recorded, edited while a draft, approved by a supervisor or admin (which publishes it), corrected
// while published, and withdrawn (draft or published) with the reason kept. The disposition service
// writes the status this machine returns, never one of its own.
//
//   (none) ──create──▶ draft ──approve──▶ published ──correct──▶ published
//                      edit ↺                │
//                        └────withdraw────▶ withdrawn ◀──withdraw──┘
//   published ──end──▶ published, out of the public lists (Order 45 Art. 14: ended early after credit repair)
// ('approved' is a status the table knows but no step produces: approval publishes at once.)

export const DISPOSITION_STATUSES = ['draft', 'approved', 'published', 'withdrawn'] as const;
export type DispositionStatus = (typeof DISPOSITION_STATUSES)[number];

export const DISPOSITION_STEPS = ['create', 'edit', 'approve', 'correct', 'withdraw', 'end'] as const;
export type DispositionStep = (typeof DISPOSITION_STEPS)[number];

interface StepDef {
  from: readonly (DispositionStatus | null)[];
  /** null: the status stays (the texts change). */
  to: DispositionStatus | null;
  /** Why the step is refused from any other status (shown to staff). */
  refusal: string;
}

export const DISPOSITION_TRANSITIONS: Readonly<Record<DispositionStep, StepDef>> = {
  create: { from: [null], to: 'draft', refusal: '该案件已有公开记录' },
  edit: { from: ['draft'], to: null, refusal: '只能修改草稿；已公开的记录请使用更正' },
  approve: { from: ['draft', 'approved'], to: 'published', refusal: '该记录不是待审核的草稿' },
  correct: { from: ['published'], to: null, refusal: '只能更正已公开的记录' },
  withdraw: { from: ['draft', 'approved', 'published'], to: 'withdrawn', refusal: '该记录已撤回' },
  end: { from: ['published'], to: null, refusal: '只能提前结束已公开记录的公示' },
};

export type DispositionTransition = { ok: true; to: DispositionStatus } | { ok: false; message: string };

export function dispositionTransition(status: DispositionStatus | null, step: DispositionStep): DispositionTransition {
  const def = DISPOSITION_TRANSITIONS[step];
  if (!def.from.includes(status)) return { ok: false, message: def.refusal };
  const to = def.to ?? status;
  return to === null ? { ok: false, message: def.refusal } : { ok: true, to };
}
