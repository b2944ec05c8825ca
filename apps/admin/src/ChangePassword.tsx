import { errorMessages, STAFF_PASSWORD_MIN_LENGTH } from '@motcua/core';
import { useHubClient } from '@motcua/client';
import { LanguageSwitch, useLanguage } from '@motcua/ui';
import { useState, type FormEvent } from 'react';

/** After a one-time password (the first admin sign-in, or one an admin set): nothing else until a new one is set. */
export function ChangePassword({ displayName }: { displayName: string }) {
  const client = useHubClient();
  const { t } = useLanguage();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (next.length < STAFF_PASSWORD_MIN_LENGTH) return setError(t(errorMessages.WEAK_PASSWORD));
    if (next !== confirm) {
      return setError(
        t({ vi: 'Hai lần nhập mật khẩu mới không khớp. Vui lòng nhập lại.', en: 'The new passwords do not match.' }),
      );
    }
    setBusy(true);
    const reply = await client.changePassword(current, next);
    setBusy(false);
    if (!reply.ok) setError(t(errorMessages[reply.code]));
  };

  return (
    <div className="signin">
      <form className="signin-card" onSubmit={(e) => void submit(e)} data-testid="change-password">
        <h1>{t({ vi: 'Đặt mật khẩu mới', en: 'Set a new password' })}</h1>
        <p className="muted">
          {t({
            vi: `${displayName}: mật khẩu hiện tại chỉ dùng được một lần. Vui lòng đặt mật khẩu mới (ít nhất ${STAFF_PASSWORD_MIN_LENGTH} ký tự) trước khi tiếp tục.`,
            en: `${displayName}: the current password works only once. Please set a new one (at least ${STAFF_PASSWORD_MIN_LENGTH} characters) to continue.`,
          })}
        </p>
        <PasswordField
          label={t({ vi: 'Mật khẩu hiện tại', en: 'Current password' })}
          name="current-password"
          autoComplete="current-password"
          value={current}
          onChange={setCurrent}
        />
        <PasswordField
          label={t({ vi: 'Mật khẩu mới', en: 'New password' })}
          name="new-password"
          autoComplete="new-password"
          value={next}
          onChange={setNext}
        />
        <PasswordField
          label={t({ vi: 'Nhập lại mật khẩu mới', en: 'New password again' })}
          name="confirm-password"
          autoComplete="new-password"
          value={confirm}
          onChange={setConfirm}
        />
        {error && (
          <p className="form-error" role="alert" data-testid="change-password-error">
            {error}
          </p>
        )}
        <button className="btn btn-primary" type="submit" disabled={busy}>
          {t({ vi: 'Lưu mật khẩu mới', en: 'Save the new password' })}
        </button>
        <button className="btn" type="button" onClick={() => void client.signOut()}>
          {t({ vi: 'Đăng xuất', en: 'Sign out' })}
        </button>
        <div className="signin-lang">
          <LanguageSwitch />
        </div>
      </form>
    </div>
  );
}

/** A labelled password input, as on the sign-in and change-password forms. */
export function PasswordField(props: {
  label: string;
  name: string;
  autoComplete: 'current-password' | 'new-password';
  value: string;
  onChange(value: string): void;
}) {
  return (
    <label>
      {props.label}
      <input
        name={props.name}
        type="password"
        autoComplete={props.autoComplete}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        required
      />
    </label>
  );
}
