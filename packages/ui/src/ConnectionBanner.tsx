import { errorMessages } from '@motcua/core';
import { useConnection } from '@motcua/client';
import { useLanguage } from './language.js';

/** Says plainly when the hub is unreachable; shows nothing while all is well. */
export function ConnectionBanner({ discreet = false }: { discreet?: boolean }) {
  const { connection, problem } = useConnection();
  const { t } = useLanguage();
  if (connection !== 'online') {
    return (
      <div
        className={`ui-banner ui-banner--offline${discreet ? ' ui-banner--discreet' : ''}`}
        role="status"
        data-testid="connection-banner"
      >
        {t({ vi: 'Hệ thống đang kết nối lại…', en: 'Reconnecting to the system…' })}
      </div>
    );
  }
  if (problem) {
    return (
      <div className="ui-banner ui-banner--problem" role="alert" data-testid="problem-banner">
        {t(errorMessages[problem.code])}
      </div>
    );
  }
  return null;
}

/** For a device that waits for an admin to approve it. */
export function PairingScreen({ code }: { code: string | null }) {
  const { t } = useLanguage();
  return (
    <div className="ui-pairing" data-testid="pairing-screen">
      <div>
        <h1>{t({ vi: 'Thiết bị chờ được duyệt', en: 'This device waits for approval' })}</h1>
        <p>
          {t({
            vi: 'Quản trị viên nhập mã sau tại trang Quản trị › Thiết bị:',
            en: 'An administrator enters this code in Admin › Devices:',
          })}
        </p>
        <code>{code ?? '······'}</code>
      </div>
    </div>
  );
}
