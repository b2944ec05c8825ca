/**
 * The province dashboard's refresh, timed from a process of its own (a browser is on another machine):
 * GET /api/overview every `intervalMs` until stdin closes, then prints the times as JSON on stdout.
 * Run by bench/central.bench.ts; the bench process itself is busy building and sending offices' batches.
 */
const [url, token, interval] = process.argv.slice(2);
if (!url || !token) throw new Error('usage: overviewProbe <centralUrl> <token> [intervalMs]');
const intervalMs = Number(interval ?? 200);
const times: number[] = [];
let running = true;
process.stdin.on('end', () => (running = false));
process.stdin.resume();
while (running) {
  const t0 = performance.now();
  const res = await fetch(`${url}/api/overview`, { headers: { authorization: `Bearer ${token}` } });
  const body = (await res.json()) as { ok: boolean };
  if (!body.ok) throw new Error(`overview refused: ${JSON.stringify(body)}`);
  times.push(performance.now() - t0);
  await new Promise((r) => setTimeout(r, intervalMs));
}
process.stdout.write(`${JSON.stringify(times)}\n`);
export {};
