/** What the Electron preload exposes to the page (absent in a plain browser). */
export interface CounterDesktopBridge {
  /** Switches between the full window and the small always-on-top bar. */
  toggleCompact(): void;
  /** A native notification (the page's own Notification permission is denied in the shell). */
  notify(title: string, body: string): void;
  /** The shell opens this counter next time. */
  rememberCounter(counterId: string): void;
  getStartAtLogin(): Promise<boolean>;
  setStartAtLogin(enabled: boolean): Promise<void>;
}

declare global {
  interface Window {
    motcuaCounter?: CounterDesktopBridge;
  }
}

export function desktopBridge(): CounterDesktopBridge | null {
  return typeof window !== 'undefined' ? (window.motcuaCounter ?? null) : null;
}
