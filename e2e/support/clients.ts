import { HubClient, memoryTokenStore } from '@motcua/client';
import type { DeviceKind, PrinterProfile, SignInReply } from '@motcua/core';
import { waitFor } from './hubProcess.js';

/** A device that pairs itself with the hub (auto-approved from localhost, as in the demo). */
export async function connectDevice(
  url: string,
  kind: DeviceKind,
  extra: { counterId?: string; name?: string } = {},
): Promise<HubClient> {
  const client = new HubClient({
    url,
    deviceKind: kind,
    deviceName: extra.name ?? `test ${kind}`,
    counterId: extra.counterId ?? null,
    storage: memoryTokenStore(),
    requestTimeoutMs: 4000,
    attempts: 4,
  }).connect();
  try {
    await waitFor(
      () => client.getSnapshot().connection === 'online' && client.state !== null,
      20_000,
      `${kind} online`,
    );
  } catch (error) {
    // A client that never came online must not linger: it would keep reconnecting (and count as present) later.
    client.close();
    throw error;
  }
  return client;
}

export const DEMO_PIN = '1234';

/** A counter device with clerk canboN signed in at quay-N. */
export async function connectClerk(url: string, counterNumber: number): Promise<HubClient> {
  const client = await connectDevice(url, 'counter', { name: `Quầy ${counterNumber}` });
  try {
    const reply = await client.signIn(`canbo${counterNumber}`, DEMO_PIN, `quay-${counterNumber}`);
    if (!reply.ok) throw new Error(`sign-in failed: ${reply.code}`);
    await client.whenOnline();
  } catch (error) {
    // A clerk signed in by a failed call (its hub killed under it) would reconnect to the restarted hub and keep
    // its counter present for the rest of the test (e2e/central.province waits for every counter to be lost).
    client.close();
    throw error;
  }
  return client;
}

export const DEMO_SUPERVISOR_PASSWORD = 'giamsat-1234';

/** The password tests give the admin when the hub makes them replace the one-time password from its banner. */
export function replacedAdminPassword(oneTime: string): string {
  return `${oneTime}-moi`;
}

/** One-time admin passwords this test process already replaced (every later sign-in uses the new one). */
const replaced = new Set<string>();

/**
 * Signs in as admin with the banner's one-time password: the first time, sets `replacedAdminPassword` as the hub
 * requires; after that, signs in with it.
 */
export async function signInAsAdmin(client: HubClient, oneTime: string): Promise<SignInReply> {
  const password = replaced.has(oneTime) ? replacedAdminPassword(oneTime) : oneTime;
  let reply = await client.signIn('admin', password);
  if (!reply.ok && reply.code === 'INVALID_CREDENTIALS' && password === oneTime) {
    // The admin page in Chromium may have made the required change already, outside this set.
    reply = await client.signIn('admin', replacedAdminPassword(oneTime));
    if (reply.ok) replaced.add(oneTime);
  }
  if (!reply.ok || !reply.mustChangePassword) return reply;
  const changed = await client.changePassword(oneTime, replacedAdminPassword(oneTime));
  if (!changed.ok) throw new Error(`admin password change failed: ${changed.code}`);
  replaced.add(oneTime);
  return { ...reply, mustChangePassword: false };
}

/** An admin session from a plain browser-like client (no device). */
export async function connectAdmin(url: string, password: string): Promise<HubClient> {
  const client = new HubClient({ url, storage: memoryTokenStore() }).connect();
  await waitFor(() => client.getSnapshot().connection === 'online', 20_000, 'admin socket online');
  const reply = await signInAsAdmin(client, password);
  if (!reply.ok) throw new Error(`admin sign-in failed: ${reply.code}`);
  await client.whenOnline();
  return client;
}

/** An admin's socket and its session token for the hub's HTTP routes (reports, exports). */
export async function connectAdminWithToken(
  url: string,
  password: string,
): Promise<{ admin: HubClient; token: string }> {
  const admin = new HubClient({ url, storage: memoryTokenStore(), requestTimeoutMs: 8000 }).connect();
  await waitFor(() => admin.getSnapshot().connection === 'online', 20_000, 'admin socket online');
  const reply = await signInAsAdmin(admin, password);
  if (!reply.ok) throw new Error(`admin sign-in failed: ${reply.code}`);
  await admin.whenOnline();
  return { admin, token: reply.sessionToken };
}

export function adminPasswordFrom(output: string): string {
  const match = /admin account: admin \/ (\S+)/.exec(output);
  if (!match?.[1]) throw new Error('no admin password in the hub output');
  return match[1];
}

/** An 80 mm raster printer profile at `transportUrl`. */
export function printerProfileAt(transportUrl: string, id = 'may-in-sanh', name = 'Máy in sảnh'): PrinterProfile {
  return {
    id,
    name,
    transportUrl,
    paperWidth: 80,
    mode: 'raster',
    codePage: '',
    cut: 'partial',
    density: 4,
    beep: false,
  };
}

/** Gives a paired kiosk an 80 mm raster printer profile at `printerUrl` (e.g. a virtual printer), as an admin. */
export async function assignPrinter(admin: HubClient, deviceId: string, printerUrl: string): Promise<PrinterProfile> {
  const profile = printerProfileAt(printerUrl);
  const saved = await admin.send({ type: 'config.upsertPrinterProfile', profile });
  if (!saved.ok) throw new Error(`printer profile refused: ${saved.code}`);
  const device = admin.state?.config.devices[deviceId];
  if (!device) throw new Error(`device ${deviceId} not in the admin's state`);
  const assigned = await admin.send({
    type: 'config.upsertDevice',
    device: { ...device, printerProfileId: profile.id },
  });
  if (!assigned.ok) throw new Error(`device update refused: ${assigned.code}`);
  return profile;
}
