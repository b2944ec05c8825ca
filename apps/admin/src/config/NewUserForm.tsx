import { userSchema, type QueueState, type User } from '@motcua/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { Field } from './shared';
import { z } from './vietnameseZod';

export const ROLE_NAMES = { admin: 'Quản trị', supervisor: 'Lãnh đạo giám sát', clerk: 'Cán bộ một cửa' } as const;

const USER_LABELS = {
  displayName: 'Họ tên',
  username: 'Tên đăng nhập (a–z, 0–9)',
  role: 'Vai trò',
} as const;

/** A new account: core's user rules, with the user name checked against the accounts there are. */
export function newUserFormSchema(state: QueueState) {
  return z
    .object({
      displayName: z.string().trim().min(1, 'hãy nhập họ tên').max(120),
      username: z
        .string()
        .trim()
        .min(2)
        .max(40)
        .regex(/^[a-z0-9_.-]+$/, 'chỉ gồm chữ thường không dấu, số và _ . -'),
      role: userSchema.shape.role,
    })
    .superRefine(({ username }, ctx) => {
      const taken = Object.values(state.config.users).find((u) => u.username === username || u.id === username);
      if (taken) {
        ctx.addIssue({
          code: 'custom',
          path: ['username'],
          message: `đã có tài khoản “${taken.displayName}” dùng tên này`,
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
      <h2 className="wide">Thêm tài khoản</h2>
      <Field label={USER_LABELS.displayName} error={errors.displayName?.message}>
        <input {...register('displayName')} />
      </Field>
      <Field label={USER_LABELS.username} error={errors.username?.message}>
        <input {...register('username', { setValueAs: (v: string) => v.toLowerCase() })} autoComplete="off" />
      </Field>
      <Field label={USER_LABELS.role} error={errors.role?.message}>
        <select {...register('role')}>
          <option value="clerk">{ROLE_NAMES.clerk}</option>
          <option value="supervisor">{ROLE_NAMES.supervisor}</option>
          <option value="admin">{ROLE_NAMES.admin}</option>
        </select>
      </Field>
      <div className="form-actions">
        <button className="btn btn-primary" type="submit" data-testid="user-save">
          Thêm
        </button>
      </div>
    </form>
  );
}
