import { contextBridge } from 'electron';

/** The display needs nothing from the desktop; the page only learns that it runs in the shell. */
contextBridge.exposeInMainWorld('motcuaDisplayShell', { electron: true });
