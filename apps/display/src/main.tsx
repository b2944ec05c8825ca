import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { HubClient, HubProvider, localTokenStore } from '@motcua/client';
import { LanguageProvider, loadVietnameseFont } from '@motcua/ui';
import '@motcua/ui/theme.css';
import './display.css';
import { DisplayApp } from './DisplayApp';
import { displayText } from './i18n/strings';
import { createSoundGate } from './soundGate';
import { exposeTestHooks } from './testHooks';
import { startCallAnnouncer } from './voice/callAnnouncer';
import { WebAudioPlayer } from './voice/webAudioPlayer';

loadVietnameseFont();

const params = new URLSearchParams(window.location.search);
const counterParam = params.get('counter')?.trim() || null;
// The waiting-room board speaks; a small screen above one counter stays quiet unless asked (?voice=on).
const voiceWanted = counterParam ? params.get('voice') === 'on' : params.get('voice') !== 'off';

// The device token never expires by idling: the display pairs once and stays signed in.
const client = new HubClient({
  deviceKind: 'display',
  deviceName:
    params.get('name') ??
    (counterParam ? displayText('device.counter', { counter: counterParam }) : displayText('device.board')).vi,
  storage: localTokenStore('motcua.display.'),
}).connect();

const soundGate = createSoundGate();
const player = new WebAudioPlayer({
  onNeedsGestureChange: soundGate.set,
  onProblem: (message) => console.warn(`[voice] ${message}`),
});
const announcer = startCallAnnouncer(client, player, {
  counterParam,
  voiceWanted,
  onError: (error) => console.warn('[voice]', error),
});
exposeTestHooks(client, announcer);
if (voiceWanted) {
  void player
    .start()
    .then(() => player.preloadAll())
    .catch((error: unknown) => console.warn('[voice]', error));
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <HubProvider client={client}>
      <LanguageProvider>
        <DisplayApp counterParam={counterParam} soundGate={soundGate} unlockSound={() => player.unlock()} />
      </LanguageProvider>
    </HubProvider>
  </StrictMode>,
);
