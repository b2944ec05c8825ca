/**
 * Read-only windows into the running display, for end-to-end tests and for a technician at the browser
 * console: `window.__announcer` (what the voice announced or skipped, as clip sequences: tests assert
 * the sequence, not the sound) and `window.__display` (the seq and state hash, to compare with the hub's
 * /healthz). They return copies and change nothing.
 */
import type { HubClient } from '@motcua/client';
import { stateHash } from '@motcua/core';
import type { AnnouncementRecord, CallAnnouncer, PlaybackRecord, SkippedRecord } from './voice/callAnnouncer';

export interface AnnouncerTestHook {
  readonly history: AnnouncementRecord[];
  readonly skipped: SkippedRecord[];
  readonly played: PlaybackRecord[];
}

export interface DisplayTestHook {
  readonly connection: string;
  readonly seq: number | null;
  stateHash(): string | null;
}

declare global {
  interface Window {
    __announcer?: AnnouncerTestHook;
    __display?: DisplayTestHook;
  }
}

export function exposeTestHooks(client: HubClient, announcer: CallAnnouncer): void {
  window.__announcer = Object.freeze({
    get history() {
      return announcer.history.map((r) => ({ ...r, clips: [...r.clips] }));
    },
    get skipped() {
      return announcer.skipped.map((r) => ({ ...r }));
    },
    get played() {
      return announcer.played.map((r) => ({ clips: [...r.clips], outcome: r.outcome }));
    },
  });
  window.__display = Object.freeze({
    get connection() {
      return client.getSnapshot().connection;
    },
    get seq() {
      return client.state?.seq ?? null;
    },
    stateHash: () => (client.state ? stateHash(client.state) : null),
  });
}
