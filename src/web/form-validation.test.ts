import { afterEach, describe, expect, it } from 'vitest';
import { messages } from '../shared/i18n/messages.ts';
import { OrganizationInput, OrganizationUpdate } from '../shared/schemas/organizations.ts';
import { PersonInput } from '../shared/schemas/people.ts';
import { i18n } from './i18n/index.ts';
import { en } from './i18n/en.ts';
import { vi } from './i18n/vi.ts';
import { isRequired, normalise, serverPathToField, validateWith } from './form-validation.ts';

const errorsOf = (r: ReturnType<typeof validateWith>) =>
  r.ok ? {} : Object.fromEntries(r.fields.map((f) => [f.name.join('.'), f.errors]));

describe('validateWith: the shared schemas as form validation', () => {
  afterEach(async () => { await i18n.changeLanguage('vi'); });

  it('accepts a valid organisation and sends blanks and cleared pickers as null', () => {
    const r = validateWith(OrganizationInput, {
      kind: 'enterprise', name: '  Công ty TNHH Công nghệ Sinh học Đức Huệ ', taxCode: '0301234562', shortName: '',
      adminUnitId: undefined, isStEnterprise: true,
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data).toMatchObject({ name: 'Công ty TNHH Công nghệ Sinh học Đức Huệ', taxCode: '0301234562', shortName: null, adminUnitId: null, isStEnterprise: true });
  });

  it('puts the tax code check-digit message (shared i18n key) on the taxCode field, in the UI language', async () => {
    expect(errorsOf(validateWith(OrganizationInput, { kind: 'enterprise', name: 'X', taxCode: '0301234567' })))
      .toEqual({ taxCode: [messages.vi['tax_code.check_digit']] });
    await i18n.changeLanguage('en');
    expect(errorsOf(validateWith(OrganizationInput, { kind: 'enterprise', name: 'X', taxCode: '12345' })))
      .toEqual({ taxCode: [messages.en['tax_code.format']] });
  });

  it('says "required" for a missing name or kind, and uses zod\'s Vietnamese wording for lengths and e-mail', () => {
    const errs = errorsOf(validateWith(OrganizationInput, { kind: undefined, name: '   ', phone: '0'.repeat(31), email: 'a@' }));
    expect(errs.kind).toEqual([vi.form.required]);
    expect(errs.name).toEqual([vi.form.required]);
    expect(errs.phone[0]).toMatch(/30/);
    expect(errs.email).toHaveLength(1);
    expect(Object.keys(errs).sort()).toEqual(['email', 'kind', 'name', 'phone']);
  });

  it('requires the version on update', async () => {
    await i18n.changeLanguage('en');
    expect(errorsOf(validateWith(OrganizationUpdate, { kind: 'enterprise', name: 'X' }))).toEqual({ version: [en.form.required] });
    expect(validateWith(OrganizationUpdate, { kind: 'enterprise', name: 'X', version: 3 }).ok).toBe(true);
  });

  it('keeps schema defaults for fields that take no null (isExpert defaults to true)', () => {
    expect(normalise(PersonInput, { fullName: 'Nguyễn Văn A', isExpert: null })).toMatchObject({ isExpert: undefined, email: null });
    const r = validateWith(PersonInput, { fullName: 'Nguyễn Văn A' });
    expect(r.ok && r.data.isExpert).toBe(true);
  });

  it('marks as required exactly the fields the schema refuses empty', () => {
    const required = Object.keys(OrganizationInput.shape).filter((k) => isRequired(OrganizationInput, k as keyof typeof OrganizationInput.shape));
    expect(required.sort()).toEqual(['kind', 'name']);
  });
});

describe('serverPathToField', () => {
  it('maps server field paths to form field names', () => {
    expect(serverPathToField('body.taxCode')).toEqual(['taxCode']);
    expect(serverPathToField('body.members.0.name')).toEqual(['members', 0, 'name']);
    expect(serverPathToField('adminUnitId')).toEqual(['adminUnitId']);
  });
});
