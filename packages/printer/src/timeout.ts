import { PrinterError } from './errors.js';

/** Reject with PrinterError TIMEOUT after `ms`; runs `onTimeout` (e.g. destroy a socket) first. */
export function withTimeout<T>(p: Promise<T>, ms: number, what: string, onTimeout?: () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => {
        try {
          onTimeout?.();
        } finally {
          reject(
            new PrinterError('TIMEOUT', {
              messages: {
                vi: `Máy in không phản hồi kịp thời (${what}, ${Math.round(ms)} ms)`,
                en: `The printer did not answer in time (${what}, ${Math.round(ms)} ms)`,
              },
            }),
          );
        }
      },
      Math.max(1, ms),
    );
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

/** Milliseconds left before a deadline, at least 1. */
export function remaining(deadline: number): number {
  return Math.max(1, deadline - Date.now());
}
