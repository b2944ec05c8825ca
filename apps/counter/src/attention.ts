import { desktopBridge } from './desktopBridge';

let audio: AudioContext | null = null;

/** Browsers allow sound only after a user gesture: call this from a click or key press. */
export function unlockSound(): void {
  try {
    audio ??= new AudioContext();
    if (audio.state === 'suspended') void audio.resume();
  } catch {
    audio = null;
  }
}

/** Two short tones, made with Web Audio: no sound file to ship or to be blocked by the CSP. */
export function beep(): void {
  if (!audio) return;
  const start = audio.currentTime;
  [880, 1175].forEach((frequency, i) => {
    if (!audio) return;
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, start + i * 0.18);
    gain.gain.exponentialRampToValueAtTime(0.3, start + i * 0.18 + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + i * 0.18 + 0.16);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(start + i * 0.18);
    oscillator.stop(start + i * 0.18 + 0.17);
  });
}

export function askNotificationPermission(): void {
  if (desktopBridge() || typeof Notification === 'undefined') return;
  if (Notification.permission === 'default') void Notification.requestPermission().catch(() => undefined);
}

let flashTimer: ReturnType<typeof setInterval> | null = null;
let restTitle = '';

/** Flashes the tab's title until the clerk looks at the page or acts. */
export function flashTitle(message: string): void {
  stopFlashingTitle();
  restTitle = document.title;
  let on = false;
  flashTimer = setInterval(() => {
    on = !on;
    document.title = on ? message : restTitle;
  }, 900);
}

export function stopFlashingTitle(): void {
  if (!flashTimer) return;
  clearInterval(flashTimer);
  flashTimer = null;
  document.title = restTitle;
}

/** A ticket arrived at an idle counter: sound, a notification when allowed, and a flashing title. */
export function announceArrival(title: string, body: string): void {
  beep();
  const bridge = desktopBridge();
  if (bridge) bridge.notify(title, body);
  else if (typeof Notification !== 'undefined' && Notification.permission === 'granted' && document.hidden) {
    new Notification(title, { body, tag: 'motcua-counter-arrival' });
  }
  flashTitle(`🔔 ${title}`);
}
