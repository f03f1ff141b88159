/**
 * How Vietnamese documents write a person with their academic title and degree: "PGS.TS Nguyễn Văn An" (title and
 * degree joined by a dot, a space, the full name; no trailing dot). One spelling for pages, minutes and exports.
 */
export interface NamedPerson {
  fullName: string;
  academicTitle?: string | null;
  degree?: string | null;
}

export function personDisplayName(p: NamedPerson): string {
  const prefix = [p.academicTitle, p.degree && p.degree !== 'other' ? p.degree : null].filter(Boolean).join('.');
  return prefix ? `${prefix} ${p.fullName}` : p.fullName;
}
