/**
 * A fake chip ID card reader, as its own process, speaking the protocol of docs/id-card-reader.md: a Socket.IO
 * server on 127.0.0.1 that emits `card` messages. Each JSON line on stdin is one message to publish (a card put
 * on the reader, taken off, or a read error); a kiosk that connects later gets the card that is on the reader.
 *
 *   node --import tsx e2e/support/fakeCardReader.ts [--port N]    prints CARD_READER_READY {"port":N}
 */
import { createServer } from 'node:http';
import { createInterface } from 'node:readline';
import { Server } from 'socket.io';

const portArg = process.argv.indexOf('--port');
const port = portArg > 0 ? Number(process.argv[portArg + 1]) : 0;

const http = createServer();
const io = new Server(http, { transports: ['websocket'] });
/** The card on the reader now, sent again to a kiosk that (re)connects; null when none is on it. */
let onReader: unknown = null;

io.on('connection', (socket) => {
  if (onReader) socket.emit('card', onReader);
});

createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() === '') return;
  const message = JSON.parse(line) as { type?: string };
  if (message.type === 'card') onReader = message;
  if (message.type === 'removed') onReader = null;
  // Sent as it is, even when malformed: the kiosk must check what arrives.
  io.emit('card', message);
  process.stdout.write(`PUBLISHED ${io.engine.clientsCount}\n`);
});

http.listen(port, '127.0.0.1', () => {
  const address = http.address();
  const listening = typeof address === 'object' && address ? address.port : port;
  process.stdout.write(`CARD_READER_READY ${JSON.stringify({ port: listening })}\n`);
});

process.on('SIGTERM', () => {
  void io.close();
  http.close(() => process.exit(0));
});
