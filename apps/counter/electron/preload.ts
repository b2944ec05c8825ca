import { contextBridge, ipcRenderer } from 'electron';
import { COUNTER_IPC } from './ipc.js';

type ShellAction = 'callNext' | 'recall' | 'finish' | 'noShow';

/** The one object the page sees (window.motcuaCounter); it matches CounterDesktopBridge in src/desktopBridge.ts. */
contextBridge.exposeInMainWorld('motcuaCounter', {
  toggleCompact: () => ipcRenderer.send(COUNTER_IPC.toggleCompact),
  notify: (title: string, body: string) => ipcRenderer.send(COUNTER_IPC.notify, title, body),
  rememberCounter: (counterId: string) => ipcRenderer.send(COUNTER_IPC.rememberCounter, counterId),
  getStartAtLogin: () => ipcRenderer.invoke(COUNTER_IPC.getStartAtLogin) as Promise<boolean>,
  setStartAtLogin: (enabled: boolean) => ipcRenderer.invoke(COUNTER_IPC.setStartAtLogin, enabled) as Promise<void>,
  onShellAction: (listener: (action: ShellAction) => void) => {
    const handler = (_event: unknown, action: ShellAction) => listener(action);
    ipcRenderer.on(COUNTER_IPC.action, handler);
    return () => void ipcRenderer.removeListener(COUNTER_IPC.action, handler);
  },
});
