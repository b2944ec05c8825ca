/**
 * `npm run bench:central`: central's ingest into a real PostgreSQL (started here in a temp folder)
 * against a raw batched INSERT floor measured in the same run, then many simulated offices shipping
 * a busy day each over HTTP while the dashboard is queried.
 */
import { spawn } from 'node:child_process';
import pg from 'pg';
import { createOffice } from '../apps/central/src/access.js';
import { shipPending } from '../apps/central/src/demo/demoFeed.js';
import { SimulatedOffice } from '../apps/central/src/demo/simulatedOffice.js';
import { ingestBatch } from '../apps/central/src/ingest/ingestBatch.js';
import { Projector } from '../apps/central/src/ingest/projector.js';
import { startCentral } from '../apps/central/src/startCentral.js';
import { REPO_ROOT } from '../e2e/support/hubProcess.js';
import { startPostgres } from '../e2e/support/postgresServer.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const INGEST_OFFICES = arg('ingest-offices', 10);
const OFFICES = arg('offices', 200);
/** Simulated minutes of a day per office (480 = 8 working hours). */
const DAY_MINUTES = arg('day-minutes', 480);
/** Phase 3: the same days shipped as they happen, compressed into this many seconds. */
const PACED_SECONDS = arg('paced-seconds', 120);
/** Phase 3: each office ships once per this many simulated minutes (a hub ships as events happen). */
const PACED_STEP_MINUTES = 10;
const BATCH = 500;

/** `apps/central/src/main.ts` in a child process on the given database; resolves once it listens. */
async function startCentralProcess(databaseUrl: string, adminPassword: string): Promise<{ url: string; stop(): void }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'apps/central/src/main.ts', '--port', '0', '--host', '127.0.0.1', '--log-level', 'warn'],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, CENTRAL_ADMIN_PASSWORD: adminPassword },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const ready = /CENTRAL_READY (\{.*\})/.exec(output);
      if (ready?.[1]) resolve((JSON.parse(ready[1]) as { url: string }).url);
    });
    child.once('exit', (code) => reject(new Error(`central exited with ${code}: ${output}`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

/** bench/overviewProbe.ts in its own process; `stop()` resolves with the overview times it measured. */
function startOverviewProbe(centralUrl: string, token: string, intervalMs: number): { stop(): Promise<number[]> } {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'bench/overviewProbe.ts', centralUrl, token, String(intervalMs)],
    { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number[]>((resolve, reject) =>
    child.once('exit', (code) =>
      code === 0 ? resolve(JSON.parse(output) as number[]) : reject(new Error(`overview probe exited with ${code}`)),
    ),
  );
  return {
    stop: () => {
      child.stdin.end();
      return exited;
    },
  };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? 0;
};

function simulatedDay(officeId: string, seed: number): SimulatedOffice {
  const office = new SimulatedOffice(officeId, Date.now() - DAY_MINUTES * 60_000, seed);
  for (let m = 0; m < DAY_MINUTES; m++) office.step();
  return office;
}

async function main(): Promise<void> {
  const postgres = await startPostgres();
  try {
    const central = await startCentral({
      port: 0,
      host: '127.0.0.1',
      dataDir: '',
      databaseUrl: postgres.url,
      adminPassword: 'bench-admin-1',
      logLevel: 'warn',
    });
    const generatedAt = Date.now();
    const offices = Array.from({ length: INGEST_OFFICES }, (_, i) => simulatedDay(`ingest-${i}`, i + 1));
    const events = offices.reduce((n, o) => n + o.shipped.length, 0);
    console.log(`generated ${INGEST_OFFICES} office days, ${events} events in ${Date.now() - generatedAt} ms`);

    // Floor and central's ingest, interleaved batch by batch so both see the same machine (other work on
    // a shared 2-core machine moves absolute rates by 2× between minutes). Floor: the same rows, the same
    // batch size, one multi-row INSERT per batch into a bare table. Ingest: central's path (chain check,
    // event insert, fold with core's apply, report projections), in this process, without HTTP.
    const raw = new pg.Client(postgres.url);
    await raw.connect();
    await raw.query(
      'CREATE TABLE floor_events (office_id TEXT, hub_id TEXT, seq BIGINT, at BIGINT, actor TEXT, payload TEXT, prev_hash TEXT, hash TEXT, PRIMARY KEY (office_id, hub_id, seq))',
    );
    for (const office of offices) await createOffice(central.sql, office.officeId, office.officeId, Date.now());
    let floorMs = 0;
    let ingestMs = 0;
    for (const office of offices) {
      for (let i = 0; i < office.shipped.length; i += BATCH) {
        const batch = office.shipped.slice(i, i + BATCH);
        let started = performance.now();
        await raw.query(
          `INSERT INTO floor_events SELECT $1::text, $2::text, u.* FROM unnest($3::bigint[], $4::bigint[], $5::text[], $6::text[], $7::text[], $8::text[]) AS u`,
          [
            office.officeId,
            office.hubId,
            batch.map((e) => e.seq),
            batch.map((e) => e.at),
            batch.map((e) => e.actor),
            batch.map((e) => e.payload),
            batch.map((e) => e.prevHash),
            batch.map((e) => e.hash),
          ],
        );
        floorMs += performance.now() - started;
        started = performance.now();
        const reply = await ingestBatch(
          central.sql,
          { officeId: office.officeId, hubId: office.hubId, events: batch },
          Date.now(),
        );
        if (!reply.ok) throw new Error(`${reply.code}: ${reply.message}`);
        ingestMs += performance.now() - started;
      }
    }
    await raw.end();
    const floorRate = events / (floorMs / 1000);
    const ingestRate = events / (ingestMs / 1000);
    console.log(
      `ingest (stored, chain checked, acknowledged): ${ingestRate.toFixed(0)} events/s; raw batched INSERT floor ${floorRate.toFixed(0)} events/s; ratio ${(ingestRate / floorRate).toFixed(2)} (target ≥ 0.5)`,
    );
    // The report tables follow behind: how fast the projector folds the same events (from a cold cache).
    const projectionErrors: unknown[] = [];
    const projector = new Projector(central.sql, (error) => projectionErrors.push(error));
    const projectStarted = performance.now();
    projector.wake();
    await projector.whenIdle();
    await projector.stop();
    if (projectionErrors.length > 0) throw projectionErrors[0];
    const projectRate = events / ((performance.now() - projectStarted) / 1000);
    console.log(
      `projection into the report tables: ${projectRate.toFixed(0)} events/s (${(projectRate / floorRate).toFixed(2)} of the floor)`,
    );
    await central.close();

    // Many offices, each shipping a busy day over HTTP to central in its own process (as in production:
    // the offices' hubs are other machines), eight at a time, while the dashboard is queried.
    const generated = Date.now();
    const day = Array.from({ length: OFFICES }, (_, i) => simulatedDay(`office-${i}`, 1000 + i));
    const dayEvents = day.reduce((n, o) => n + o.shipped.length, 0);
    console.log(`generated ${OFFICES} office days, ${dayEvents} events in ${Date.now() - generated} ms`);
    const server = await startCentralProcess(postgres.url, 'bench-admin-1');
    process.once('exit', () => server.stop());
    const centralUrl = server.url;
    const login = await fetch(`${centralUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'bench-admin-1' }),
    });
    const token = ((await login.json()) as { token: string }).token;
    const credentials = new Map<string, string>();
    for (const office of day) {
      const created = await fetch(`${centralUrl}/api/admin/offices`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ id: office.officeId, name: office.officeId }),
      });
      credentials.set(office.officeId, ((await created.json()) as { credential: string }).credential);
    }
    // The dashboard refreshes from a process of its own, as a browser on another machine would.
    const catchUpProbe = startOverviewProbe(centralUrl, token, 50);
    const shipStarted = performance.now();
    const queue = [...day];
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let office = queue.shift(); office; office = queue.shift()) {
          await shipPending(centralUrl, credentials.get(office.officeId) as string, office, 1);
        }
      }),
    );
    const shipSeconds = (performance.now() - shipStarted) / 1000;
    const queryTimes = await catchUpProbe.stop();
    console.log(
      `${OFFICES} offices × ${DAY_MINUTES} simulated minutes: ${dayEvents} events shipped over HTTP in ${shipSeconds.toFixed(1)} s (${(dayEvents / shipSeconds).toFixed(0)} events/s; the day itself lasts ${(DAY_MINUTES / 60).toFixed(0)} h, so central keeps up ${((DAY_MINUTES * 60) / shipSeconds).toFixed(0)}× over)`,
    );
    console.log(
      `dashboard overview of ${OFFICES + INGEST_OFFICES} offices while they ship: ${queryTimes.length} queries, p50 ${percentile(queryTimes, 0.5).toFixed(1)} ms, p95 ${percentile(queryTimes, 0.95).toFixed(1)} ms (target < 200 ms)`,
    );

    // Phase 3: the same days shipped as they happen (under other office ids, so as new streams), the
    // whole day compressed into PACED_SECONDS: every office ships what its hub produced in each
    // PACED_STEP_MINUTES of its day, at the matching moment. The dashboard is queried throughout.
    const pacedCredentials = new Map<string, string>();
    for (const office of day) {
      const created = await fetch(`${centralUrl}/api/admin/offices`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ id: `paced-${office.officeId}`, name: `paced-${office.officeId}` }),
      });
      pacedCredentials.set(office.officeId, ((await created.json()) as { credential: string }).credential);
    }
    const steps = Math.ceil(DAY_MINUTES / PACED_STEP_MINUTES);
    const stepMs = (PACED_SECONDS * 1000) / steps;
    const pacedProbe = startOverviewProbe(centralUrl, token, 200);
    const dayStart = (office: SimulatedOffice) => office.shipped[0]?.at ?? 0;
    const pacedStarted = performance.now();
    let lateSteps = 0;
    for (let step = 0; step < steps; step++) {
      const due = pacedStarted + step * stepMs;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      else lateSteps++;
      const until = (office: SimulatedOffice) => dayStart(office) + (step + 1) * PACED_STEP_MINUTES * 60_000;
      const sends = day.map((office) => async () => {
        const events = office.shipped.filter(
          (e) => e.at < until(office) && e.at >= until(office) - PACED_STEP_MINUTES * 60_000,
        );
        if (events.length === 0) return;
        const res = await fetch(`${centralUrl}/api/ingest`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${pacedCredentials.get(office.officeId) as string}`,
          },
          body: JSON.stringify({ officeId: `paced-${office.officeId}`, hubId: office.hubId, events }),
        });
        const reply = (await res.json()) as { ok: boolean; code?: string };
        if (!reply.ok) throw new Error(`paced ship refused: ${reply.code}`);
      });
      // Offices are independent machines: up to 16 requests in flight from this one bench process.
      const pending = [...sends];
      await Promise.all(
        Array.from({ length: 16 }, async () => {
          for (let send = pending.shift(); send; send = pending.shift()) await send();
        }),
      );
    }
    const pacedTimes = await pacedProbe.stop();
    const pacedSeconds = (performance.now() - pacedStarted) / 1000;
    console.log(
      `${OFFICES} offices shipping their day as it happens, ${(DAY_MINUTES * 60) / PACED_SECONDS}× real time (${steps} sends each over ${PACED_SECONDS} s; took ${pacedSeconds.toFixed(1)} s, ${lateSteps} steps late): dashboard ${pacedTimes.length} queries, p50 ${percentile(pacedTimes, 0.5).toFixed(1)} ms, p95 ${percentile(pacedTimes, 0.95).toFixed(1)} ms (target < 200 ms)`,
    );
    server.stop();
  } finally {
    await postgres.stop();
  }
}

await main();
