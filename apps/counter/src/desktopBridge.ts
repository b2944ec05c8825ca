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
  /** Global shortcuts (Ctrl+Alt+N/L/H/V) pressed while another program has the focus. */
  onShellAction(listener: (action: ShellAction) => void): () => void;
}

export type ShellAction = 'callNext' | 'recall' | 'finish' | 'noShow';

declare global {
  interface Window {
    motcuaCounter?: CounterDesktopBridge;
  }
}

/** Runs `listener` for the shell's global shortcuts; nothing in a plain browser. */
export function onShellAction(listener: (action: ShellAction) => void): () => void {
  return desktopBridge()?.onShellAction(listener) ?? (() => undefined);
}

export function desktopBridge(): CounterDesktopBridge | null {
  return typeof window !== 'undefined' ? (window.motcuaCounter ?? null) : null;
}
