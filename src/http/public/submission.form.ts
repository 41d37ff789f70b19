// The web form ↔ the submission contract. The form is flat (one HTML control per field, named by the
// field's API path, e.g. `person.phone`); this module maps it onto the input of SubmissionSchema and
// validates it with the API's own parseSubmission, so the portal accepts exactly what the API accepts
// and reports errors under the same paths. Only the fields shown for the chosen kind are read.

import { SUBMISSION_KINDS, type SubmissionKind } from '../../cases/case.machine.ts';
import type { Submission } from '../../cases/submission.schema.ts';
import { AppError, type FieldError } from '../../lib/errors.ts';
import { parseSubmission } from '../parse.ts';

export const TEXT_FIELDS = [
  'description',
  'product',
  'incidentDate',
  'township',
  'place',
  'business.name',
  'business.address',
  'business.platform',
  'request',
  'person.name',
  'person.phone',
  'person.address',
  'person.idNumber',
  'rewardPassword',
] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/** `anonymous` is a radio (yes/no, or nothing chosen yet); the other two are checkboxes ("1"). */
export const CHOICE_FIELDS = ['anonymous', 'wantsReward', 'consentToPublish'] as const;
export type ChoiceField = (typeof CHOICE_FIELDS)[number];

export type FieldName = TextField | ChoiceField;
/** Error slots: every field, the two groups, the files, and `general` for anything else. */
export type ErrorSlot = FieldName | 'person' | 'business' | 'files' | 'general';

/** The honeypot: invisible to people (CSS, aria-hidden, no tab stop), tempting to form-filling robots. */
export const HONEYPOT_FIELD = 'website';

const CASE_FIELDS: readonly FieldName[] = [
  'description',
  'product',
  'incidentDate',
  'township',
  'place',
  'business.name',
  'business.address',
  'business.platform',
];

export const FIELDS_BY_KIND: Readonly<Record<SubmissionKind, readonly FieldName[]>> = {
  complaint: [...CASE_FIELDS, 'request', 'person.name', 'person.phone', 'person.address', 'consentToPublish'],
  report: [
    ...CASE_FIELDS,
    'anonymous',
    'person.name',
    'person.phone',
    'person.address',
    'person.idNumber',
    'wantsReward',
    'rewardPassword',
  ],
  both: [
    ...CASE_FIELDS,
    'request',
    'person.name',
    'person.phone',
    'person.address',
    'person.idNumber',
    'wantsReward',
    'rewardPassword',
    'consentToPublish',
  ],
  consultation: ['description'],
};

/** A consultation is just a question: no evidence files. */
export const FILES_BY_KIND: Readonly<Record<SubmissionKind, boolean>> = { complaint: true, report: true, both: true, consultation: false };

export type FormValues = Partial<Record<FieldName, string>>;

export interface ReadForm {
  kind: SubmissionKind;
  values: FormValues;
  files: File[];
  honeypot: string;
  token: unknown;
}

export function isSubmissionKind(v: unknown): v is SubmissionKind {
  return typeof v === 'string' && (SUBMISSION_KINDS as readonly string[]).includes(v);
}

const first = (v: unknown): unknown => (Array.isArray(v) ? v[0] : v);
const str = (v: unknown): string => {
  const x = first(v);
  return typeof x === 'string' ? x : '';
};

/** Reads a parsed multipart/urlencoded body. Returns null when the kind is missing or unknown. */
export function readForm(body: Record<string, unknown>, tokenField: string): ReadForm | null {
  const kind = first(body.kind);
  if (!isSubmissionKind(kind)) return null;
  const values: FormValues = {};
  for (const name of FIELDS_BY_KIND[kind]) values[name] = str(body[name]);
  const raw = body.files === undefined ? [] : Array.isArray(body.files) ? body.files : [body.files];
  // A file control left empty still sends one part with no name and no bytes.
  const files = FILES_BY_KIND[kind] ? raw.filter((f): f is File => f instanceof File && !(f.size === 0 && f.name === '')) : [];
  return { kind, values, files, honeypot: str(body[HONEYPOT_FIELD]), token: first(body[tokenField]) };
}

const present = (v: string | undefined): v is string => v !== undefined && v.trim() !== '';

/** The SubmissionSchema input for a form: blank controls are absent fields; a group with nothing typed is absent. */
export function toSubmissionInput(kind: SubmissionKind, values: FormValues): Record<string, unknown> {
  const shown = new Set(FIELDS_BY_KIND[kind]);
  const pick = (name: FieldName) => (shown.has(name) && present(values[name]) ? values[name] : undefined);
  const group = (prefix: 'person' | 'business', keys: readonly string[]) => {
    const out: Record<string, string> = {};
    for (const k of keys) {
      const v = pick(`${prefix}.${k}` as FieldName);
      if (v !== undefined) out[k] = v;
    }
    return Object.keys(out).length ? out : undefined;
  };
  const input: Record<string, unknown> = {
    kind,
    description: pick('description'),
    product: pick('product'),
    incidentDate: pick('incidentDate'),
    township: pick('township'),
    place: pick('place'),
    business: group('business', ['name', 'address', 'platform']),
    request: pick('request'),
    person: group('person', ['name', 'phone', 'address', 'idNumber']),
    rewardPassword: pick('rewardPassword'),
  };
  if (shown.has('anonymous')) input.anonymous = values.anonymous === 'yes';
  if (shown.has('wantsReward')) input.wantsReward = values.wantsReward === '1';
  if (shown.has('consentToPublish')) input.consentToPublish = values.consentToPublish === '1';
  for (const k of Object.keys(input)) if (input[k] === undefined) delete input[k];
  return input;
}

export type FormValidation = { ok: true; submission: Submission } | { ok: false; errors: FieldError[] };

/** Validates through the API's parseSubmission (SubmissionSchema): same rules, same paths, same words. */
export function validateForm(kind: SubmissionKind, values: FormValues): FormValidation {
  const input = toSubmissionInput(kind, values);
  // An anonymous reporter claims a reward with the query code and the claim password; on the web there is
  // no later moment to set it (the bot has 领奖密码), so asking for a reward without one is refused here.
  const extra: FieldError[] =
    input.anonymous === true && input.wantsReward === true && input.rewardPassword === undefined
      ? [{ path: 'rewardPassword', message: '匿名举报申请奖励需要设置领奖密码：领奖时凭案件编号、查询码和领奖密码' }]
      : [];
  try {
    const submission = parseSubmission(input);
    return extra.length ? { ok: false, errors: extra } : { ok: true, submission };
  } catch (e) {
    if (e instanceof AppError && e.code === 'VALIDATION') return { ok: false, errors: [...e.fields, ...extra] };
    throw e;
  }
}

export { type CheckedFile, checkEvidenceFiles as checkFormFiles } from '../../cases/evidence.store.ts';

/** Where an error with this API path is shown on the form of this kind. */
export function errorSlot(kind: SubmissionKind, path: string): ErrorSlot {
  if (path === 'files' || /^files\[\d+\]$/.test(path)) return FILES_BY_KIND[kind] ? 'files' : 'general';
  const shown = FIELDS_BY_KIND[kind] as readonly string[];
  if (shown.includes(path)) return path as FieldName;
  if (path === 'person' || path.startsWith('person.')) return shown.some((f) => f.startsWith('person.')) ? 'person' : 'general';
  if (path === 'business' || path.startsWith('business.')) return shown.some((f) => f.startsWith('business.')) ? 'business' : 'general';
  return 'general';
}

export type FormErrors = Map<ErrorSlot, string[]>;

export function groupErrors(kind: SubmissionKind, fields: readonly FieldError[]): FormErrors {
  const out: FormErrors = new Map();
  for (const f of fields) {
    const slot = errorSlot(kind, f.path);
    const list = out.get(slot) ?? [];
    if (!list.includes(f.message)) list.push(f.message);
    out.set(slot, list);
  }
  return out;
}

/** Stable element ids for a slot: the control (or group) and its error message. */
export const controlId = (slot: ErrorSlot): string => `f-${slot.replace('.', '-')}`;
export const errorId = (slot: ErrorSlot): string => `e-${slot.replace('.', '-')}`;
export const hintId = (slot: ErrorSlot): string => `h-${slot.replace('.', '-')}`;
