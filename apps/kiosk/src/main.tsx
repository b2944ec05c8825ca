import { HubClient, HubProvider, localTokenStore } from '@motcua/client';
import { LanguageProvider, loadVietnameseFont } from '@motcua/ui';
import '@motcua/ui/theme.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { KioskApp } from './KioskApp';
import { kioskStrings } from './i18n/strings';
import { kioskBridge } from './kioskBridge';
import './kiosk.css';

async function start(): Promise<void> {
  loadVietnameseFont();
  const bridge = kioskBridge();
  // In the Electron shell the page is bundled (file://) and the hub's address comes from the settings.
  const hubUrl = bridge ? (await bridge.getSettings()).hubUrl || undefined : undefined;
  const client = new HubClient({
    ...(hubUrl ? { url: hubUrl } : {}),
    deviceKind: 'kiosk',
    deviceName: kioskStrings['app.deviceName'].vi,
    storage: localTokenStore('motcua.kiosk.'),
    // A citizen should not wait long to learn the hub is away: give up sooner than the default.
    requestTimeoutMs: 4000,
    attempts: 2,
  }).connect();
  const root = document.getElementById('root');
  if (!root) throw new Error('#root missing');
  createRoot(root).render(
    <StrictMode>
      <HubProvider client={client}>
        <LanguageProvider>
          <KioskApp bridge={bridge} />
        </LanguageProvider>
      </HubProvider>
    </StrictMode>,
  );
}

void start();
