import ExcelJS from 'exceljs';
import type { ProvinceReport } from './officeReports.js';

const round1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

/** The province report as an Excel file: one row per office and a total, Vietnamese headers. */
export async function provinceReportWorkbook(report: ProvinceReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Tổng hợp');
  sheet.addRow([`Báo cáo các bộ phận một cửa, ngày ${report.range.from} đến ${report.range.to}`]);
  sheet.addRow([
    'Mã văn phòng',
    'Văn phòng',
    'Số phiếu đã cấp',
    'Đã phục vụ',
    'Vắng mặt',
    'Đã hủy',
    'Hết hạn',
    'Chờ trung bình (phút)',
    'Chờ trung vị (phút)',
    'Chờ p90 (phút)',
    'Phục vụ trung bình (phút)',
    'Số đánh giá',
    'Chỉ số hài lòng (%)',
  ]).font = { bold: true };
  const rows = [
    ...report.offices.map((o) => ({ id: o.officeId, name: o.name, s: o.summary })),
    { id: '', name: 'Toàn tỉnh', s: report.combined },
  ];
  for (const { id, name, s } of rows) {
    const minutes = (v: number | null) => round1(v === null ? null : v / 60);
    sheet.addRow([
      id,
      name,
      s.totals.issued,
      s.totals.served,
      s.totals.noShow,
      s.totals.cancelled,
      s.totals.expired,
      minutes(s.waiting.overall.meanSeconds),
      minutes(s.waiting.overall.medianSeconds),
      minutes(s.waiting.overall.p90Seconds),
      minutes(s.service.overall.meanSeconds),
      s.satisfaction.overall.ratings,
      round1(s.satisfaction.overall.index),
    ]);
  }
  sheet.columns.forEach((column, index) => (column.width = index === 1 ? 36 : 16));
  const days = workbook.addWorksheet('Theo ngày');
  days.addRow(['Mã văn phòng', 'Ngày', 'Số phiếu', 'Đã phục vụ', 'Vắng mặt', 'Đã hủy', 'Hết hạn']).font = {
    bold: true,
  };
  for (const office of report.offices) {
    for (const d of office.summary.byDay) {
      days.addRow([office.officeId, d.key, d.issued, d.served, d.noShow, d.cancelled, d.expired]);
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
