import { createServer } from 'node:http';
import { Server } from 'socket.io';

/** The latency floor: a bare Socket.IO server that rebroadcasts each message to everyone, with no logic. */
const server = createServer();
const io = new Server(server, { serveClient: false, pingInterval: 10_000, pingTimeout: 8_000 });
io.on('connection', (socket) => {
  socket.on('call', (payload: unknown, ack: unknown) => {
    io.emit('event', payload);
    if (typeof ack === 'function') (ack as (reply: unknown) => void)({ ok: true });
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address() as { port: number };
  console.log(`RELAY_READY ${JSON.stringify({ port: address.port, pid: process.pid })}`);
});
process.on('SIGTERM', () => process.exit(0));
