import { HubClient, HubProvider, localTokenStore, useConnection } from '@motcua/client';
import type { LocalizedName } from '@motcua/core';
import { ConnectionBanner, LanguageSwitch, PairingScreen, useLanguage } from '@motcua/ui';
import QRCode from 'qrcode';
import { useEffect, useMemo, useState } from 'react';
import { CheckInPanel, type CheckInSuccess } from '@motcua/ui/checkIn';

type Issued = CheckInSuccess & { notice: LocalizedName };

function IssuedTicket({ issued, onDone }: { issued: Issued; onDone(): void }) {
  const { t } = useLanguage();
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    void QRCode.toDataURL(issued.statusUrl, { margin: 1, width: 220 }).then(setQr);
    const timer = setTimeout(onDone, 60_000);
    return () => clearTimeout(timer);
  }, [issued, onDone]);
  return (
    <section className="card station-ticket" data-testid="station-ticket" data-status-url={issued.statusUrl}>
      <p className="label-caption">{t({ vi: 'Số thứ tự của Ông/Bà', en: 'Your number' })}</p>
      <p className="label" data-testid="station-ticket-label">
        {issued.ticket.label}
      </p>
      <p>{t(issued.notice)}</p>
      <p>
        {t({
          vi: `Còn ${issued.ahead} người trước Ông/Bà · chờ khoảng ${issued.etaMinutes} phút`,
          en: `${issued.ahead} ahead of you · about ${issued.etaMinutes} min`,
        })}
      </p>
      {qr && <img className="qr" src={qr} alt="" />}
      <p className="hint">
        {t({
          vi: 'Quét mã để theo dõi lượt của Ông/Bà trên điện thoại.',
          en: 'Scan to follow your turn on your phone.',
        })}
      </p>
      <button type="button" className="primary" onClick={onDone}>
        {t({ vi: 'Xong', en: 'Done' })}
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
        deviceName: 'Trạm check-in lịch hẹn',
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
