import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CleanString, isCleanText, optionalText, requiredText, text } from './common.ts';

const problem = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  return r.success ? null : (r.error.issues[0] as { params?: Record<string, unknown> }).params ?? r.error.issues[0];
};

describe('the shared text check', () => {
  it.each([
    ['a\u0000b', false],
    ['\ud800', false],
    ['x\udc00', false],
    ['\udc00\ud800', false],
    ['Đà Lạt 😀', true],
    ['Hợp tác xã\tNhơn Thạnh\n', true],
  ])('isCleanText(%j) is %s', (value, clean) => {
    expect(isCleanText(value)).toBe(clean);
  });

  it('refuses NUL and lone surrogates in every text schema, naming the reason', () => {
    for (const schema of [text(50), requiredText(50), optionalText(50), CleanString]) {
      expect(problem(schema, 'ab\u0000')).toMatchObject({ i18n: 'common.invalid_text', detail: 'invalid_text' });
      expect(problem(schema, 'ab\ud83d')).toMatchObject({ i18n: 'common.invalid_text', detail: 'invalid_text' });
      expect(problem(schema, 'Tây Ninh 🌾')).toBeNull();
    }
  });
});
