import {
  formatDayVi,
  PeriodicReportBuilder,
  periodLabel,
  periodNames,
  ratingAnswerNames,
  ratingMethodOf,
  ratingScales,
  SATISFACTION_FORMULA,
  serviceDayBounds,
  type OfficeConfig,
  type PeriodicReport,
  type PeriodicSatisfaction,
  type ReportPeriod,
  type ReportRange,
} from '@motcua/core';
import { fileRoute } from '../net/routes.js';
import type { DossierStore } from './dossierStore.js';
import { download } from './exports.js';
import type { ReportStore } from './reportStore.js';
import type { FeatureContext, HubFeature } from './types.js';

/** Folds the range's tickets and dossiers, page by page from the stores, into the periodic report. */
export async function periodicReport(
  reports: ReportStore,
  dossiers: DossierStore,
  config: OfficeConfig,
  range: ReportRange,
  period: ReportPeriod,
): Promise<PeriodicReport> {
  const builder = new PeriodicReportBuilder(period);
  for await (const t of reports.ticketsInRange(range)) {
    builder.addTicket({
      ...t,
      ballot: t.ratingAnswer && t.ratingScale ? { scale: t.ratingScale, answer: t.ratingAnswer } : null,
    });
  }
  const { startsAt, endsAt } = serviceDayBounds(range, config.office);
  for await (const visit of dossiers.visitsBetween(startsAt, endsAt)) {
    builder.addDossier({
      serviceDay: visit.serviceDay,
      fieldId: config.services[visit.serviceId]?.fieldId ?? '',
      step: config.procedures?.[visit.serviceId]?.returnsResults ? 'return' : 'receive',
    });
  }
  return builder.result();
}

/** The method as the sheets state it: the formula, the scale in use, and how earlier ballots count. */
export function methodLines(config: OfficeConfig): string[] {
  const scale = ratingScales[ratingMethodOf(config).scale];
  return [
    `Phương pháp: ${SATISFACTION_FORMULA.vi}.`,
    `Thang đánh giá đang dùng: ${scale.name.vi} (${scale.answers.map((a) => ratingAnswerNames[a].vi).join(', ')}); ` +
      'lý do là bắt buộc khi chọn Không hài lòng.',
    'Phiếu của các thang khác nhau được tính chung theo cùng công thức; phiếu bốn mức trước đây giữ nguyên nghĩa ' +
      '(Bình thường không tính là hài lòng). Kỳ không có phiếu: không có tỷ lệ (—).',
  ];
}

const SATISFACTION_HEADERS = [
  'Số phiếu đánh giá',
  ...ratingScales.five.answers.map((answer) => ratingAnswerNames[answer].vi),
  'Tỷ lệ hài lòng (%)',
];

const percent = (value: number | null) => (value === null ? '—' : Math.round(value * 10) / 10);
const minutes = (seconds: number | null) => (seconds === null ? '—' : Math.round((seconds / 60) * 10) / 10);

function satisfactionCells(row: PeriodicSatisfaction): (string | number)[] {
  return [row.ballots, ...ratingScales.five.answers.map((answer) => row.answers[answer]), percent(row.percent)];
}

/** The workbook the office attaches to its periodic report. */
export async function periodicReportWorkbook(
  report: PeriodicReport,
  config: OfficeConfig,
  range: ReportRange,
): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = config.office.name;
  const title = `${config.office.name} — báo cáo ${periodNames[report.period].vi.toLowerCase()} từ ${formatDayVi(range.from)} đến ${formatDayVi(range.to)}`;
  const bold = (row: import('exceljs').Row) => {
    row.font = { bold: true };
  };

  const cover = workbook.addWorksheet('Báo cáo');
  bold(cover.addRow([title]));
  for (const line of methodLines(config)) cover.addRow([line]);
  cover.addRow([]);
  bold(cover.addRow(['Chỉ tiêu', 'Giá trị']));
  const overall = report.satisfaction.overall;
  cover.addRow(['Số phiếu đánh giá', overall.ballots]);
  cover.addRow(['Số phiếu Rất hài lòng + Hài lòng', overall.satisfied]);
  cover.addRow(['Tỷ lệ hài lòng (%)', percent(overall.percent)]);
  cover.addRow(['Số hồ sơ tiếp nhận', report.dossiersReceivedTotal]);
  cover.addRow(['Thời gian chờ trung bình (phút, lấy số → gọi)', minutes(report.waiting.overall.meanSeconds)]);
  cover.addRow(['Số lượt công dân được gọi', report.waiting.overall.called]);
  cover.getColumn(1).width = 60;
  cover.getColumn(2).width = 16;

  const satisfactionSheet = (
    name: string,
    keyHeader: string,
    rows: PeriodicSatisfaction[],
    label: (key: string) => string,
  ) => {
    const sheet = workbook.addWorksheet(name);
    for (const line of methodLines(config)) sheet.addRow([line]);
    bold(sheet.addRow([keyHeader, ...SATISFACTION_HEADERS]));
    for (const row of rows) sheet.addRow([label(row.key), ...satisfactionCells(row)]);
    bold(sheet.addRow(['Tổng cộng', ...satisfactionCells(overall)]));
    sheet.getColumn(1).width = 28;
  };
  satisfactionSheet('Hài lòng theo kỳ', periodNames[report.period].vi, report.satisfaction.byPeriod, periodLabel);
  satisfactionSheet('Hài lòng theo quầy', 'Quầy', report.satisfaction.byCounter, (key) =>
    key ? (config.counters[key]?.name.vi ?? key) : '(không rõ quầy)',
  );
  satisfactionSheet('Hài lòng theo cán bộ', 'Cán bộ', report.satisfaction.byClerk, (key) =>
    key ? (config.users[key]?.displayName ?? key) : '(không rõ cán bộ)',
  );

  const fields = workbook.addWorksheet('Hồ sơ theo lĩnh vực');
  fields.addRow([
    'Số hồ sơ tiếp nhận (mã hồ sơ gắn với số thứ tự tại quầy), theo lĩnh vực và kỳ; không tính lượt trả kết quả.',
  ]);
  bold(fields.addRow(['Lĩnh vực', ...report.periods.map(periodLabel), 'Tổng cộng']));
  for (const row of report.dossiersReceived) {
    fields.addRow([
      row.fieldId ? (config.fields[row.fieldId]?.name.vi ?? row.fieldId) : '(thủ tục đã xóa)',
      ...report.periods.map((key) => row.byPeriod[key] ?? 0),
      row.total,
    ]);
  }
  bold(
    fields.addRow([
      'Tổng cộng',
      ...report.periods.map((key) => report.dossiersReceived.reduce((sum, row) => sum + (row.byPeriod[key] ?? 0), 0)),
      report.dossiersReceivedTotal,
    ]),
  );
  fields.getColumn(1).width = 40;

  const waiting = workbook.addWorksheet('Thời gian chờ');
  waiting.addRow(['Thời gian chờ = từ lúc lấy số đến lúc được gọi, trung bình trên các lượt đã được gọi.']);
  bold(waiting.addRow([periodNames[report.period].vi, 'Số lượt được gọi', 'Thời gian chờ trung bình (phút)']));
  for (const row of report.waiting.byPeriod)
    waiting.addRow([periodLabel(row.key), row.called, minutes(row.meanSeconds)]);
  bold(waiting.addRow(['Tổng cộng', report.waiting.overall.called, minutes(report.waiting.overall.meanSeconds)]));
  waiting.getColumn(1).width = 20;

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** GET /api/reports/periodic.xlsx?from&to&period=month|quarter|year: the report in the province's terms. */
export function createPeriodicReportFeature(
  ctx: FeatureContext,
  reports: ReportStore,
  dossiers: DossierStore,
): HubFeature {
  return {
    name: 'periodicReport',
    routes: [
      fileRoute('GET /api/reports/periodic.xlsx', {
        handler: async ({ query, reply }) => {
          const config = ctx.engine.state.config;
          const report = await periodicReport(reports, dossiers, config, query, query.period);
          const file = await periodicReportWorkbook(report, config, query);
          return download(
            reply,
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            `bao-cao-dinh-ky_${query.period}_${query.from}_${query.to}.xlsx`,
          ).send(file);
        },
      }),
    ],
    stop: () => undefined,
  };
}
