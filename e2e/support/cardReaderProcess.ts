import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { readyLine, REPO_ROOT } from './hubProcess.js';

export interface CardReaderProcess {
  /** ws://127.0.0.1:<port>, what a kiosk is pointed at (`?cardReader=`). */
  url: string;
  /** Publishes one message (card, removed, error, or anything else to test the kiosk's checks). */
  publish(message: unknown): void;
  stop(): Promise<void>;
}

/** Starts the fake reader (e2e/support/fakeCardReader.ts) as its own process and waits until it listens. */
export async function startCardReader(): Promise<CardReaderProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'e2e/support/fakeCardReader.ts')], {
    cwd: REPO_ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const { port, stop } = await readyLine(child, 'CARD_READER_READY', 'card reader');
  return {
    url: `ws://127.0.0.1:${port}`,
    publish: (message) => child.stdin?.write(`${JSON.stringify(message)}\n`),
    stop,
  };
}
