import { CheckInPanel, type CheckInSuccess } from '@motcua/ui/checkIn';
import { useHubClient, useHubSnapshot } from '@motcua/client';
import {
  agePriorityProposal,
  alertKindForPrinterFailure,
  idCardSettings,
  officeIssueStatus,
  type CommandResult,
  type LocalizedName,
  type Service,
} from '@motcua/core';
import { ConnectionBanner, PairingScreen, useLanguage } from '@motcua/ui';
import { useCallback, useEffect, useReducer, useState, type ReactNode } from 'react';
import type { KioskBridge } from './kioskBridge';
import { DossierEntry } from './DossierEntry';
import { cardReaderUrl } from './idCard/cardReader';
import { CitizenCardBanner } from './idCard/CitizenCardBanner';
import { ScannerInput } from './idCard/ScannerInput';
import { useCitizenCard } from './idCard/useCitizenCard';
import { HOME, idleReturnSeconds, issueOutcome, kioskFlow, serviceChoice } from './kioskFlow';
import { DetailsScreen } from './screens/DetailsScreen';
import { FieldsScreen } from './screens/FieldsScreen';
import { HomeScreen } from './screens/HomeScreen';
import { KioskHeader } from './screens/KioskHeader';
import { RefusedScreen } from './screens/RefusedScreen';
import { ServicesScreen } from './screens/ServicesScreen';
import { TicketScreen } from './screens/TicketScreen';
import { ConnectingScreen, IssuingScreen } from './screens/WaitScreens';
import { FirstPinScreen, SettingsScreen } from './SettingsScreen';
import { printIssuedTicket, ticketPreview } from './ticketPrinting';
import { useIdleReturn } from './useIdleReturn';
import { kioskText } from './i18n/strings';

export function KioskApp({ bridge }: { bridge: KioskBridge | null }) {
  const client = useHubClient();
  const { connection, state, pairing } = useHubSnapshot();
  const { t, language, setLanguage } = useLanguage();
  const [screen, go] = useReducer(kioskFlow, HOME);
  const [now, setNow] = useState(() => Date.now());
  // In the shell, a kiosk without a settings PIN asks for one first (typed twice), before anyone else can.
  const [pinSet, setPinSet] = useState(true);
  const [readerUrl, setReaderUrl] = useState(() => cardReaderUrl(window.location.search, undefined));
  const citizen = useCitizenCard(readerUrl);

  useEffect(() => {
    if (!bridge) return;
    void bridge.getSettings().then((settings) => {
      setPinSet(settings.pinSet);
      setReaderUrl(cardReaderUrl(window.location.search, settings.cardReaderUrl));
    });
  }, [bridge]);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  const { forget: forgetCard } = citizen;
  const goHome = useCallback(() => {
    go({ type: 'home' });
    setLanguage('vi');
    // The next citizen must not see this one's name or be offered their priority.
    forgetCard();
  }, [setLanguage, forgetCard]);

  const returnAfter = idleReturnSeconds(screen, state?.config.kiosk.idleSeconds ?? 45);
  useIdleReturn(returnAfter !== null, returnAfter ?? 0, goHome);

  const online = connection === 'online' && state !== null;
  const idCard = state ? idCardSettings(state.config.kiosk) : null;
  const proposal =
    state && idCard && citizen.card
      ? agePriorityProposal(citizen.card, state.serviceDay, idCard, state.config.priority.groups)
      : null;

  async function issue(serviceId: string, priorityGroup: string | null, dossierCode: string | null = null) {
    if (!state) return;
    const choice = serviceChoice(state, serviceId, client.hubNow());
    if (choice.next === 'refused') return go({ type: 'refused', refusal: choice.refusal, at: Date.now() });
    if (!online) return go({ type: 'refused', refusal: { code: 'TIMEOUT' }, at: Date.now() });
    go({ type: 'issuing', serviceId });
    const reply = await client.send({ type: 'ticket.issue', serviceId, priorityGroup, source: 'kiosk', dossierCode });
    const outcome = issueOutcome(reply, Date.now());
    go(outcome);
    if (reply.ok && reply.result.ticket && citizen.card && idCard?.storeHolder) {
      // Only when the office keeps holders; the hub checks again and keeps nothing otherwise.
      const { fullName, idNumber } = citizen.card;
      void client.socket
        .timeout(8000)
        .emitWithAck('idCard.holder', { ticketId: reply.result.ticket.id, fullName, idNumber })
        .catch(() => undefined);
    }
    if (outcome.type === 'ticketShown') await print(outcome.issued, false);
  }

  function choose(service: Service) {
    if (!state) return;
    const choice = serviceChoice(state, service.id, client.hubNow(), proposal !== null);
    if (choice.next === 'refused') return go({ type: 'refused', refusal: choice.refusal, at: Date.now() });
    if (choice.next === 'details') return go({ type: 'askDetails', service });
    void issue(service.id, null);
  }

  /** A booking checked in: the hub issued its ticket; print and show it like any other. */
  async function checkedIn(result: CheckInSuccess & { notice: LocalizedName }) {
    const issued: CommandResult = {
      seq: 0,
      events: ['ticket.issued'],
      ticket: result.ticket,
      ahead: result.ahead,
      etaMinutes: result.etaMinutes,
      statusUrl: result.statusUrl,
    };
    go({ type: 'ticketShown', issued, at: Date.now(), notice: result.notice });
    await print(issued, false);
  }

  async function print(issued: CommandResult, reprint: boolean) {
    const ticketId = issued.ticket?.id;
    go({ type: 'printStarted', ticketId });
    const reply = await printIssuedTicket(client, bridge, issued, reprint, (progress) =>
      go({ type: 'printProgress', ticketId, progress }),
    );
    let preview = reply.previewPng ?? null;
    if (!preview && !bridge && ticketId) preview = await ticketPreview(client, ticketId);
    if (!reply.ok && bridge && reply.code.startsWith('PRINTER_')) {
      // Through the shell the hub does not see the printer: tell the staff from here.
      void client.send({
        type: 'alert.raise',
        alertKind: alertKindForPrinterFailure(reply.code),
        // The alert reaches the staff's screens in Vietnamese, whatever language the citizen picked.
        message: kioskText('print.alert', { message: reply.message }).vi,
      });
    }
    go({ type: 'printed', ticketId, reply, preview, at: Date.now() });
  }

  if (bridge && !pinSet) return <FirstPinScreen bridge={bridge} onDone={() => setPinSet(true)} />;
  if (screen.name === 'settings' && bridge) return <SettingsScreen bridge={bridge} onClose={goHome} />;
  if (pairing.status === 'pending') return <PairingScreen code={pairing.pairingCode} />;

  const office = state?.config.office;

  function body(): ReactNode {
    if (!state) return <ConnectingScreen />;
    switch (screen.name) {
      case 'home':
      case 'settings': {
        const resultServiceId = Object.keys(state.config.procedures ?? {}).find(
          (id) => state.config.procedures?.[id]?.returnsResults && state.config.services[id]?.enabled,
        );
        return (
          <HomeScreen
            online={online}
            status={officeIssueStatus(state, client.hubNow())}
            bookingsOpen={Boolean(state.config.appointments)}
            onCollectResult={resultServiceId ? () => choose(state.config.services[resultServiceId]!) : null}
            onStart={() => go({ type: 'start' })}
            onCheckIn={() => go({ type: 'openCheckIn' })}
          />
        );
      }
      case 'checkIn':
        return (
          <section className="kiosk-checkin" data-testid="kiosk-checkin">
            <CheckInPanel client={client} language={language} onTicket={(r) => void checkedIn(r)} onClose={goHome} />
          </section>
        );
      case 'fields':
        return (
          <FieldsScreen
            state={state}
            query={screen.query}
            keyboard={screen.keyboard}
            onQuery={(query, keyboard) => go({ type: 'search', query, keyboard })}
            onField={(fieldId) => go({ type: 'openField', fieldId })}
            onService={choose}
            onBack={goHome}
          />
        );
      case 'services':
        return (
          <ServicesScreen
            state={state}
            fieldId={screen.fieldId}
            now={client.hubNow()}
            onService={choose}
            onBack={() => go({ type: 'back' })}
          />
        );
      case 'details':
        return (
          <DetailsScreen
            state={state}
            serviceId={screen.serviceId}
            dossierEntry={
              state.config.procedures?.[screen.serviceId]?.returnsResults ? (
                <DossierEntry client={client} onCode={(dossierCode) => go({ type: 'dossierCode', dossierCode })} />
              ) : null
            }
            proposal={proposal}
            onChoose={(group) => void issue(screen.serviceId, group, screen.dossierCode)}
            onBack={() => go({ type: 'back' })}
          />
        );
      case 'issuing':
        return <IssuingScreen />;
      case 'ticket':
        return (
          <TicketScreen
            state={state}
            screen={screen}
            now={now}
            hubNow={client.hubNow()}
            onReprint={() => void print(screen.issued, true)}
            onDone={goHome}
          />
        );
      case 'refused':
        return <RefusedScreen refusal={screen.refusal} shownAt={screen.shownAt} now={now} onDone={goHome} />;
    }
  }

  return (
    <div className={`kiosk kiosk--${screen.name}`} lang={language}>
      <ConnectionBanner />
      <KioskHeader
        officeName={office ? t({ vi: office.name, en: office.nameEn }) : ''}
        now={client.hubNow()}
        timeZone={office?.timeZone ?? 'Asia/Ho_Chi_Minh'}
        onOpenSettings={bridge ? () => go({ type: 'openSettings' }) : null}
      />
      {idCard && screen.name !== 'ticket' ? (
        <CitizenCardBanner
          card={citizen.card}
          problem={citizen.problem}
          greetByName={idCard.greetByName}
          priorityAge={idCard.priorityAge}
          proposal={proposal}
          onForget={citizen.forget}
        />
      ) : null}
      <main className="kiosk-main">{body()}</main>
      <ScannerInput onScan={(text) => void citizen.scanned(text)} />
    </div>
  );
}
