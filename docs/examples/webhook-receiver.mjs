// A gateway-side receiver for the hub's notification webhooks (docs/webhooks.md): it checks the
// signature over `timestamp.body`, refuses a timestamp outside the tolerance window (a replay), and
// ignores a delivery id it has already handled (a retry after a lost answer).
//
//   MOTCUA_WEBHOOK_SECRET='the secret typed in admin' PORT=8099 node docs/examples/webhook-receiver.mjs
//
// Plain Node (18+), no packages. Prints one JSON line per request: {"accepted":…} or {"rejected":…}.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';

const secret = process.env.MOTCUA_WEBHOOK_SECRET ?? '';
const port = Number(process.env.PORT ?? 8099);
const host = process.env.HOST ?? '127.0.0.1';
/** How far the hub's clock and ours may disagree, and how old a delivery may be, in seconds. */
const toleranceSeconds = Number(process.env.TOLERANCE_SECONDS ?? 300);

if (secret.length < 16) {
  console.error('Set MOTCUA_WEBHOOK_SECRET to the secret saved in admin (16+ characters).');
  process.exit(2);
}

/** Why a request is refused, or null when it really comes from the hub and is fresh. */
function verifyMotcuaWebhook(headers, rawBody, nowSeconds = Math.floor(Date.now() / 1000)) {
  const timestamp = headers['x-motcua-timestamp'];
  const signature = headers['x-motcua-signature'];
  if (typeof timestamp !== 'string' || !/^\d+$/.test(timestamp)) return 'missing timestamp';
  if (typeof signature !== 'string') return 'missing signature';
  if (Math.abs(nowSeconds - Number(timestamp)) > toleranceSeconds) return 'timestamp outside the tolerance window';
  const expected = `sha256=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`;
  const a = Buffer.from(signature);
  const b = Buffer.from(expected);
  if (a.length !== b.length || !timingSafeEqual(a, b)) return 'bad signature';
  return null;
}

// Delivery ids already handled; a real gateway keeps them (for the tolerance window at least) in its database.
const seen = new Set();

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const rawBody = Buffer.concat(chunks).toString('utf8');
    const problem = req.method === 'POST' ? verifyMotcuaWebhook(req.headers, rawBody) : 'POST only';
    if (problem) {
      console.log(JSON.stringify({ rejected: problem }));
      res.writeHead(401).end();
      return;
    }
    const id = req.headers['x-motcua-delivery'];
    if (seen.has(id)) {
      console.log(JSON.stringify({ duplicate: id }));
      res.writeHead(200).end();
      return;
    }
    seen.add(id);
    const payload = JSON.parse(rawBody);
    // Here a gateway sends its SMS or Zalo message, e.g. to payload.contact.phone.
    console.log(JSON.stringify({ accepted: id, type: payload.type, ticket: payload.ticket.label }));
    res.writeHead(200).end();
  });
});

server.listen(port, host, () => {
  console.log(JSON.stringify({ listening: `http://${host}:${server.address().port}/` }));
});
