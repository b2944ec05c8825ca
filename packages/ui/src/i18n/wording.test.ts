import { describe, expect, it } from 'vitest';
import { catalogueWordingProblems, findForbiddenWordings } from './wording';

const ids = (text: string) => findForbiddenWordings(text).map((problem) => problem.id);

describe('the retired wordings of issue 16', () => {
  it('finds each old wording, whatever its case or Unicode form', () => {
    expect(ids('Bàn phím đánh giá')).toEqual(['rating-pad']);
    expect(ids('Đóng cửa Chủ Nhật')).toEqual(['sunday']);
    expect(ids('Phụ nữ có thai')).toEqual(['pregnant']);
    expect(ids('Người đi cùng trẻ nhỏ')).toEqual(['small-children']);
    expect(ids('Huỷ vé')).toEqual(['spelling-huy']);
    expect(ids('Xoá'.normalize('NFD'))).toEqual(['spelling-xoa']);
    expect(ids('Mở khoá tài khoản')).toEqual(['spelling-khoa']);
    expect(ids('Giờ làm việc (thứ 1 = thứ Hai … 7 = Chủ nhật)')).toEqual(['weekday-numbering']);
    expect(ids('Hồ sơ đang tạm chờ')).toEqual(['paused']);
    expect(ids('Đánh giá quay-1')).toEqual(['counter-slug']);
    expect(ids('Lĩnh vực & dịch vụ')).toEqual(['procedure']);
    expect(ids('Thái độ phục vụ')).toEqual(['rating-reason-attitude']);
    expect(ids('Bạn đã bị bỏ qua')).toEqual(['skipped', 'address-citizen']);
    expect(ids('Mời bạn đến quầy')).toEqual(['address-citizen']);
  });

  it('accepts the new wordings', () => {
    for (const text of [
      'Máy đánh giá',
      'Chủ nhật',
      'Phụ nữ mang thai',
      'Người đi cùng trẻ em dưới 6 tuổi',
      'Hủy vé, xóa quầy, khóa tài khoản',
      '(1 = Thứ Hai … 6 = Thứ Bảy, 7 = Chủ nhật)',
      'Hồ sơ đang tạm dừng – cán bộ sẽ gọi lại',
      'Đánh giá Quầy 1',
      'Thái độ phục vụ chưa tốt',
      'Số của Ông/Bà đã qua lượt (vắng mặt khi được gọi)',
      'Lĩnh vực & thủ tục',
      'Ngân hàng, bạnh', // "bạn" only as a whole word
    ]) {
      expect(ids(text), text).toEqual([]);
    }
  });

  it('lists a catalogue’s problems by key, minus the explicit exemptions', () => {
    const catalogue = { 'a.ok': { vi: 'Xóa', en: 'Delete' }, 'a.old': { vi: 'Xoá', en: 'Delete' } };
    expect(catalogueWordingProblems(catalogue)).toEqual(['a.old: “Xoá” → xóa']);
    expect(catalogueWordingProblems(catalogue, { 'a.old': ['spelling-xoa'] })).toEqual([]);
  });
});
