import { useLanguage } from '@motcua/ui';
import { useEffect, useState } from 'react';
import { kioskDeviceSettingsSchema, type KioskDeviceSettings } from './deviceSettings';
import type { BridgePrinterStatus, KioskBridge } from './kioskBridge';

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
    if (!parsed.success) return setMessage(t({ vi: 'Thông tin chưa hợp lệ.', en: 'Some values are not valid.' }));
    const reply = await bridge.saveSettings(pin, parsed.data);
    if (reply.ok) return onClose();
    setMessage(t({ vi: reply.message, en: reply.messageEn }));
  }

  return (
    <div className="kiosk kiosk--settings">
      <main className="kiosk-main kiosk-settings">
        <h1>{t({ vi: 'Cài đặt máy lấy số', en: 'Kiosk settings' })}</h1>
        <label>
          {t({
            vi: 'Địa chỉ máy chủ (để trống để tự tìm trong mạng LAN)',
            en: 'Hub address (empty = find it on the LAN)',
          })}
          <input
            value={settings.hubUrl}
            onChange={(e) => setSettings({ ...settings, hubUrl: e.target.value.trim() })}
          />
        </label>
        <label>
          {t({ vi: 'Địa chỉ máy in', en: 'Printer address' })}
          <input value={printer.transportUrl} onChange={(e) => setPrinter({ transportUrl: e.target.value.trim() })} />
        </label>
        <label>
          {t({ vi: 'Khổ giấy', en: 'Paper width' })}
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
          {t({ vi: 'Tự khởi động cùng máy tính', en: 'Start at login' })}
        </label>
        {status ? <p className="kiosk-lead">{t(status.message)}</p> : null}
        <label>
          {t({ vi: 'Mã PIN quản trị', en: 'Admin PIN' })}
          <input type="password" inputMode="numeric" value={pin} onChange={(e) => setPin(e.target.value)} />
        </label>
        {message ? <p className="kiosk-settings-error">{message}</p> : null}
        <div className="kiosk-ticket-actions">
          <button type="button" className="kiosk-secondary" onClick={onClose}>
            {t({ vi: 'Hủy', en: 'Cancel' })}
          </button>
          <button type="button" className="kiosk-primary" onClick={() => void save()}>
            {t({ vi: 'Lưu', en: 'Save' })}
          </button>
        </div>
      </main>
    </div>
  );
}

/** The first start of the shell: the person installing the kiosk sets the settings PIN, typed twice. */
export function FirstPinScreen({ bridge, onDone }: { bridge: KioskBridge; onDone(): void }) {
  const { t } = useLanguage();
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
        <h1>{t({ vi: 'Đặt mã PIN cài đặt', en: 'Set the settings PIN' })}</h1>
        <p className="kiosk-lead">
          {t({
            vi: 'Máy lấy số chưa có mã PIN cài đặt. Cán bộ lắp đặt vui lòng đặt mã PIN (4–12 chữ số) và giữ kín.',
            en: 'This kiosk has no settings PIN yet. Whoever installs it sets one (4–12 digits) and keeps it private.',
          })}
        </p>
        <label>
          {t({ vi: 'Mã PIN mới', en: 'New PIN' })}
          <input type="password" inputMode="numeric" value={pin} onChange={(e) => setPin(e.target.value)} />
        </label>
        <label>
          {t({ vi: 'Nhập lại mã PIN', en: 'PIN again' })}
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
            {t({ vi: 'Lưu mã PIN', en: 'Save the PIN' })}
          </button>
        </div>
      </main>
    </div>
  );
}
