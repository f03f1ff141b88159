/** Small factories for route tests: valid inputs with Vietnamese data. */
import { withCheckDigit } from '../../lib/vi/tax-code.ts';
import type { OrganizationInput } from '../../shared/schemas/organizations.ts';
import type { PersonInput } from '../../shared/schemas/people.ts';

let n = 100_000;

/** A tax code with a correct check digit, different on every call. */
export function nextTaxCode(): string {
  for (;;) {
    const code = withCheckDigit(`0${String(n++).padStart(8, '0')}`);
    if (code) return code;
  }
}

export function buildOrganization(o: Partial<OrganizationInput> = {}): OrganizationInput {
  return {
    kind: 'enterprise',
    name: 'Công ty Cổ phần Cơ khí chế tạo máy Long An',
    taxCode: nextTaxCode(),
    isStEnterprise: false,
    ...o,
  };
}

export function buildPerson(o: Partial<PersonInput> = {}): PersonInput {
  return { fullName: 'Nguyễn Thị Bích Thảo', degree: 'ThS', isExpert: true, ...o };
}
