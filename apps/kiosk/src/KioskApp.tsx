import { CheckInPanel, type CheckInSuccess } from '@motcua/ui/checkIn';
import { useHubClient, useHubSnapshot } from '@motcua/client';
import {
  type LocalizedName,
  countersServing,
  estimatedWaitMinutes,
  formatTicketLabel,
  officeIssueStatus,
  REPRINT_WINDOW_MS,
  serviceRefusal,
  serviceQueueSummary,
  type CommandResult,
  type OfficeIssueStatus,
  type PrintReply,
  type QueueState,
  type Service,
} from '@motcua/core';
import { ConnectionBanner, LanguageSwitch, PairingScreen, useLanguage } from '@motcua/ui';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { officeClosedMessage, refusalMessage, type Refusal } from './kioskMessages';
import type { KioskBridge } from './kioskBridge';
import { DossierEntry } from './DossierEntry';
import { OnScreenKeyboard } from './OnScreenKeyboard';
import { hasProcedureInfo, ProcedureInfoPanel } from './ProcedureInfoPanel';
import { kioskFields, searchServices, servicesOfField } from './searchServices';
import { FirstPinScreen, SettingsScreen } from './SettingsScreen';
import { alertKindForPrintCode, printIssuedTicket, ticketPreview } from './ticketPrinting';
import { secondsLeft, useIdleReturn } from './useIdleReturn';

/** How long the ticket and the refusal screens stay before the kiosk returns home by itself. */
const TICKET_SCREEN_SECONDS = 20;
const MESSAGE_SCREEN_SECONDS = 12;

type PrintState = { phase: 'printing' } | { phase: 'done'; reply: PrintReply };

type Screen =
  | { name: 'home' }
  | { name: 'fields'; query: string; keyboard: boolean }
  | { name: 'services'; fieldId: string }
  | { name: 'priority'; serviceId: string; dossierCode?: string | null }
  | { name: 'issuing'; serviceId: string }
  | { name: 'checkIn' }
  | {
      name: 'ticket';
      issued: CommandResult;
      print: PrintState;
      preview: string | null;
      shownAt: number;
      /** For a booked ticket: how it was queued (at the booked time, or as a walk-in). */
      notice?: LocalizedName;
    }
  | { name: 'refused'; refusal: Refusal; shownAt: number }
  | { name: 'settings' };

const HOME: Screen = { name: 'home' };

export function KioskApp({ bridge }: { bridge: KioskBridge | null }) {
  const client = useHubClient();
  const { connection, state, pairing } = useHubSnapshot();
  const { t, language, setLanguage } = useLanguage();
  const [screen, setScreen] = useState<Screen>(HOME);
  const [now, setNow] = useState(() => Date.now());
  // In the shell, a kiosk without a settings PIN asks for one first (typed twice), before anyone else can.
  const [pinSet, setPinSet] = useState(true);

  useEffect(() => {
    if (bridge) void bridge.getSettings().then((settings) => setPinSet(settings.pinSet));
  }, [bridge]);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  const goHome = useCallback(() => {
    setScreen(HOME);
    setLanguage('vi');
  }, [setLanguage]);

  const idleSeconds = state?.config.kiosk.idleSeconds ?? 45;
  useIdleReturn(screen.name !== 'home' && screen.name !== 'issuing' && screen.name !== 'settings', idleSeconds, goHome);
  useIdleReturn(screen.name === 'settings', 120, goHome);
  useIdleReturn(screen.name === 'ticket', TICKET_SCREEN_SECONDS, goHome);
  useIdleReturn(screen.name === 'refused', MESSAGE_SCREEN_SECONDS, goHome);

  const online = connection === 'online' && state !== null;

  async function issue(serviceId: string, priorityGroup: string | null, dossierCode: string | null = null) {
    if (!state) return;
    const local = serviceRefusal(state, serviceId, client.hubNow());
    if (local) return setScreen({ name: 'refused', refusal: local, shownAt: Date.now() });
    if (!online) return setScreen({ name: 'refused', refusal: { code: 'TIMEOUT' }, shownAt: Date.now() });
    setScreen({ name: 'issuing', serviceId });
    const reply = await client.send({ type: 'ticket.issue', serviceId, priorityGroup, source: 'kiosk', dossierCode });
    if (!reply.ok || !reply.result.ticket) {
      const refusal: Refusal = reply.ok ? { code: 'INTERNAL' } : { code: reply.code };
      if (!reply.ok && reply.details) refusal.details = reply.details;
      return setScreen({ name: 'refused', refusal, shownAt: Date.now() });
    }
    const issued = reply.result;
    setScreen({ name: 'ticket', issued, print: { phase: 'printing' }, preview: null, shownAt: Date.now() });
    await print(issued, false);
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
    setScreen({
      name: 'ticket',
      issued,
      print: { phase: 'printing' },
      preview: null,
      shownAt: Date.now(),
      notice: result.notice,
    });
    await print(issued, false);
  }

  async function print(issued: CommandResult, reprint: boolean) {
    const ticketId = issued.ticket?.id;
    const update = (change: (s: Extract<Screen, { name: 'ticket' }>) => Screen) =>
      setScreen((current) =>
        current.name === 'ticket' && current.issued.ticket?.id === ticketId ? change(current) : current,
      );
    update((s) => ({ ...s, print: { phase: 'printing' } }));
    const reply = await printIssuedTicket(client, bridge, issued, reprint);
    let preview = reply.previewPng ?? null;
    if (!preview && !bridge && ticketId) preview = await ticketPreview(client, ticketId);
    if (!reply.ok && bridge && reply.code.startsWith('PRINTER_')) {
      // Through the shell the hub does not see the printer: tell the staff from here.
      void client.send({
        type: 'alert.raise',
        alertKind: alertKindForPrintCode(reply.code),
        message: `Máy lấy số: ${reply.message}`,
      });
    }
    update((s) => ({ ...s, print: { phase: 'done', reply }, preview: preview ?? s.preview }));
  }

  if (bridge && !pinSet) return <FirstPinScreen bridge={bridge} onDone={() => setPinSet(true)} />;
  if (screen.name === 'settings' && bridge) return <SettingsScreen bridge={bridge} onClose={goHome} />;
  if (pairing.status === 'pending') return <PairingScreen code={pairing.pairingCode} />;

  const office = state?.config.office;
  const resultServiceId = state
    ? Object.keys(state.config.procedures ?? {}).find(
        (id) => state.config.procedures?.[id]?.returnsResults && state.config.services[id]?.enabled,
      )
    : undefined;
  const officeName = office ? t({ vi: office.name, en: office.nameEn }) : '';
  const header = (
    <header className="kiosk-header">
      <div className="kiosk-office" onDoubleClick={() => bridge && setScreen({ name: 'settings' })}>
        <span className="kiosk-emblem" aria-hidden="true">
          ★
        </span>
        <span>{officeName || t({ vi: 'Bộ phận Một cửa', en: 'One-stop desk' })}</span>
      </div>
      <div className="kiosk-header-right">
        <Clock now={client.hubNow()} timeZone={office?.timeZone ?? 'Asia/Ho_Chi_Minh'} language={language} />
        <LanguageSwitch />
      </div>
    </header>
  );

  let body;
  if (!state) {
    body = (
      <section className="kiosk-center" data-testid="kiosk-connecting">
        <h1>{t({ vi: 'Hệ thống đang kết nối lại…', en: 'Reconnecting to the system…' })}</h1>
        <p className="kiosk-lead">{t({ vi: 'Vui lòng chờ trong giây lát.', en: 'Please wait a moment.' })}</p>
      </section>
    );
  } else if (screen.name === 'home' || screen.name === 'settings') {
    body = (
      <HomeScreen
        online={online}
        status={officeIssueStatus(state, client.hubNow())}
        bookingsOpen={Boolean(state.config.appointments)}
        onCollectResult={resultServiceId ? () => choose(state.config.services[resultServiceId]!) : null}
        onStart={() => setScreen({ name: 'fields', query: '', keyboard: false })}
        onCheckIn={() => setScreen({ name: 'checkIn' })}
      />
    );
  } else if (screen.name === 'checkIn') {
    body = (
      <section className="kiosk-checkin" data-testid="kiosk-checkin">
        <CheckInPanel client={client} language={language} onTicket={(r) => void checkedIn(r)} onClose={goHome} />
      </section>
    );
  } else if (screen.name === 'fields') {
    body = (
      <FieldsScreen
        state={state}
        query={screen.query}
        keyboard={screen.keyboard}
        onQuery={(query, keyboard) => setScreen({ name: 'fields', query, keyboard })}
        onField={(fieldId) => setScreen({ name: 'services', fieldId })}
        onService={(service) => choose(service)}
        onBack={goHome}
      />
    );
  } else if (screen.name === 'services') {
    body = (
      <ServicesScreen
        state={state}
        fieldId={screen.fieldId}
        now={client.hubNow()}
        onService={(service) => choose(service)}
        onBack={() => setScreen({ name: 'fields', query: '', keyboard: false })}
      />
    );
  } else if (screen.name === 'priority') {
    body = (
      <PriorityScreen
        state={state}
        serviceId={screen.serviceId}
        dossierEntry={
          state.config.procedures?.[screen.serviceId]?.returnsResults ? (
            <DossierEntry
              client={client}
              onCode={(dossierCode) => setScreen((s) => (s.name === 'priority' ? { ...s, dossierCode } : s))}
            />
          ) : null
        }
        onChoose={(group) => void issue(screen.serviceId, group, screen.dossierCode ?? null)}
        onBack={() => {
          const fieldId = state.config.services[screen.serviceId]?.fieldId;
          setScreen(fieldId ? { name: 'services', fieldId } : HOME);
        }}
      />
    );
  } else if (screen.name === 'issuing') {
    body = (
      <section className="kiosk-center" data-testid="kiosk-issuing">
        <div className="kiosk-spinner" aria-hidden="true" />
        <h1>{t({ vi: 'Đang lấy số thứ tự…', en: 'Getting your ticket…' })}</h1>
      </section>
    );
  } else if (screen.name === 'ticket') {
    body = (
      <TicketScreen
        state={state}
        screen={screen}
        now={now}
        hubNow={client.hubNow()}
        onReprint={() => void print(screen.issued, true)}
        onDone={goHome}
      />
    );
  } else {
    const message = refusalMessage(screen.refusal);
    body = (
      <section className="kiosk-center kiosk-refused" data-testid="kiosk-refused" data-code={screen.refusal.code}>
        <div className="kiosk-refused-icon" aria-hidden="true">
          !
        </div>
        <h1>{t(message.title)}</h1>
        <p className="kiosk-lead">{t(message.body)}</p>
        <button type="button" className="kiosk-primary" onClick={goHome}>
          {t({ vi: 'Về màn hình chính', en: 'Back to start' })}
        </button>
        <p className="kiosk-countdown">
          {t({
            vi: `Tự động quay lại sau ${Math.min(MESSAGE_SCREEN_SECONDS, secondsLeft(screen.shownAt + MESSAGE_SCREEN_SECONDS * 1000, now))} giây`,
            en: `Returning in ${Math.min(MESSAGE_SCREEN_SECONDS, secondsLeft(screen.shownAt + MESSAGE_SCREEN_SECONDS * 1000, now))} s`,
          })}
        </p>
      </section>
    );
  }

  function choose(service: Service) {
    if (!state) return;
    const local = serviceRefusal(state, service.id, client.hubNow());
    if (local) return setScreen({ name: 'refused', refusal: local, shownAt: Date.now() });
    const { priority, procedures } = state.config;
    const asksPriority = priority.kioskAsks && priority.groups.length > 0;
    const info = procedures?.[service.id];
    if (asksPriority || info?.returnsResults || hasProcedureInfo(info)) {
      return setScreen({ name: 'priority', serviceId: service.id });
    }
    void issue(service.id, null);
  }

  return (
    <div className={`kiosk kiosk--${screen.name}`} lang={language}>
      <ConnectionBanner />
      {header}
      <main className="kiosk-main">{body}</main>
    </div>
  );
}

function Clock({ now, timeZone, language }: { now: number; timeZone: string; language: string }) {
  const text = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'vi-VN', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    weekday: 'long',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(now);
  return <span className="kiosk-clock">{text}</span>;
}

function HomeScreen(props: {
  online: boolean;
  /** Whether any service gives a ticket now: when none does, the first screen says so and when to come back. */
  status: OfficeIssueStatus;
  bookingsOpen: boolean;
  onStart(): void;
  onCheckIn(): void;
  /** Straight to collecting a result, when the office has such a procedure. */
  onCollectResult: (() => void) | null;
}) {
  const { online, onStart, status } = props;
  const { t } = useLanguage();
  return (
    <section className="kiosk-home">
      <p className="kiosk-welcome">{t({ vi: 'Kính chào quý khách', en: 'Welcome' })}</p>
      {status.open ? (
        <button type="button" className="kiosk-start" onClick={onStart} disabled={!online} data-testid="kiosk-start">
          <span className="kiosk-start-title">{t({ vi: 'Lấy số thứ tự', en: 'Take a ticket' })}</span>
          <span className="kiosk-start-sub">
            {online
              ? t({ vi: 'Chạm vào đây để bắt đầu', en: 'Touch here to start' })
              : t({ vi: 'Hệ thống đang kết nối lại…', en: 'Reconnecting to the system…' })}
          </span>
        </button>
      ) : (
        <div className="kiosk-closed" role="status" data-testid="kiosk-closed" data-reason={status.reason}>
          <span className="kiosk-closed-title">{t(officeClosedMessage(status).title)}</span>
          <span className="kiosk-closed-body">{t(officeClosedMessage(status).body)}</span>
        </div>
      )}
      {props.bookingsOpen ? (
        <button
          type="button"
          className="kiosk-checkin-start"
          onClick={props.onCheckIn}
          disabled={!online}
          data-testid="kiosk-checkin-start"
        >
          {t({ vi: 'Đã đặt lịch hẹn? Quét mã tại đây', en: 'Booked online? Scan your code here' })}
        </button>
      ) : null}
      {props.onCollectResult ? (
        <button
          type="button"
          className="kiosk-checkin-start"
          onClick={props.onCollectResult}
          disabled={!online}
          data-testid="kiosk-collect-result"
        >
          {t({ vi: 'Nhận kết quả hồ sơ: quét mã phiếu hẹn', en: 'Collect a result: scan your receipt' })}
        </button>
      ) : null}
      <p className="kiosk-hint">
        {t({
          vi: 'Người cao tuổi, người khuyết tật, phụ nữ mang thai được ưu tiên. Cần giúp đỡ, vui lòng hỏi cán bộ.',
          en: 'Elderly and disabled people and pregnant women are served first. Ask a staff member for help.',
        })}
      </p>
    </section>
  );
}

function BackButton({ onBack }: { onBack(): void }) {
  const { t } = useLanguage();
  return (
    <button type="button" className="kiosk-back" onClick={onBack}>
      ← {t({ vi: 'Quay lại', en: 'Back' })}
    </button>
  );
}

function FieldsScreen(props: {
  state: QueueState;
  query: string;
  keyboard: boolean;
  onQuery(query: string, keyboard: boolean): void;
  onField(fieldId: string): void;
  onService(service: Service): void;
  onBack(): void;
}) {
  const { t } = useLanguage();
  const { state, query, keyboard } = props;
  const found = searchServices(state, query);
  const onKey = (key: string) => {
    if (key === 'backspace') props.onQuery(query.slice(0, -1), true);
    else if (key === 'clear') props.onQuery('', true);
    else props.onQuery((query + key).slice(0, 60), true);
  };
  return (
    <section className="kiosk-step">
      <div className="kiosk-step-head">
        <BackButton onBack={props.onBack} />
        <h1>{t({ vi: 'Chọn lĩnh vực', en: 'Choose a field' })}</h1>
      </div>
      <div className="kiosk-search">
        <input
          type="search"
          value={query}
          placeholder={t({ vi: 'Tìm thủ tục, ví dụ: dat dai, khai sinh', en: 'Search, e.g. land, birth' })}
          aria-label={t({ vi: 'Tìm thủ tục', en: 'Search procedures' })}
          onChange={(e) => props.onQuery(e.target.value, keyboard)}
          onFocus={() => props.onQuery(query, true)}
          data-testid="kiosk-search"
        />
      </div>
      {query.trim() ? (
        <div className="kiosk-list" data-testid="kiosk-search-results">
          {found.length === 0 ? (
            <p className="kiosk-lead">
              {t({
                vi: 'Không tìm thấy thủ tục phù hợp. Vui lòng thử từ khác hoặc hỏi cán bộ.',
                en: 'No matching procedure. Try another word or ask a staff member.',
              })}
            </p>
          ) : (
            found.map((service) => (
              <ServiceButton
                key={service.id}
                state={state}
                service={service}
                now={Date.now()}
                onService={props.onService}
              />
            ))
          )}
        </div>
      ) : (
        <div className="kiosk-tiles">
          {kioskFields(state).map((field) => (
            <button type="button" key={field.id} className="kiosk-tile" onClick={() => props.onField(field.id)}>
              <span className="kiosk-tile-title">{t(field.name)}</span>
              <span className="kiosk-tile-sub">{t(procedureCount(servicesOfField(state, field.id).length))}</span>
            </button>
          ))}
        </div>
      )}
      {keyboard ? <OnScreenKeyboard onKey={onKey} /> : null}
    </section>
  );
}

/** Said instead of an estimate when no counter with a clerk serves the procedure: no false promise. */
const NO_COUNTER_OPEN = {
  vi: 'Hiện chưa có quầy tiếp nhận thủ tục này, vui lòng chờ hoặc hỏi cán bộ hướng dẫn',
  en: 'No counter is taking this procedure right now; please wait or ask a staff member',
};

function ServiceButton(props: { state: QueueState; service: Service; now: number; onService(service: Service): void }) {
  const { t } = useLanguage();
  const { state, service } = props;
  const refusal = serviceRefusal(state, service.id, props.now);
  const waiting = serviceQueueSummary(state, service.id).waiting;
  const note = refusal
    ? t(refusalMessage(refusal).title)
    : countersServing(state, service.id).length === 0
      ? t(NO_COUNTER_OPEN)
      : waiting === 0
        ? t({ vi: 'Không có người chờ', en: 'Nobody waiting' })
        : t({
            vi: `${waiting} người đang chờ · khoảng ${estimatedWaitMinutes(state, service.id, waiting)} phút`,
            en: `${waiting} waiting · about ${estimatedWaitMinutes(state, service.id, waiting)} min`,
          });
  return (
    <button
      type="button"
      className={`kiosk-service${refusal ? ' kiosk-service--closed' : ''}`}
      onClick={() => props.onService(service)}
      data-service-id={service.id}
    >
      <span className="kiosk-service-prefix" aria-hidden="true">
        {formatTicketLabel(service, service.rangeFrom).replace(/\d+$/, '') || '#'}
      </span>
      <span className="kiosk-service-text">
        <span className="kiosk-service-name">{t(service.name)}</span>
        <span className="kiosk-service-note">{note}</span>
      </span>
    </button>
  );
}

function ServicesScreen(props: {
  state: QueueState;
  fieldId: string;
  now: number;
  onService(service: Service): void;
  onBack(): void;
}) {
  const { t } = useLanguage();
  const field = props.state.config.fields[props.fieldId];
  return (
    <section className="kiosk-step">
      <div className="kiosk-step-head">
        <BackButton onBack={props.onBack} />
        <h1>{field ? t(field.name) : ''}</h1>
      </div>
      <p className="kiosk-lead">{t({ vi: 'Chọn thủ tục cần làm', en: 'Choose your procedure' })}</p>
      <div className="kiosk-list">
        {servicesOfField(props.state, props.fieldId).map((service) => (
          <ServiceButton
            key={service.id}
            state={props.state}
            service={service}
            now={props.now}
            onService={props.onService}
          />
        ))}
      </div>
    </section>
  );
}

/** The last step before the ticket: the procedure's papers, fee and time, and the priority question when asked. */
function PriorityScreen(props: {
  state: QueueState;
  serviceId: string;
  /** For a result collection: where the citizen scans or types the dossier code. */
  dossierEntry: ReactNode;
  onChoose(group: string | null): void;
  onBack(): void;
}) {
  const { t } = useLanguage();
  const { config } = props.state;
  const service = config.services[props.serviceId];
  const info = config.procedures?.[props.serviceId];
  const asksPriority = config.priority.kioskAsks && config.priority.groups.length > 0;
  return (
    <section className="kiosk-step">
      <div className="kiosk-step-head">
        <BackButton onBack={props.onBack} />
        <h1>
          {asksPriority
            ? t({ vi: 'Ông/Bà có thuộc đối tượng ưu tiên không?', en: 'Are you entitled to priority?' })
            : t({ vi: 'Chuẩn bị hồ sơ', en: 'Before you take a ticket' })}
        </h1>
      </div>
      {service ? <p className="kiosk-lead">{t(service.name)}</p> : null}
      {props.dossierEntry}
      {hasProcedureInfo(info) ? <ProcedureInfoPanel info={info} /> : null}
      <div className="kiosk-priority">
        <button type="button" className="kiosk-tile kiosk-tile--normal" onClick={() => props.onChoose(null)}>
          <span className="kiosk-tile-title">
            {asksPriority
              ? t({ vi: 'Không ưu tiên', en: 'No priority' })
              : t({ vi: 'Lấy số thứ tự', en: 'Take a ticket' })}
          </span>
          {asksPriority ? (
            <span className="kiosk-tile-sub">{t({ vi: 'Lấy số thường', en: 'Regular ticket' })}</span>
          ) : null}
        </button>
        {asksPriority
          ? config.priority.groups.map((group) => (
              <button
                type="button"
                key={group.id}
                className="kiosk-tile kiosk-tile--priority"
                onClick={() => props.onChoose(group.id)}
              >
                <span className="kiosk-tile-title">{t(group.name)}</span>
                <span className="kiosk-tile-sub">{t({ vi: 'Ưu tiên', en: 'Priority' })}</span>
              </button>
            ))
          : null}
      </div>
      {asksPriority ? (
        <p className="kiosk-hint">
          {t({
            vi: 'Cán bộ có thể đề nghị xuất trình giấy tờ chứng minh khi gọi số.',
            en: 'Staff may ask for proof when your number is called.',
          })}
        </p>
      ) : null}
    </section>
  );
}

function TicketScreen(props: {
  state: QueueState;
  screen: Extract<Screen, { name: 'ticket' }>;
  now: number;
  hubNow: number;
  onReprint(): void;
  onDone(): void;
}) {
  const { t } = useLanguage();
  const { issued, print, preview } = props.screen;
  const ticket = issued.ticket!;
  const service = props.state.config.services[ticket.serviceId];
  const group = props.state.config.priority.groups.find((g) => g.id === ticket.priorityGroup);
  const failed = print.phase === 'done' && !print.reply.ok ? print.reply : null;
  const printerProblem = failed?.code.startsWith('PRINTER_') ? failed : null;
  const showTicket = !printerProblem || props.state.config.kiosk.showTicketWhenPrinterFails;
  const canReprint = print.phase === 'done' && props.hubNow - ticket.issuedAt < REPRINT_WINDOW_MS;
  const returnIn = Math.min(
    TICKET_SCREEN_SECONDS,
    secondsLeft(props.screen.shownAt + TICKET_SCREEN_SECONDS * 1000, props.now),
  );
  return (
    <section
      className="kiosk-ticket"
      data-testid="kiosk-ticket"
      data-ticket-id={ticket.id}
      data-status-url={issued.statusUrl ?? ''}
    >
      <div className="kiosk-ticket-main">
        {props.screen.notice ? (
          <p className="kiosk-ticket-notice" data-testid="kiosk-ticket-notice">
            {t(props.screen.notice)}
          </p>
        ) : null}
        <p className="kiosk-ticket-caption">{t({ vi: 'Số thứ tự của Ông/Bà', en: 'Your ticket number' })}</p>
        <p className="kiosk-ticket-label" data-testid="kiosk-ticket-label">
          {ticket.label}
        </p>
        {group ? (
          <p className="kiosk-ticket-priority">
            {t({ vi: `Ưu tiên – ${group.name.vi}`, en: `Priority – ${group.name.en || group.name.vi}` })}
          </p>
        ) : null}
        <p className="kiosk-ticket-service">{service ? t(service.name) : ticket.serviceId}</p>
        <dl className="kiosk-ticket-facts">
          <div>
            <dt>{t({ vi: 'Số người chờ trước Ông/Bà', en: 'People ahead of you' })}</dt>
            <dd data-testid="kiosk-ticket-ahead">{issued.ahead ?? 0}</dd>
          </div>
          <div>
            <dt>{t({ vi: 'Thời gian chờ dự kiến', en: 'Estimated wait' })}</dt>
            <dd data-testid="kiosk-ticket-eta">
              {issued.noCounterOpen
                ? t(NO_COUNTER_OPEN)
                : (issued.etaMinutes ?? 0) < 1
                  ? t({ vi: 'dưới 1 phút', en: 'under 1 min' })
                  : t({ vi: `khoảng ${issued.etaMinutes} phút`, en: `about ${issued.etaMinutes} min` })}
            </dd>
          </div>
        </dl>
        <div
          className={`kiosk-print-status kiosk-print-status--${print.phase === 'printing' ? 'printing' : failed ? 'failed' : 'ok'}`}
          role="status"
          data-testid="kiosk-print-status"
          data-code={failed?.code ?? ''}
        >
          {print.phase === 'printing'
            ? t({ vi: 'Đang in vé…', en: 'Printing your ticket…' })
            : failed
              ? t({ vi: failed.message, en: failed.messageEn })
              : t({ vi: 'Vui lòng nhận vé ở khe bên dưới.', en: 'Please take your ticket from the slot below.' })}
          {printerProblem && showTicket ? (
            <span className="kiosk-print-status-sub">
              {t({
                vi: 'Cán bộ đã được thông báo. Hãy ghi nhớ số hoặc chụp ảnh mã QR trên màn hình.',
                en: 'Staff have been told. Remember your number or take a photo of the QR code on screen.',
              })}
            </span>
          ) : null}
        </div>
        <div className="kiosk-ticket-actions">
          {canReprint ? (
            <button type="button" className="kiosk-secondary" onClick={props.onReprint} data-testid="kiosk-reprint">
              {t({ vi: 'In lại vé', en: 'Print again' })}
            </button>
          ) : null}
          <button type="button" className="kiosk-primary" onClick={props.onDone} data-testid="kiosk-done">
            {t({ vi: 'Xong', en: 'Done' })}
          </button>
        </div>
        <p className="kiosk-countdown">
          {t({ vi: `Tự động quay lại sau ${returnIn} giây`, en: `Returning in ${returnIn} s` })}
        </p>
      </div>
      {showTicket && preview ? (
        <figure className="kiosk-ticket-preview">
          <img
            src={preview}
            alt={t({ vi: 'Vé số thứ tự (bản in)', en: 'The printed ticket' })}
            data-testid="kiosk-preview"
          />
        </figure>
      ) : null}
    </section>
  );
}

/** "3 thủ tục" / "1 procedure, 3 procedures": Vietnamese has no plural, English does. */
function procedureCount(count: number): { vi: string; en: string } {
  return { vi: `${count} thủ tục`, en: `${count} ${count === 1 ? 'procedure' : 'procedures'}` };
}
