import { errorMessages } from '@motcua/core';
import { useConnection } from '@motcua/client';
import { useLanguage } from './language.js';
import { uiStrings } from './i18n/strings.js';

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
        {t(uiStrings['connection.reconnecting'])}
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
        <h1>{t(uiStrings['pairing.title'])}</h1>
        <p>{t(uiStrings['pairing.hint'])}</p>
        <code>{code ?? '······'}</code>
      </div>
    </div>
  );
}
