/**
 * A stand-in for the `electron` module, for tests that load an app's real Electron main and preload
 * bundles under plain Node (Electron's binary cannot be downloaded on the build machine). Every call is
 * recorded in `electronRecord()`; unknown methods are recording no-ops.
 */
export interface RecordedCall {
  target: string;
  method: string;
  args: unknown[];
}

interface Record {
  calls: RecordedCall[];
  windows: { options: unknown; calls: RecordedCall[]; contents: RecordedCall[]; listeners: Map<string, unknown[]> }[];
  userData: string;
}

const globalRecord = globalThis as { __fakeElectron?: Record };

export function resetElectronRecord(userData: string): Record {
  globalRecord.__fakeElectron = { calls: [], windows: [], userData };
  return globalRecord.__fakeElectron;
}

export function electronRecord(): Record {
  if (!globalRecord.__fakeElectron) throw new Error('call resetElectronRecord first');
  return globalRecord.__fakeElectron;
}

/** An object whose every method records its call; `known` answers the calls that need a value. */
function recorder(target: string, sink: () => RecordedCall[], known: { [method: string]: unknown } = {}) {
  return new Proxy(known, {
    get(object, property) {
      if (typeof property !== 'string') return undefined;
      if (property === 'then') return undefined;
      if (property in object) return object[property];
      return (...args: unknown[]) => {
        sink().push({ target, method: property, args });
        return undefined;
      };
    },
  });
}

const calls = () => electronRecord().calls;

export const app = recorder('app', calls, {
  commandLine: recorder('app.commandLine', calls),
  getPath: (name: string) => (name === 'userData' ? electronRecord().userData : `/tmp/${name}`),
  requestSingleInstanceLock: () => true,
  whenReady: () => Promise.resolve(),
  isPackaged: false,
  getVersion: () => '0.0.0-test',
});

export class BrowserWindow {
  private readonly entry;
  readonly webContents;

  constructor(options: unknown) {
    this.entry = {
      options,
      calls: [] as RecordedCall[],
      contents: [] as RecordedCall[],
      listeners: new Map<string, unknown[]>(),
    };
    electronRecord().windows.push(this.entry);
    const entry = this.entry;
    const listen = (event: string, listener: unknown) => {
      entry.listeners.set(event, [...(entry.listeners.get(event) ?? []), listener]);
    };
    this.webContents = recorder('webContents', () => entry.contents, {
      on: (event: string, listener: unknown) => listen(`webContents:${event}`, listener),
      once: (event: string, listener: unknown) => listen(`webContents:${event}`, listener),
      setWindowOpenHandler: (handler: unknown) => listen('webContents:windowOpen', handler),
    });
    return new Proxy(this, {
      get(window, property, receiver) {
        if (property === 'webContents') return window.webContents;
        if (property === 'on' || property === 'once')
          return (event: string, listener: unknown) => listen(event, listener);
        if (property === 'isDestroyed') return () => false;
        if (property === 'loadURL' || property === 'loadFile') {
          return (...args: unknown[]) => {
            entry.calls.push({ target: 'window', method: property, args });
            return Promise.resolve();
          };
        }
        if (property === 'getBounds') return () => ({ x: 0, y: 0, width: 420, height: 90 });
        if (typeof property === 'string' && !(property in window)) {
          return (...args: unknown[]) => {
            entry.calls.push({ target: 'window', method: property, args });
            return undefined;
          };
        }
        return Reflect.get(window, property, receiver);
      },
    });
  }

  static getAllWindows(): unknown[] {
    return [];
  }
}

export const ipcMain = recorder('ipcMain', calls);
export const ipcRenderer = recorder('ipcRenderer', calls, { invoke: () => Promise.resolve(undefined) });
export const contextBridge = recorder('contextBridge', calls);
export const globalShortcut = recorder('globalShortcut', calls, { register: () => true });
export const powerSaveBlocker = recorder('powerSaveBlocker', calls, {
  start: (kind: string) => (calls().push({ target: 'powerSaveBlocker', method: 'start', args: [kind] }), 1),
});
export const session = { defaultSession: recorder('session', calls) };
export const protocol = recorder('protocol', calls);
const primary = {
  id: 1,
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  workArea: { x: 0, y: 0, width: 1920, height: 1040 },
  label: 'Built-in',
  size: { width: 1920, height: 1080 },
  scaleFactor: 1,
};
export const screen = recorder('screen', calls, {
  getAllDisplays: () => [primary],
  getPrimaryDisplay: () => primary,
  getDisplayMatching: () => primary,
});

export class Notification {
  static isSupported(): boolean {
    return true;
  }
  constructor(readonly options: unknown) {
    calls().push({ target: 'Notification', method: 'new', args: [options] });
  }
  show(): void {}
}

export default {
  app,
  BrowserWindow,
  ipcMain,
  ipcRenderer,
  contextBridge,
  globalShortcut,
  powerSaveBlocker,
  session,
  protocol,
  screen,
  Notification,
};
