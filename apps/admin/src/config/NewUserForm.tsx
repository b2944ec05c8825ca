import { userSchema, type QueueState, type User } from '@motcua/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { adminVi, useAdminText } from '../i18n/strings';
import { Field } from './shared';
import { z } from './vietnameseZod';

/** Each role's name in the catalogue. */
export const ROLE_KEYS = { admin: 'role.admin', supervisor: 'role.supervisor', clerk: 'role.clerk' } as const;

/** A new account: core's user rules, with the user name checked against the accounts there are. */
export function newUserFormSchema(state: QueueState) {
  return z
    .object({
      displayName: z.string().trim().min(1, adminVi('users.displayName.missing')).max(120),
      username: z
        .string()
        .trim()
        .min(2)
        .max(40)
        .regex(/^[a-z0-9_.-]+$/, adminVi('users.username.pattern')),
      role: userSchema.shape.role,
    })
    .superRefine(({ username }, ctx) => {
      const taken = Object.values(state.config.users).find((u) => u.username === username || u.id === username);
      if (taken) {
        ctx.addIssue({
          code: 'custom',
          path: ['username'],
          message: adminVi('users.username.taken', { name: taken.displayName }),
        });
      }
    })
    .transform(({ displayName, username, role }): User => ({
      id: username,
      username,
      displayName,
      role,
      disabled: false,
    }));
}
type NewUserSchema = ReturnType<typeof newUserFormSchema>;

export function NewUserForm({ state, onSave }: { state: QueueState; onSave(user: User): Promise<boolean> }) {
  const text = useAdminText();
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors },
  } = useForm<z.input<NewUserSchema>, unknown, User>({
    resolver: zodResolver(newUserFormSchema(state)),
    defaultValues: { displayName: '', username: '', role: 'clerk' },
  });
  const submit = handleSubmit(async (user) => {
    if (await onSave(user)) reset();
  });
  return (
    <form className="card form-grid" onSubmit={(e) => void submit(e)} data-testid="user-form" noValidate>
      <h2 className="wide">{text('users.add.title')}</h2>
      <Field label={text('users.displayName')} error={errors.displayName?.message}>
        <input {...register('displayName')} />
      </Field>
      <Field label={text('users.username.hint')} error={errors.username?.message}>
        <input {...register('username', { setValueAs: (v: string) => v.toLowerCase() })} autoComplete="off" />
      </Field>
      <Field label={text('users.role')} error={errors.role?.message}>
        <select {...register('role')}>
          <option value="clerk">{text(ROLE_KEYS.clerk)}</option>
          <option value="supervisor">{text(ROLE_KEYS.supervisor)}</option>
          <option value="admin">{text(ROLE_KEYS.admin)}</option>
        </select>
      </Field>
      <div className="form-actions">
        <button className="btn btn-primary" type="submit" data-testid="user-save">
          {text('users.add')}
        </button>
      </div>
    </form>
  );
}
