import { PROTOCOL_VERSION, type HelloReply } from '@motcua/core';
import { io as connectSocket, type Socket } from 'socket.io-client';

/** A raw Socket.IO connection, for what the typed client never sends; `auth` is the handshake's capabilities. */
export async function rawSocket(url: string, auth: Record<string, unknown> = {}): Promise<Socket> {
  const socket = connectSocket(url, { transports: ['websocket'], forceNew: true, auth });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

export interface PairedRawSocket {
  socket: Socket;
  deviceId: string;
  deviceToken: string;
  hello: HelloReply;
}

/** A raw socket that paired as a device (auto-approved from localhost, as in the demo) and said hello. */
export async function pairRawSocket(
  url: string,
  kind: 'kiosk' | 'display' | 'counter',
  auth: Record<string, unknown> = {},
): Promise<PairedRawSocket> {
  const socket = await rawSocket(url, auth);
  const pair = (await socket.emitWithAck('pair.request', { kind, name: `raw ${kind}` })) as {
    deviceId: string;
    deviceToken: string;
  };
  const hello = (await socket.emitWithAck('hello', {
    protocol: PROTOCOL_VERSION,
    deviceToken: pair.deviceToken,
    lastSeq: 0,
  })) as HelloReply;
  return { socket, deviceId: pair.deviceId, deviceToken: pair.deviceToken, hello };
}

export async function pairedSocket(url: string, kind: 'kiosk' | 'display'): Promise<Socket> {
  return (await pairRawSocket(url, kind)).socket;
}
