const apps: { path: string; app: string; vi: string; en: string; hint: string }[] = [
  {
    path: '/kiosk/',
    app: 'kiosk',
    vi: 'Máy lấy số',
    en: 'Kiosk',
    hint: 'Công dân lấy số thứ tự / citizens take a ticket',
  },
  {
    path: '/counter/',
    app: 'counter',
    vi: 'Quầy giao dịch',
    en: 'Counter',
    hint: 'Cán bộ gọi số (canbo1 … canbo5, PIN 1234 trong bản demo)',
  },
  {
    path: '/counter/rating?counter=quay-1',
    app: 'counter',
    vi: 'Đánh giá hài lòng',
    en: 'Satisfaction rating',
    hint: 'Màn hình đánh giá tại quầy 1',
  },
  { path: '/display/', app: 'display', vi: 'Màn hình hiển thị', en: 'Wall display', hint: 'Bảng gọi số và giọng đọc' },
  {
    path: '/book/',
    app: 'citizen',
    vi: 'Đặt lịch hẹn trực tuyến',
    en: 'Online booking',
    hint: 'Công dân đặt giờ trước khi đến',
  },
  {
    path: '/admin/',
    app: 'admin',
    vi: 'Quản trị và báo cáo',
    en: 'Admin and reports',
    hint: 'Cấu hình, giám sát, báo cáo',
  },
];

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

/** The hub's front page: every app with its address on this machine and on the LAN. */
export function landingPage(
  officeName: string,
  lanUrls: string[],
  port: number,
  built: Record<string, boolean>,
): string {
  const bases = [`http://localhost:${port}`, ...lanUrls];
  const rows = apps
    .map((app) => {
      const ready = built[app.app] ? '' : ' <em>(chưa build / not built)</em>';
      const links = bases
        .map((b) => `<a href="${escapeHtml(b + app.path)}">${escapeHtml(b + app.path)}</a>`)
        .join('<br>');
      return `<tr><td><strong>${app.vi}</strong><br><span>${app.en}</span>${ready}</td><td>${links}</td><td>${app.hint}</td></tr>`;
    })
    .join('');
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(officeName)} – Hệ thống xếp hàng</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#0f172a}table{border-collapse:collapse;width:100%}td{border-bottom:1px solid #cbd5e1;padding:.75rem;vertical-align:top}span,em{color:#475569}a{color:#1d4ed8}</style>
</head><body><h1>${escapeHtml(officeName)}</h1><p>Hệ thống lấy số thứ tự – các ứng dụng / Queue system – the apps:</p>
<table>${rows}</table><p><a href="/healthz">/healthz</a></p></body></html>`;
}
