// Form controls with their label, hint and error in one place. Every control has a <label> (or a
// <legend> for a group); its hint and error are tied to it with aria-describedby and the error also
// sets aria-invalid. The error summary at the top is role=alert and links to each control.
import type { Child } from 'hono/jsx';
import {
  type ErrorSlot,
  type FieldName,
  type FormErrors,
  type FormValues,
  HONEYPOT_FIELD,
  controlId,
  errorId,
  hintId,
} from './submission.form.ts';

export interface FormState {
  values: FormValues;
  errors: FormErrors;
}

const ids = (...xs: (string | false | undefined)[]): string | undefined => {
  const s = xs.filter(Boolean).join(' ');
  return s || undefined;
};

function Hint(props: { slot: ErrorSlot; text: Child | undefined }) {
  return props.text ? (
    <p class="hint" id={hintId(props.slot)}>
      {props.text}
    </p>
  ) : null;
}

export function ErrorText(props: { slot: ErrorSlot; messages: string[] | undefined }) {
  if (!props.messages?.length) return null;
  return (
    <div class="error-message" id={errorId(props.slot)}>
      {props.messages.map((m) => (
        <p>
          <span class="visually-hidden">错误：</span>
          {m}
        </p>
      ))}
    </div>
  );
}

/** aria-describedby and aria-invalid for a control. */
function aria(state: FormState, slot: ErrorSlot, hasHint: boolean) {
  const err = state.errors.get(slot)?.length ? errorId(slot) : undefined;
  return { 'aria-describedby': ids(hasHint && hintId(slot), err), 'aria-invalid': err ? 'true' : undefined };
}

const Required = (props: { on: boolean | undefined }) => (props.on ? <span class="req">（必填）</span> : <span class="req">（选填）</span>);

interface BaseProps {
  state: FormState;
  name: FieldName;
  label: string;
  hint?: Child;
  required?: boolean;
}

export function TextField(
  props: BaseProps & {
    /** A password is never written back into the page. */
    type?: 'text' | 'tel' | 'date' | 'password';
    autocomplete?: string;
    inputmode?: 'text' | 'tel' | 'numeric';
    max?: string;
    maxlength?: number;
    class?: string;
  },
) {
  const { state, name } = props;
  const err = state.errors.get(name);
  return (
    <div class={err ? 'field field-error' : 'field'}>
      <label for={controlId(name)}>
        {props.label}
        <Required on={props.required} />
      </label>
      <Hint slot={name} text={props.hint} />
      <ErrorText slot={name} messages={err} />
      <input
        type={props.type ?? 'text'}
        id={controlId(name)}
        name={name}
        value={props.type === 'password' ? '' : (state.values[name] ?? '')}
        autocomplete={props.autocomplete}
        inputmode={props.inputmode}
        max={props.max}
        maxlength={props.maxlength}
        class={props.class}
        aria-required={props.required ? 'true' : undefined}
        {...aria(state, name, !!props.hint)}
      />
    </div>
  );
}

export function TextArea(props: BaseProps & { rows?: number; maxlength?: number }) {
  const { state, name } = props;
  const err = state.errors.get(name);
  return (
    <div class={err ? 'field field-error' : 'field'}>
      <label for={controlId(name)}>
        {props.label}
        <Required on={props.required} />
      </label>
      <Hint slot={name} text={props.hint} />
      <ErrorText slot={name} messages={err} />
      <textarea
        id={controlId(name)}
        name={name}
        rows={props.rows ?? 6}
        maxlength={props.maxlength}
        aria-required={props.required ? 'true' : undefined}
        {...aria(state, name, !!props.hint)}
      >
        {state.values[name] ?? ''}
      </textarea>
    </div>
  );
}

export function SelectField(props: BaseProps & { options: readonly string[]; emptyLabel: string }) {
  const { state, name } = props;
  const err = state.errors.get(name);
  const current = state.values[name] ?? '';
  return (
    <div class={err ? 'field field-error' : 'field'}>
      <label for={controlId(name)}>
        {props.label}
        <Required on={props.required} />
      </label>
      <Hint slot={name} text={props.hint} />
      <ErrorText slot={name} messages={err} />
      <select id={controlId(name)} name={name} {...aria(state, name, !!props.hint)}>
        <option value="">{props.emptyLabel}</option>
        {props.options.map((o) => (
          <option value={o} selected={o === current}>
            {o}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Checkbox(props: BaseProps) {
  const { state, name } = props;
  const err = state.errors.get(name);
  return (
    <div class={err ? 'field field-error' : 'field'}>
      <ErrorText slot={name} messages={err} />
      <div class="choice">
        <input
          type="checkbox"
          id={controlId(name)}
          name={name}
          value="1"
          checked={state.values[name] === '1'}
          {...aria(state, name, !!props.hint)}
        />
        <label for={controlId(name)}>{props.label}</label>
      </div>
      <Hint slot={name} text={props.hint} />
    </div>
  );
}

export function RadioGroup(props: BaseProps & { options: { value: string; label: string }[] }) {
  const { state, name } = props;
  const err = state.errors.get(name);
  return (
    <fieldset id={controlId(name)} tabindex={-1} class={err ? 'field field-error' : 'field'} {...aria(state, name, !!props.hint)}>
      <legend>
        {props.label}
        <Required on={props.required} />
      </legend>
      <Hint slot={name} text={props.hint} />
      <ErrorText slot={name} messages={err} />
      {props.options.map((o) => {
        const id = `${controlId(name)}-${o.value}`;
        return (
          <div class="choice">
            <input type="radio" id={id} name={name} value={o.value} checked={state.values[name] === o.value} />
            <label for={id}>{o.label}</label>
          </div>
        );
      })}
    </fieldset>
  );
}

/** A group of fields (the person, the business) that can carry an error of its own. */
export function Group(props: { state: FormState; slot: 'person' | 'business'; legend: string; hint?: Child; children: Child }) {
  const { state, slot } = props;
  const err = state.errors.get(slot);
  return (
    <fieldset id={controlId(slot)} tabindex={-1} class={err ? 'group field-error' : 'group'} {...aria(state, slot, !!props.hint)}>
      <legend>{props.legend}</legend>
      <Hint slot={slot} text={props.hint} />
      <ErrorText slot={slot} messages={err} />
      {props.children}
    </fieldset>
  );
}

export function FileField(props: { state: FormState; label: string; hint: Child; accept: string; dropped: number }) {
  const slot = 'files';
  const err = props.state.errors.get(slot);
  return (
    <div class={err ? 'field field-error' : 'field'}>
      <label for={controlId(slot)}>
        {props.label}
        <Required on={false} />
      </label>
      <Hint slot={slot} text={props.hint} />
      <ErrorText slot={slot} messages={err} />
      {props.dropped > 0 ? (
        <p class="warning" id="files-dropped">
          您刚才选择的{props.dropped}个文件没有保留（为安全起见，文件不会被暂存），请重新选择后再提交。其他填写的内容都已保留。
        </p>
      ) : null}
      <input
        type="file"
        id={controlId(slot)}
        name="files"
        multiple
        accept={props.accept}
        aria-describedby={ids(hintId(slot), err?.length ? errorId(slot) : undefined, props.dropped > 0 && 'files-dropped')}
        aria-invalid={err ? 'true' : undefined}
      />
    </div>
  );
}

/** Hidden from people; shown, with an explanation, only if something filled it. */
export function Honeypot(props: { value: string; flagged: boolean }) {
  const id = `f-${HONEYPOT_FIELD}`;
  if (props.flagged) {
    return (
      <div class="field field-error">
        <label for={id}>防垃圾检查栏（请勿填写）</label>
        <div class="error-message" id={`e-${HONEYPOT_FIELD}`}>
          <p>这一栏是给自动程序的陷阱，正常填写时看不到。请清空后再提交。</p>
        </div>
        <input
          type="text"
          id={id}
          name={HONEYPOT_FIELD}
          value={props.value}
          autocomplete="off"
          aria-invalid="true"
          aria-describedby={`e-${HONEYPOT_FIELD}`}
        />
      </div>
    );
  }
  return (
    <div class="hp" aria-hidden="true">
      <label for={id}>请勿填写此栏</label>
      <input type="text" id={id} name={HONEYPOT_FIELD} value="" autocomplete="off" tabindex={-1} />
    </div>
  );
}

export function ErrorSummary(props: { items: { slot: ErrorSlot; message: string }[] }) {
  if (!props.items.length) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1} autofocus>
      <h2 id="error-summary-title">提交没有成功，请修改以下{props.items.length}处后再提交</h2>
      <ul>
        {props.items.map((i) => (
          <li>{i.slot === 'general' ? i.message : <a href={`#${controlId(i.slot)}`}>{i.message}</a>}</li>
        ))}
      </ul>
    </div>
  );
}

export function CsrfField(props: { name: string; token: string }) {
  return <input type="hidden" name={props.name} value={props.token} />;
}
