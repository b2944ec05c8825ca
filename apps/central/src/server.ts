import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import { ingestBatchSchema, isoDateSchema, type IngestReply } from '@motcua/core';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  createOffice,
  createStaff,
  officeForCredential,
  rotateOfficeCredential,
  signIn,
  staffForSession,
  visibleOffices,
  type StaffMember,
} from './access.js';
import { listAlerts, raiseAlert } from './alerts.js';
import type { SqlClient } from './db/sqlClient.js';
import { ingestBatch, nextSeq } from './ingest/ingestBatch.js';
import type { Projector } from './ingest/projector.js';
import { officeReport, officesOverview, provinceReport } from './reports/officeReports.js';
import { provinceReportWorkbook } from './reports/provinceWorkbook.js';

export interface CentralServerOptions {
  sql: SqlClient;
  /** Folds stored events into the report tables; woken after every stored batch. */
  projector: Projector;
  now?: () => number;
  logLevel?: string;
}

type ErrorCode = 'BAD_REQUEST' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'FORBIDDEN_OFFICE' | 'NOT_FOUND' | 'CONFLICT';

function refuse(reply: FastifyReply, status: number, code: ErrorCode, message: string) {
  return reply.code(status).send({ ok: false, code, message });
}

function bearer(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7).trim() || null : null;
}

const rangeSchema = z
  .object({ from: isoDateSchema, to: isoDateSchema, offices: z.string().max(20_000).optional() })
  .refine((r) => r.from <= r.to, { message: 'from ≤ to', path: ['to'] });

const officeIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'a-z, 0-9, -');

const newOfficeSchema = z.object({ id: officeIdSchema, name: z.string().min(1).max(200) });
const newStaffSchema = z.object({
  username: z.string().regex(/^[a-z0-9._-]{2,40}$/),
  displayName: z.string().min(1).max(100),
  password: z.string().min(8).max(200),
  role: z.enum(['provinceAdmin', 'viewer']),
  officeIds: z.array(officeIdSchema).max(1000).default([]),
});
const loginSchema = z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) });

/** The HTTP face of central: ingest for office hubs, sign-in, dashboard and report APIs, admin, the dashboard page. */
export async function buildCentralServer(options: CentralServerOptions): Promise<FastifyInstance> {
  const { sql } = options;
  const now = options.now ?? Date.now;
  const app = Fastify({
    logger: { level: options.logLevel ?? 'warn' },
    // A batch of 1,000 events is a few hundred KB; leave room for large payloads.
    bodyLimit: 16 * 1024 * 1024,
  });

  app.setErrorHandler((error: { statusCode?: number; message: string }, _request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 500) app.log.error(error);
    return reply.code(status).send({
      ok: false,
      code: status < 500 ? 'BAD_REQUEST' : 'INTERNAL',
      message: status < 500 ? error.message : 'Lỗi máy chủ / server error',
    });
  });

  const allOfficeIds = async () =>
    (await sql.staffReads.query<{ id: string }>('SELECT id FROM offices ORDER BY id')).rows.map((r) => r.id);

  async function officeOf(request: FastifyRequest, reply: FastifyReply): Promise<string | null> {
    const token = bearer(request);
    const officeId = token ? await officeForCredential(sql, token) : null;
    if (!officeId) {
      await refuse(reply, 401, 'UNAUTHORIZED', 'Mã xác thực văn phòng không hợp lệ / invalid office credential');
      return null;
    }
    await sql.query('UPDATE offices SET last_contact_at = $2 WHERE id = $1', [officeId, now()]);
    return officeId;
  }

  async function staffOf(
    request: FastifyRequest,
    reply: FastifyReply,
    role?: 'provinceAdmin',
  ): Promise<StaffMember | null> {
    const token = bearer(request);
    const staff = token ? await staffForSession(sql.staffReads, token, now()) : null;
    if (!staff) {
      await refuse(reply, 401, 'UNAUTHORIZED', 'Vui lòng đăng nhập lại / please sign in again');
      return null;
    }
    if (role && staff.role !== role) {
      await refuse(reply, 403, 'FORBIDDEN', 'Chỉ quản trị tỉnh được làm việc này / province admins only');
      return null;
    }
    return staff;
  }

  app.get('/healthz', async () => ({ ok: true, database: sql.kind }));

  app.post('/api/ingest', async (request, reply) => {
    const officeId = await officeOf(request, reply);
    if (!officeId) return;
    const parsed = ingestBatchSchema.safeParse(request.body);
    if (!parsed.success) return refuse(reply, 400, 'BAD_REQUEST', parsed.error.issues[0]?.message ?? 'invalid batch');
    const batch = parsed.data;
    if (batch.officeId !== officeId) {
      const message = `credential of ${officeId} used to post as ${batch.officeId}`;
      await raiseAlert(
        sql,
        officeId,
        'FORBIDDEN_OFFICE',
        message,
        { claimed: batch.officeId, hubId: batch.hubId },
        now(),
      );
      return refuse(
        reply,
        403,
        'FORBIDDEN_OFFICE',
        `Mã xác thực này không thuộc văn phòng ${batch.officeId} / ${message}`,
      );
    }
    const result: IngestReply = await ingestBatch(sql, batch, now());
    if (result.ok) {
      if (result.stored > 0) options.projector.wake();
      return result;
    }
    return reply.code(result.code === 'GAP' ? 409 : result.code === 'BAD_REQUEST' ? 400 : 422).send(result);
  });

  app.get('/api/ingest/cursor', async (request, reply) => {
    const officeId = await officeOf(request, reply);
    if (!officeId) return;
    const hubId = z
      .string()
      .min(1)
      .max(100)
      .safeParse((request.query as { hubId?: unknown }).hubId);
    if (!hubId.success) return refuse(reply, 400, 'BAD_REQUEST', 'hubId required');
    return { ok: true, officeId, hubId: hubId.data, nextSeq: await nextSeq(sql, officeId, hubId.data) };
  });

  app.post('/api/auth/login', async (request, reply) => {
    const parsed = loginSchema.safeParse(request.body);
    if (!parsed.success) return refuse(reply, 400, 'BAD_REQUEST', 'username, password');
    const session = await signIn(sql, parsed.data.username, parsed.data.password, now());
    if (!session)
      return refuse(reply, 401, 'UNAUTHORIZED', 'Sai tên đăng nhập hoặc mật khẩu / wrong username or password');
    return { ok: true, ...session };
  });

  app.get('/api/me', async (request, reply) => {
    const staff = await staffOf(request, reply);
    if (staff) return { ok: true, staff };
  });

  app.get('/api/overview', async (request, reply) => {
    const staff = await staffOf(request, reply);
    if (!staff) return;
    const offices = await officesOverview(sql.staffReads, staff.officeIds, now());
    return { ok: true, now: now(), offices };
  });

  async function reportRequest(request: FastifyRequest, reply: FastifyReply) {
    const staff = await staffOf(request, reply);
    if (!staff) return null;
    const parsed = rangeSchema.safeParse(request.query);
    if (!parsed.success) {
      await refuse(reply, 400, 'BAD_REQUEST', parsed.error.issues[0]?.message ?? 'from, to');
      return null;
    }
    const requested = parsed.data.offices ? parsed.data.offices.split(',').filter(Boolean) : [];
    const ids = visibleOffices(staff, await allOfficeIds(), requested);
    const names = (
      await sql.staffReads.query<{ id: string; name: string }>(
        'SELECT id, name FROM offices WHERE id = ANY($1::text[]) ORDER BY id',
        [ids],
      )
    ).rows;
    return provinceReport(sql.staffReads, names, { from: parsed.data.from, to: parsed.data.to }, now());
  }

  app.get('/api/reports', async (request, reply) => {
    const report = await reportRequest(request, reply);
    if (report) return { ok: true, report };
  });

  app.get('/api/reports.xlsx', async (request, reply) => {
    const report = await reportRequest(request, reply);
    if (!report) return;
    const bytes = await provinceReportWorkbook(report);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="bao-cao-tinh-${report.range.from}-${report.range.to}.xlsx"`)
      .send(bytes);
  });

  app.get('/api/offices/:officeId', async (request, reply) => {
    const staff = await staffOf(request, reply);
    if (!staff) return;
    const { officeId } = request.params as { officeId: string };
    if (!visibleOffices(staff, await allOfficeIds()).includes(officeId)) {
      return refuse(reply, 404, 'NOT_FOUND', 'Không có văn phòng này / no such office');
    }
    const parsed = rangeSchema.safeParse(request.query);
    const [overview] = await officesOverview(sql.staffReads, [officeId], now());
    const day = overview?.serviceDay ?? new Date(now()).toISOString().slice(0, 10);
    const range = parsed.success ? { from: parsed.data.from, to: parsed.data.to } : { from: day, to: day };
    const counters = (
      await sql.staffReads.query<{
        id: string;
        status: string;
        clerk_id: string | null;
        current_ticket_id: string | null;
        since: number;
      }>('SELECT id, status, clerk_id, current_ticket_id, since FROM counters WHERE office_id = $1 ORDER BY id', [
        officeId,
      ])
    ).rows;
    return {
      ok: true,
      overview,
      range,
      report: await officeReport(sql.staffReads, officeId, range, now()),
      counters,
      alerts: await listAlerts(sql.staffReads, [officeId], 20),
    };
  });

  app.get('/api/alerts', async (request, reply) => {
    const staff = await staffOf(request, reply);
    if (!staff) return;
    return { ok: true, alerts: await listAlerts(sql.staffReads, staff.officeIds) };
  });

  app.post('/api/admin/offices', async (request, reply) => {
    if (!(await staffOf(request, reply, 'provinceAdmin'))) return;
    const parsed = newOfficeSchema.safeParse(request.body);
    if (!parsed.success) return refuse(reply, 400, 'BAD_REQUEST', parsed.error.issues[0]?.message ?? 'id, name');
    const exists = (await sql.query('SELECT 1 FROM offices WHERE id = $1', [parsed.data.id])).rows.length > 0;
    if (exists) return refuse(reply, 409, 'CONFLICT', 'Mã văn phòng đã có / office id taken');
    const credential = await createOffice(sql, parsed.data.id, parsed.data.name, now());
    return { ok: true, officeId: parsed.data.id, credential };
  });

  app.post('/api/admin/offices/:officeId/credential', async (request, reply) => {
    if (!(await staffOf(request, reply, 'provinceAdmin'))) return;
    const credential = await rotateOfficeCredential(sql, (request.params as { officeId: string }).officeId);
    if (!credential) return refuse(reply, 404, 'NOT_FOUND', 'Không có văn phòng này / no such office');
    return { ok: true, credential };
  });

  app.post('/api/admin/staff', async (request, reply) => {
    if (!(await staffOf(request, reply, 'provinceAdmin'))) return;
    const parsed = newStaffSchema.safeParse(request.body);
    if (!parsed.success) return refuse(reply, 400, 'BAD_REQUEST', parsed.error.issues[0]?.message ?? 'invalid');
    const taken = (await sql.query('SELECT 1 FROM staff WHERE username = $1', [parsed.data.username])).rows.length > 0;
    if (taken) return refuse(reply, 409, 'CONFLICT', 'Tên đăng nhập đã có / username taken');
    const id = await createStaff(sql, parsed.data, now());
    return { ok: true, staffId: id };
  });

  const webRoot = dashboardDir();
  if (webRoot) await app.register(fastifyStatic, { root: webRoot, prefix: '/' });
  else app.get('/', async () => 'Chưa build giao diện: chạy npm run build / dashboard not built: run npm run build');
  return app;
}

/** The built dashboard (apps/central/dist/web), from the source or from the bundle. */
function dashboardDir(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const candidate = join(dir, 'dist', 'web');
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    if (existsSync(join(dir, 'web', 'index.html'))) return join(dir, 'web');
    dir = dirname(dir);
  }
  return null;
}
