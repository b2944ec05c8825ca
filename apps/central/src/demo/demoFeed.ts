import type { IngestReply } from '@motcua/core';
import { createOffice, rotateOfficeCredential } from '../access.js';
import type { SqlQueryable } from '../db/sqlClient.js';
import { SimulatedOffice } from './simulatedOffice.js';

const DEMO_OFFICES = [
  { id: 'hoang-mai', name: 'Bộ phận Một cửa phường Hoàng Mai' },
  { id: 'quynh-luu', name: 'Bộ phận Một cửa xã Quỳnh Lưu' },
  { id: 'tan-mai', name: 'Bộ phận Một cửa phường Tân Mai' },
];

/** Posts an office's unshipped events in batches, as a hub's shipper does; returns how many were acknowledged. */
export async function shipPending(
  centralUrl: string,
  credential: string,
  office: SimulatedOffice,
  fromSeq: number,
  batchSize = 500,
): Promise<number> {
  let next = fromSeq;
  for (;;) {
    const events = office.shipped.filter((e) => e.seq >= next).slice(0, batchSize);
    if (events.length === 0) return next;
    const res = await fetch(`${centralUrl}/api/ingest`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${credential}` },
      body: JSON.stringify({ officeId: office.officeId, hubId: office.hubId, events }),
    });
    const reply = (await res.json()) as IngestReply;
    if (reply.ok) next = reply.acknowledgedSeq + 1;
    else if (reply.code === 'GAP') next = reply.expectedSeq;
    else throw new Error(`${reply.code}: ${reply.message}`);
  }
}

/**
 * `npm run central`'s demo: three offices registered with their credentials, each living a simulated
 * day (one step every few seconds) and shipping to central like a hub would. Returns a stop function.
 */
export async function startDemoFeed(centralUrl: string, sql: SqlQueryable, stepMs = 3000): Promise<() => void> {
  const feeds: { office: SimulatedOffice; credential: string; next: number }[] = [];
  for (const [i, { id, name }] of DEMO_OFFICES.entries()) {
    // An office from an earlier demo run gets a new credential and a new simulated hub epoch.
    const credential = (await rotateOfficeCredential(sql, id)) ?? (await createOffice(sql, id, name, Date.now()));
    const office = new SimulatedOffice(id, Date.now() - 3 * 3600_000, i + 1);
    // Three hours of the day so far, so the dashboard has something to show at once.
    for (let m = 0; m < 180; m++) office.step();
    feeds.push({ office, credential, next: 1 });
  }
  let stopped = false;
  const tick = async () => {
    for (const feed of feeds) {
      feed.office.step(Math.max(0, Date.now() - feed.office.now));
      feed.next = await shipPending(centralUrl, feed.credential, feed.office, feed.next).catch(() => feed.next);
    }
    if (!stopped) timer = setTimeout(() => void tick(), stepMs);
  };
  let timer = setTimeout(() => void tick(), 0);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
