// node blobs.cjs [--no-insert | --no-blob | --no-rows | --chunked]: glibc's main heap while better-sqlite3 writes
// growing blobs among small rows. --no-insert builds the strings only; --no-blob writes only the small rows;
// --no-rows only the blobs; --chunked writes each blob as rows of 64 KB; --cache-kb N sets SQLite's page cache
// (better-sqlite3 builds SQLite with 16,000 KiB).
const has = (flag) => process.argv.includes(flag);
const insert = !has('--no-insert');
const CHUNK = 64 * 1024;
const Database = require('/work/main/node_modules/better-sqlite3');
const fs = require('fs'); const os = require('os'); const path = require('path');
const heapKb = () => { let kb = 0, inHeap = false; for (const l of fs.readFileSync('/proc/self/smaps','utf8').split('\n')) { const m = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(l); if (m) { inHeap = m[1] === '[heap]'; continue; } const r = /^Rss:\s+(\d+)/.exec(l); if (r && inHeap) kb += +r[1]; } return kb; };
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'blob-'));
const db = new Database(path.join(dir, 'x.sqlite'));
for (const p of ['journal_mode = WAL', 'synchronous = FULL']) db.pragma(p);
if (has('--cache-kb')) db.pragma(`cache_size = -${Number(process.argv[process.argv.indexOf('--cache-kb') + 1])}`);
db.exec('CREATE TABLE s (seq INTEGER PRIMARY KEY, state TEXT)');
const ins = db.prepare('INSERT OR REPLACE INTO s VALUES (?, ?)');
const small = db.prepare('INSERT INTO s VALUES (?, ?)');
console.log('start [heap] MB', (heapKb()/1024).toFixed(1), 'rss', (process.memoryUsage().rss/1048576).toFixed(1));
let seq = 1e6;
for (let i = 1; i <= 8; i++) {
  const big = JSON.stringify(Array.from({ length: i * 10000 }, (_, k) => ({ id: 'ticket-' + k, label: 'A' + k, status: 'waiting', at: Date.now() + k })));
  if (insert && !has('--no-blob')) {
    if (has('--chunked')) db.transaction(() => { for (let at = 0, c = 0; at < big.length; at += CHUNK, c++) ins.run(i * 1000 + c, big.slice(at, at + CHUNK)); })();
    else ins.run(i, big);
  }
  for (let k = 0; insert && !has('--no-rows') && k < 2000; k++) small.run(seq++, 'x'.repeat(200));
  console.log(i, 'blob MB', (big.length/1048576).toFixed(1), '[heap] MB', (heapKb()/1024).toFixed(1), 'rss', (process.memoryUsage().rss/1048576).toFixed(1));
}
