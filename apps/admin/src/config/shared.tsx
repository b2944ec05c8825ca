import { errorMessages, printerAddressMessages, type CommandInput, type PrinterAddressRefusal } from '@motcua/core';
import { useHubClient } from '@motcua/client';
import { useEffect, useState, type ReactNode } from 'react';
import type { ZodType } from 'zod';
import { adminVi, useAdminText } from '../i18n/strings';

export type Feedback = { ok: boolean; text: string } | null;

/** A confirmation stays this long; an error stays until the admin acts, so it can be read and fixed. */
export const CONFIRMATION_MS = 5000;

/** Validates with core's schema, sends the command, and says what happened in Vietnamese. */
export function useSender() {
  const client = useHubClient();
  const [feedback, setFeedback] = useState<Feedback>(null);
  useEffect(() => {
    if (!feedback?.ok) return;
    const timer = setTimeout(() => setFeedback(null), CONFIRMATION_MS);
    return () => clearTimeout(timer);
  }, [feedback]);
  const send = async <T,>(schema: ZodType<T> | null, value: unknown, command: (v: T) => CommandInput, done: string) => {
    let checked = value as T;
    if (schema) {
      const parsed = schema.safeParse(value);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        // A refused printer address names its field itself ("Địa chỉ máy in: …"), not as `transportUrl`.
        const named = issue?.code === 'custom' ? printerAddressText(issue.params?.refusal) : null;
        setFeedback({
          ok: false,
          text: named ?? adminVi('form.invalid', { path: issue?.path.join('.') ?? '', message: issue?.message ?? '' }),
        });
        return false;
      }
      checked = parsed.data;
    }
    const reply = await client.send(command(checked));
    setFeedback(reply.ok ? { ok: true, text: done } : { ok: false, text: refusalText(reply) });
    return reply.ok;
  };
  return { send, feedback, setFeedback };
}

/** The hub's reason in the admin's words: a refused printer address names the rule, others their code. */
function refusalText(reply: { code: keyof typeof errorMessages; details?: Record<string, unknown> }): string {
  return printerAddressText(reply.details?.refusal) ?? errorMessages[reply.code].vi;
}

/** Core's message for a refused printer address; it starts with the field's name. */
function printerAddressText(refusal: unknown): string | null {
  return typeof refusal === 'string' && refusal in printerAddressMessages
    ? printerAddressMessages[refusal as PrinterAddressRefusal].vi
    : null;
}

/**
 * react-hook-form's `onInvalid` for every admin form: brings the first error under its box into view (a form can
 * be taller than the screen, and a box drawn by a picker or a list has no input for react-hook-form to focus).
 */
export function showFirstError(form: HTMLFormElement | null) {
  // After React has drawn the errors.
  requestAnimationFrame(() => form?.querySelector('[data-testid="field-error"]')?.scrollIntoView({ block: 'center' }));
}

export function FeedbackLine({ feedback }: { feedback: Feedback }) {
  if (!feedback) return null;
  return (
    <p
      className={feedback.ok ? 'notice' : 'form-error'}
      role={feedback.ok ? 'status' : 'alert'}
      data-testid="config-feedback"
    >
      {feedback.text}
    </p>
  );
}

export function Field({
  label,
  children,
  wide,
  error,
}: {
  label: string;
  children: ReactNode;
  wide?: boolean;
  /** The rule the value breaks; shown under the box, naming it. */
  error?: string | undefined;
}) {
  return (
    <label className={wide ? 'field wide' : 'field'}>
      <span>{label}</span>
      {children}
      <FieldError label={label} error={error} />
    </label>
  );
}

/** "Giờ làm việc: …" under a box, or nothing; the label first, so the admin reads which box to fix. */
export function FieldError({ label, error }: { label: string; error?: string | undefined }) {
  if (!error) return null;
  // Core's refusals of an address are whole sentences that already start with the box's name.
  return (
    <span className="field-error" role="alert" data-testid="field-error">
      {error.startsWith(label) ? error : `${label}: ${error}`}
    </span>
  );
}

/** Save and cancel under an edit form. */
export function FormActions({ saveLabel, onCancel, testId }: { saveLabel: string; onCancel(): void; testId?: string }) {
  const text = useAdminText();
  return (
    <div className="form-actions">
      <button className="btn btn-primary" type="submit" data-testid={testId}>
        {saveLabel}
      </button>
      <button className="btn" type="button" onClick={onCancel}>
        {text('form.cancel')}
      </button>
    </div>
  );
}
