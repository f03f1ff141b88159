import { describe, expect, it } from 'vitest';
import { personSortKey, splitVietnameseName } from './people.name-order.ts';

const vi = new Intl.Collator('vi');
const byKey = (a: string, b: string) => {
  const ka = personSortKey(a);
  const kb = personSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

describe('Vietnamese name order', () => {
  it.each([
    ['Nguyễn Thị Bích Thảo', 'Thảo', 'Nguyễn Thị Bích'],
    ['  Lê   Văn  An ', 'An', 'Lê Văn'],
    ['Thảo', 'Thảo', ''],
  ])('splits %j into given name %j and family and middle names %j', (full, given, rest) => {
    expect(splitVietnameseName(full)).toEqual({ givenName: given, familyAndMiddle: rest });
  });

  it.each([
    // given name first: An < Anh < Ánh < Bình, whatever the family name
    ['Trần Văn An', 'Lê Thị Anh'],
    ['Võ Văn Anh', 'Trần Thị Ánh'],
    ['Trần Thị Ánh', 'Hoàng Văn Bình'],
    ['Phạm Minh Dũng', 'Đỗ Thị Đào'],
    ['Phạm Văn Ơn', 'Nguyễn Thị Sen'],
    // equal given names: the family and middle names decide
    ['Lê Văn An', 'Nguyễn Văn An'],
    ['Nguyễn An', 'Nguyễn Văn An'],
    ['Dương Thị Hoa', 'Đặng Thị Hoa'],
  ])('%s comes before %s', (first, second) => {
    expect(byKey(first, second)).toBe(-1);
    expect(byKey(second, first)).toBe(1);
  });

  it('agrees with Intl.Collator("vi") applied to the given name, then the family and middle names', () => {
    const names = [
      'Nguyễn Thị Bích Thảo', 'Trần Văn An', 'Lê Thị Anh', 'Võ Văn Anh', 'Phạm Thị Ánh', 'Hoàng Văn Bình', 'Đỗ Thị Đào',
      'Phạm Minh Dũng', 'Dương Văn Dũng', 'Lê Văn An', 'Nguyễn An', 'Ông Thị Thảo', 'Ôn Văn Thảo', 'Huỳnh Thị Út',
      'Châu Văn Ửng', 'Lý Văn Ý', 'Trương Thị Yến', 'Quách Ân', 'Mai Ăn',
    ];
    const expected = [...names].sort((a, b) => {
      const pa = splitVietnameseName(a);
      const pb = splitVietnameseName(b);
      return vi.compare(pa.givenName, pb.givenName) || vi.compare(pa.familyAndMiddle, pb.familyAndMiddle);
    });
    expect([...names].sort(byKey)).toEqual(expected);
  });
});
