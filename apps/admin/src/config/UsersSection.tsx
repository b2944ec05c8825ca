import { errorMessages, userSchema, type QueueState, type User } from '@motcua/core';
import { useHubClient } from '@motcua/client';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { adminVi, useAdminText } from '../i18n/strings';
import { NewUserForm, ROLE_KEYS } from './NewUserForm';
import { FieldError, FeedbackLine, useSender, type Feedback } from './shared';
import { z } from './vietnameseZod';

export function UsersSection({ state }: { state: QueueState }) {
  const { send, feedback, setFeedback } = useSender();
  const text = useAdminText();
  return (
    <div className="config-section">
      <section className="card">
        <h2>{text('users.title')}</h2>
        <table className="table">
          <thead>
            <tr>
              <th>{text('users.displayName')}</th>
              <th>{text('users.username')}</th>
              <th>{text('users.role')}</th>
              <th>{text('users.status')}</th>
              <th>{text('users.pin.reset')}</th>
            </tr>
          </thead>
          <tbody>
            {Object.values(state.config.users).map((u) => (
              <tr key={u.id}>
                <td>{u.displayName}</td>
                <td>
                  <code>{u.username}</code>
                </td>
                <td>{text(ROLE_KEYS[u.role])}</td>
                <td>
                  <button
                    type="button"
                    className="btn btn-small"
                    onClick={() =>
                      void send(
                        userSchema,
                        { ...u, disabled: !u.disabled },
                        (user) => ({ type: 'config.upsertUser', user }),
                        text(u.disabled ? 'users.unlocked' : 'users.locked', { name: u.displayName }),
                      )
                    }
                  >
                    {text(u.disabled ? 'users.unlock' : 'users.lock')}
                  </button>
                </td>
                <td>
                  <PinResetForm user={u} onDone={setFeedback} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <NewUserForm
        state={state}
        onSave={(user) =>
          send(
            null,
            user,
            (checked: User) => ({ type: 'config.upsertUser', user: checked }),
            text('users.added', { name: user.displayName }),
          )
        }
      />
      <FeedbackLine feedback={feedback} />
    </div>
  );
}

/** Core's rule for a PIN or password (4–128 characters), refused under the box in the admin's words. */
const pinFormSchema = z.object({ pin: z.string().min(4, adminVi('users.pin.short')).max(128) });

/** One account's new PIN: checked in the page, then set through the hub (which keeps only its hash). */
function PinResetForm({ user, onDone }: { user: User; onDone(feedback: Feedback): void }) {
  const client = useHubClient();
  const text = useAdminText();
  const label = text('users.pin.label', { name: user.displayName });
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors },
  } = useForm<z.input<typeof pinFormSchema>>({ resolver: zodResolver(pinFormSchema), defaultValues: { pin: '' } });
  const submit = handleSubmit(async ({ pin }) => {
    const reply = await client.setPin({ userId: user.id, pin });
    onDone(
      reply.ok
        ? { ok: true, text: text('users.pin.done', { name: user.displayName }) }
        : { ok: false, text: errorMessages[reply.code].vi },
    );
    if (reply.ok) reset();
  });
  return (
    <form className="row" onSubmit={(e) => void submit(e)} data-testid={`pin-reset-${user.id}`} noValidate>
      <input aria-label={label} placeholder={text('users.pin.placeholder')} size={10} {...register('pin')} />
      <button type="submit" className="btn btn-small">
        {text('users.pin.submit')}
      </button>
      <FieldError label={label} error={errors.pin?.message} />
    </form>
  );
}
