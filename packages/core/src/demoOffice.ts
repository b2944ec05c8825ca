import type { CommandInput } from './commands.js';
import type { Service, WeeklyHours } from './schemas.js';

const workingWeek: WeeklyHours = {
  '1': [
    { from: '07:30', to: '11:30' },
    { from: '13:30', to: '17:00' },
  ],
  '2': [
    { from: '07:30', to: '11:30' },
    { from: '13:30', to: '17:00' },
  ],
  '3': [
    { from: '07:30', to: '11:30' },
    { from: '13:30', to: '17:00' },
  ],
  '4': [
    { from: '07:30', to: '11:30' },
    { from: '13:30', to: '17:00' },
  ],
  '5': [
    { from: '07:30', to: '11:30' },
    { from: '13:30', to: '17:00' },
  ],
  '6': [{ from: '07:30', to: '11:30' }],
};

/** Every day, all day: for demos and tests that run at any hour. */
export const alwaysOpen: WeeklyHours = {
  '1': [{ from: '00:00', to: '24:00' }],
  '2': [{ from: '00:00', to: '24:00' }],
  '3': [{ from: '00:00', to: '24:00' }],
  '4': [{ from: '00:00', to: '24:00' }],
  '5': [{ from: '00:00', to: '24:00' }],
  '6': [{ from: '00:00', to: '24:00' }],
  '7': [{ from: '00:00', to: '24:00' }],
};

const fields = [
  { id: 'ho-tich', vi: 'Hộ tịch', en: 'Civil status' },
  { id: 'chung-thuc', vi: 'Chứng thực', en: 'Certification' },
  { id: 'dat-dai', vi: 'Đất đai', en: 'Land' },
  { id: 'xay-dung', vi: 'Xây dựng', en: 'Construction' },
  { id: 'dang-ky-kinh-doanh', vi: 'Đăng ký kinh doanh', en: 'Business registration' },
  { id: 'lao-dong', vi: 'Lao động – Thương binh và Xã hội', en: 'Labour, Invalids and Social Affairs' },
];

type DemoService = Pick<Service, 'id' | 'code' | 'prefix' | 'fieldId' | 'defaultServiceMinutes'> & {
  vi: string;
  en: string;
};

const services: DemoService[] = [
  {
    id: 'khai-sinh',
    code: 'HT01',
    prefix: 'A',
    fieldId: 'ho-tich',
    vi: 'Đăng ký khai sinh',
    en: 'Birth registration',
    defaultServiceMinutes: 8,
  },
  {
    id: 'ket-hon',
    code: 'HT02',
    prefix: 'B',
    fieldId: 'ho-tich',
    vi: 'Đăng ký kết hôn',
    en: 'Marriage registration',
    defaultServiceMinutes: 10,
  },
  {
    id: 'chung-thuc-ban-sao',
    code: 'CT01',
    prefix: 'C',
    fieldId: 'chung-thuc',
    vi: 'Chứng thực bản sao từ bản chính',
    en: 'Certified copies',
    defaultServiceMinutes: 3,
  },
  {
    id: 'chung-thuc-chu-ky',
    code: 'CT02',
    prefix: 'D',
    fieldId: 'chung-thuc',
    vi: 'Chứng thực chữ ký',
    en: 'Signature certification',
    defaultServiceMinutes: 4,
  },
  {
    id: 'cap-gcn-qsdd',
    code: 'DD01',
    prefix: 'E',
    fieldId: 'dat-dai',
    vi: 'Cấp Giấy chứng nhận quyền sử dụng đất',
    en: 'Land use right certificate',
    defaultServiceMinutes: 15,
  },
  {
    id: 'chuyen-nhuong-dat',
    code: 'DD02',
    prefix: 'F',
    fieldId: 'dat-dai',
    vi: 'Đăng ký biến động, chuyển nhượng quyền sử dụng đất',
    en: 'Land transfer registration',
    defaultServiceMinutes: 15,
  },
  {
    id: 'giay-phep-xay-dung',
    code: 'XD01',
    prefix: 'G',
    fieldId: 'xay-dung',
    vi: 'Cấp giấy phép xây dựng nhà ở riêng lẻ',
    en: 'Building permit for a house',
    defaultServiceMinutes: 12,
  },
  {
    id: 'ho-kinh-doanh',
    code: 'KD01',
    prefix: 'H',
    fieldId: 'dang-ky-kinh-doanh',
    vi: 'Đăng ký thành lập hộ kinh doanh',
    en: 'Household business registration',
    defaultServiceMinutes: 10,
  },
  {
    id: 'tro-cap-xa-hoi',
    code: 'LD01',
    prefix: 'K',
    fieldId: 'lao-dong',
    vi: 'Trợ cấp xã hội hằng tháng',
    en: 'Monthly social allowance',
    defaultServiceMinutes: 8,
  },
  {
    id: 'nguoi-co-cong',
    code: 'LD02',
    prefix: 'L',
    fieldId: 'lao-dong',
    vi: 'Giải quyết chế độ người có công',
    en: 'Benefits for people with merit',
    defaultServiceMinutes: 10,
  },
];

const counters: { number: number; vi: string; en: string; serviceIds: string[] }[] = [
  { number: 1, vi: 'Quầy 1 – Hộ tịch', en: 'Counter 1 – Civil status', serviceIds: ['khai-sinh', 'ket-hon'] },
  {
    number: 2,
    vi: 'Quầy 2 – Chứng thực',
    en: 'Counter 2 – Certification',
    serviceIds: ['chung-thuc-ban-sao', 'chung-thuc-chu-ky', 'khai-sinh'],
  },
  { number: 3, vi: 'Quầy 3 – Đất đai', en: 'Counter 3 – Land', serviceIds: ['cap-gcn-qsdd', 'chuyen-nhuong-dat'] },
  {
    number: 4,
    vi: 'Quầy 4 – Xây dựng, Kinh doanh',
    en: 'Counter 4 – Construction, Business',
    serviceIds: ['giay-phep-xay-dung', 'ho-kinh-doanh'],
  },
  {
    number: 5,
    vi: 'Quầy 5 – Lao động – TB&XH',
    en: 'Counter 5 – Labour and Social Affairs',
    serviceIds: ['tro-cap-xa-hoi', 'nguoi-co-cong', 'chung-thuc-ban-sao'],
  },
];

const clerks = [
  { username: 'canbo1', displayName: 'Nguyễn Thị Lan' },
  { username: 'canbo2', displayName: 'Trần Văn Minh' },
  { username: 'canbo3', displayName: 'Lê Thị Hồng' },
  { username: 'canbo4', displayName: 'Phạm Quốc Huy' },
  { username: 'canbo5', displayName: 'Hoàng Thị Mai' },
];

export interface DemoOfficeOptions {
  /** Open around the clock (the demo, tests), or the usual working week. */
  alwaysOpen?: boolean;
}

/** The commands that configure the demo one-stop desk of a town People's Committee. */
export function demoOfficeCommands(options: DemoOfficeOptions = {}): CommandInput[] {
  const commands: CommandInput[] = [
    {
      type: 'config.setOffice',
      office: {
        name: 'Bộ phận Một cửa UBND thị xã Hoàng Mai',
        nameEn: 'One-stop desk, Hoàng Mai Town People’s Committee',
        timeZone: 'Asia/Ho_Chi_Minh',
        dayCloseHour: 20,
        openingHours: options.alwaysOpen ? alwaysOpen : workingWeek,
        holidays: [],
        requireStart: false,
        ratingWindowSeconds: 120,
      },
    },
  ];
  fields.forEach((f, order) =>
    commands.push({ type: 'config.upsertField', field: { id: f.id, name: { vi: f.vi, en: f.en }, order } }),
  );
  services.forEach((s, order) =>
    commands.push({
      type: 'config.upsertService',
      service: {
        id: s.id,
        code: s.code,
        prefix: s.prefix,
        labelFormat: 'prefixed',
        rangeFrom: 1,
        rangeTo: 999,
        name: { vi: s.vi, en: s.en },
        fieldId: s.fieldId,
        dailyCap: 0,
        openingHours: null,
        defaultServiceMinutes: s.defaultServiceMinutes,
        numberingGroup: '',
        enabled: true,
        order,
      },
    }),
  );
  for (const c of counters) {
    commands.push({
      type: 'config.upsertCounter',
      counter: { id: `quay-${c.number}`, number: c.number, name: { vi: c.vi, en: c.en }, serviceIds: c.serviceIds },
    });
  }
  clerks.forEach((c) =>
    commands.push({
      type: 'config.upsertUser',
      user: { id: c.username, username: c.username, displayName: c.displayName, role: 'clerk', disabled: false },
    }),
  );
  commands.push({
    type: 'config.upsertUser',
    user: {
      id: 'giamsat',
      username: 'giamsat',
      displayName: 'Lãnh đạo Văn phòng',
      role: 'supervisor',
      disabled: false,
    },
  });
  return commands;
}
