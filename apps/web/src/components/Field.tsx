/**
 * Form fields with the server's refusal beside each, and the refusals tied to no field: the words
 * come from `problems.ts`, in the interface's language.
 */
import {
  type FormHTMLAttributes,
  type InputHTMLAttributes,
  type RefObject,
  type TextareaHTMLAttributes,
  useEffect,
  useId,
  useRef,
} from 'react';
import { useI18n } from '../i18n.tsx';
import { type Refusal, refusal } from '../problems.ts';

/** A failed call's messages for a form showing `fields` (the server's names for them). */
export function useRefusal(error: unknown, fields: readonly string[] = []): Refusal {
  return refusal(useI18n().t, error, fields);
}

/**
 * A form's refusal: the messages beside its `fields`, and the focus sent to the first field refused,
 * which then reads out its message. Give `form` to the `ServerCheckedForm`.
 */
export function useFormRefusal(error: unknown, fields: readonly string[]) {
  const form = useRef<HTMLFormElement>(null);
  const problem = useRefusal(error, fields);
  useEffect(() => {
    if (!error || !problem.firstField) return;
    const field = form.current?.elements.namedItem(problem.firstField);
    if (field instanceof HTMLElement) field.focus();
  }, [error, problem.firstField]);
  return { form, problem };
}

/** A field's text in a submitted form. */
export const textOf = (data: FormData, name: string) => String(data.get(name) ?? '');

/** A form the server's rules judge (not the browser's): its values go to `onSubmit`. */
export function ServerCheckedForm({
  form,
  onSubmit,
  ...rest
}: { form: RefObject<HTMLFormElement | null>; onSubmit: (data: FormData) => void } & Omit<
  FormHTMLAttributes<HTMLFormElement>,
  'onSubmit'
>) {
  return (
    <form
      ref={form}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(new FormData(event.currentTarget));
      }}
      {...rest}
    />
  );
}

type FieldProps = {
  label: string;
  name: string;
  problem: string | undefined;
  hint?: string;
} & (
  | ({ multiline?: false } & InputHTMLAttributes<HTMLInputElement>)
  | ({ multiline: true } & TextareaHTMLAttributes<HTMLTextAreaElement>)
);

export function Field({ label, name, problem, hint, multiline, ...control }: FieldProps) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', `${id}-problem`].join(' ').trim();
  const common = { id, name, 'aria-invalid': Boolean(problem), 'aria-describedby': described };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {multiline ? (
        <textarea {...common} {...(control as TextareaHTMLAttributes<HTMLTextAreaElement>)} />
      ) : (
        <input {...common} {...(control as InputHTMLAttributes<HTMLInputElement>)} />
      )}
      <p id={`${id}-problem`} className="error field-problem">
        {problem}
      </p>
    </div>
  );
}

/** Messages tied to no field shown, announced as they appear. */
export function Alerts({ messages }: { messages: readonly string[] }) {
  return messages.map((message) => (
    <p key={message} role="alert" className="error">
      {message}
    </p>
  ));
}
