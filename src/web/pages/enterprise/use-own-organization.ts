/** The name of the signed-in enterprise's own organisation (an applicant reads its own record), or null. */
import { useEffect, useState } from 'react';
import { api } from '../../api.ts';
import { useUser } from '../../session.tsx';

export function useOwnOrganizationName(): string | null {
  const { organizationId } = useUser();
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    if (!organizationId) return;
    let live = true;
    api.get('/api/organizations/{id}', { params: { id: organizationId } })
      .then((o) => { if (live) setName(o.name); }, () => undefined);
    return () => { live = false; };
  }, [organizationId]);
  return name;
}
