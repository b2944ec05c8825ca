import { HubClient, HubProvider, localTokenStore, useConnection } from '@motcua/client';
import type { LocalizedName } from '@motcua/core';
import { ConnectionBanner, LanguageSwitch, PairingScreen, useLanguage } from '@motcua/ui';
import QRCode from 'qrcode';
import { useEffect, useMemo, useState } from 'react';
import { CheckInPanel, type CheckInSuccess } from '@motcua/ui/checkIn';
import { citizenStrings, useCitizenText } from './i18n/strings';

type Issued = CheckInSuccess & { notice: LocalizedName };

function IssuedTicket({ issued, onDone }: { issued: Issued; onDone(): void }) {
  const { t } = useLanguage();
  const text = useCitizenText();
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    void QRCode.toDataURL(issued.statusUrl, { margin: 1, width: 220 }).then(setQr);
    const timer = setTimeout(onDone, 60_000);
    return () => clearTimeout(timer);
  }, [issued, onDone]);
  return (
    <section className="card station-ticket" data-testid="station-ticket" data-status-url={issued.statusUrl}>
      <p className="label-caption">{text('station.yourNumber')}</p>
      <p className="label" data-testid="station-ticket-label">
        {issued.ticket.label}
      </p>
      <p>{t(issued.notice)}</p>
      <p>{text('station.aheadAndWait', { ahead: issued.ahead, minutes: issued.etaMinutes })}</p>
      {qr && <img className="qr" src={qr} alt="" />}
      <p className="hint">{text('station.scanToFollowYour')}</p>
      <button type="button" className="primary" onClick={onDone}>
        {text('station.done')}
      </button>
    </section>
  );
}

function Station({ client }: { client: HubClient }) {
  const { language } = useLanguage();
  const { pairing } = useConnection();
  const [issued, setIssued] = useState<Issued | null>(null);
  if (pairing.status === 'pending') return <PairingScreen code={pairing.pairingCode} />;
  return (
    <div className="page station">
      <ConnectionBanner />
      <header className="top">
        <span className="office">{client.state?.config.office.name ?? ''}</span>
        <LanguageSwitch />
      </header>
      <main>
        {issued ? (
          <IssuedTicket issued={issued} onDone={() => setIssued(null)} />
        ) : (
          <CheckInPanel client={client} language={language} onTicket={setIssued} />
        )}
      </main>
    </div>
  );
}

/**
 * `/citizen/check-in`: a check-in station (a tablet at the entrance) paired as a kiosk device.
 * It shows the ticket on screen with its status QR instead of printing it.
 */
export function CheckInStation() {
  const client = useMemo(
    () =>
      new HubClient({
        deviceKind: 'kiosk',
        deviceName: citizenStrings['station.deviceName'].vi,
        storage: localTokenStore('motcua.checkin.'),
      }).connect(),
    [],
  );
  useEffect(() => () => client.close(), [client]);
  return (
    <HubProvider client={client}>
      <Station client={client} />
    </HubProvider>
  );
}
