import { useLanguage } from '@motcua/ui';
import { useEffect, useState } from 'react';
import { kioskDeviceSettingsSchema, type KioskDeviceSettings } from './deviceSettings';
import type { BridgePrinterStatus, KioskBridge } from './kioskBridge';
import { useKioskText } from './i18n/strings';

const DEFAULT_PRINTER: NonNullable<KioskDeviceSettings['printer']> = {
  transportUrl: 'tcp://192.168.1.50:9100',
  paperWidth: 80,
  mode: 'raster',
  codePage: '',
  cut: 'partial',
  density: 4,
  beep: false,
};

/** The kiosk machine's settings (Electron only); saving needs the admin PIN, checked by the shell. */
export function SettingsScreen({ bridge, onClose }: { bridge: KioskBridge; onClose(): void }) {
  const { t } = useLanguage();
  const text = useKioskText();
  const [settings, setSettings] = useState<KioskDeviceSettings | null>(null);
  const [status, setStatus] = useState<BridgePrinterStatus | null>(null);
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    void bridge.getSettings().then(setSettings);
    void bridge.printerStatus().then(setStatus);
  }, [bridge]);

  if (!settings) return null;
  const printer = settings.printer ?? DEFAULT_PRINTER;
  const setPrinter = (change: Partial<typeof printer>) =>
    setSettings({ ...settings, printer: { ...printer, ...change } });

  async function save() {
    const parsed = kioskDeviceSettingsSchema.safeParse(settings);
    if (!parsed.success) return setMessage(text('settings.invalid'));
    const reply = await bridge.saveSettings(pin, parsed.data);
    if (reply.ok) return onClose();
    setMessage(t({ vi: reply.message, en: reply.messageEn }));
  }

  return (
    <div className="kiosk kiosk--settings">
      <main className="kiosk-main kiosk-settings">
        <h1>{text('settings.title')}</h1>
        <label>
          {text('settings.hubUrl')}
          <input
            value={settings.hubUrl}
            onChange={(e) => setSettings({ ...settings, hubUrl: e.target.value.trim() })}
          />
        </label>
        <label>
          {text('settings.printerUrl')}
          <input value={printer.transportUrl} onChange={(e) => setPrinter({ transportUrl: e.target.value.trim() })} />
        </label>
        <label>
          {text('settings.paperWidth')}
          <select
            value={printer.paperWidth}
            onChange={(e) => setPrinter({ paperWidth: e.target.value === '58' ? 58 : 80 })}
          >
            <option value="80">80 mm</option>
            <option value="58">58 mm</option>
          </select>
        </label>
        <label className="kiosk-settings-check">
          <input
            type="checkbox"
            checked={settings.startAtLogin}
            onChange={(e) => setSettings({ ...settings, startAtLogin: e.target.checked })}
          />
          {text('settings.startAtLogin')}
        </label>
        {status ? <p className="kiosk-lead">{t(status.message)}</p> : null}
        <label>
          {text('settings.adminPin')}
          <input type="password" inputMode="numeric" value={pin} onChange={(e) => setPin(e.target.value)} />
        </label>
        {message ? <p className="kiosk-settings-error">{message}</p> : null}
        <div className="kiosk-ticket-actions">
          <button type="button" className="kiosk-secondary" onClick={onClose}>
            {text('settings.cancel')}
          </button>
          <button type="button" className="kiosk-primary" onClick={() => void save()}>
            {text('settings.save')}
          </button>
        </div>
      </main>
    </div>
  );
}

/** The first start of the shell: the person installing the kiosk sets the settings PIN, typed twice. */
export function FirstPinScreen({ bridge, onDone }: { bridge: KioskBridge; onDone(): void }) {
  const { t } = useLanguage();
  const text = useKioskText();
  const [pin, setPin] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [message, setMessage] = useState<string | null>(null);

  async function save() {
    const reply = await bridge.setAdminPin(pin, confirmation);
    if (reply.ok) return onDone();
    setMessage(t({ vi: reply.message, en: reply.messageEn }));
  }

  return (
    <div className="kiosk kiosk--settings">
      <main className="kiosk-main kiosk-settings">
        <h1>{text('settings.firstPin.title')}</h1>
        <p className="kiosk-lead">{text('settings.firstPin.lead')}</p>
        <label>
          {text('settings.firstPin.pin')}
          <input type="password" inputMode="numeric" value={pin} onChange={(e) => setPin(e.target.value)} />
        </label>
        <label>
          {text('settings.firstPin.again')}
          <input
            type="password"
            inputMode="numeric"
            value={confirmation}
            onChange={(e) => setConfirmation(e.target.value)}
          />
        </label>
        {message ? <p className="kiosk-settings-error">{message}</p> : null}
        <div className="kiosk-ticket-actions">
          <button type="button" className="kiosk-primary" onClick={() => void save()}>
            {text('settings.firstPin.save')}
          </button>
        </div>
      </main>
    </div>
  );
}
