import { errorMessages, STAFF_PASSWORD_MIN_LENGTH } from '@motcua/core';
import { useHubClient } from '@motcua/client';
import { LanguageSwitch, useLanguage } from '@motcua/ui';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { FieldError } from './config/shared';
import { z } from './config/vietnameseZod';
import { adminVi, useAdminText } from './i18n/strings';

/** The new password twice, long enough; the message names the box to fix. */
export const changePasswordSchema = z
  .object({
    // Named as the inputs are (and as password managers know them).
    'current-password': z.string().min(1, adminVi('password.current.missing')),
    'new-password': z
      .string()
      .min(STAFF_PASSWORD_MIN_LENGTH, adminVi('password.next.short', { min: STAFF_PASSWORD_MIN_LENGTH })),
    'confirm-password': z.string(),
  })
  .refine((boxes) => boxes['new-password'] === boxes['confirm-password'], {
    path: ['confirm-password'],
    message: adminVi('password.confirm.mismatch'),
  });

/** After a one-time password (the first admin sign-in, or one an admin set): nothing else until a new one is set. */
export function ChangePassword({ displayName }: { displayName: string }) {
  const client = useHubClient();
  const { t } = useLanguage();
  const text = useAdminText();
  const [error, setError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<z.input<typeof changePasswordSchema>>({
    resolver: zodResolver(changePasswordSchema),
    defaultValues: { 'current-password': '', 'new-password': '', 'confirm-password': '' },
  });
  const submit = handleSubmit(async (boxes) => {
    setError(null);
    const reply = await client.changePassword(boxes['current-password'], boxes['new-password']);
    if (!reply.ok) setError(t(errorMessages[reply.code]));
  });
  const boxes = [
    { name: 'current-password', autoComplete: 'current-password', label: 'password.current' },
    { name: 'new-password', autoComplete: 'new-password', label: 'password.next' },
    { name: 'confirm-password', autoComplete: 'new-password', label: 'password.confirm' },
  ] as const;

  return (
    <div className="signin">
      <form className="signin-card" onSubmit={(e) => void submit(e)} data-testid="change-password" noValidate>
        <h1>{text('password.title')}</h1>
        <p className="muted">{text('password.explain', { name: displayName, min: STAFF_PASSWORD_MIN_LENGTH })}</p>
        {boxes.map((box) => (
          <label key={box.name}>
            {text(box.label)}
            <input
              {...register(box.name)}
              type="password"
              autoComplete={box.autoComplete}
              aria-invalid={errors[box.name] ? true : undefined}
            />
            <FieldError label={text(box.label)} error={errors[box.name]?.message} />
          </label>
        ))}
        {error && (
          <p className="form-error" role="alert" data-testid="change-password-error">
            {error}
          </p>
        )}
        <button className="btn btn-primary" type="submit" disabled={isSubmitting}>
          {text('password.save')}
        </button>
        <button className="btn" type="button" onClick={() => void client.signOut()}>
          {text('password.signOut')}
        </button>
        <div className="signin-lang">
          <LanguageSwitch />
        </div>
      </form>
    </div>
  );
}
