/** Where a client keeps its device token and session between page loads. */
export interface TokenStore {
  get(key: string): string | null;
  set(key: string, value: string | null): void;
}

export function memoryTokenStore(initial: Record<string, string> = {}): TokenStore {
  const values = new Map(Object.entries(initial));
  return {
    get: (key) => values.get(key) ?? null,
    set: (key, value) => {
      if (value === null) values.delete(key);
      else values.set(key, value);
    },
  };
}

/** Browser storage under a prefix, e.g. "motcua.kiosk."; falls back to memory when storage is blocked. */
export function localTokenStore(prefix: string): TokenStore {
  const fallback = memoryTokenStore();
  const storage = (globalThis as { localStorage?: Storage }).localStorage;
  if (!storage) return fallback;
  return {
    get: (key) => {
      try {
        return storage.getItem(prefix + key);
      } catch {
        return fallback.get(key);
      }
    },
    set: (key, value) => {
      try {
        if (value === null) storage.removeItem(prefix + key);
        else storage.setItem(prefix + key, value);
      } catch {
        fallback.set(key, value);
      }
    },
  };
}
