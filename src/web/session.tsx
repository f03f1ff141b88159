/** Who is signed in: probes GET /api/auth/session at start, signs in and out, keeps the CSRF token for the API client. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Me } from '../shared/schemas/auth.ts';
import { api, onUnauthenticated, setCsrfToken, type Schemas } from './api.ts';

type SessionBody = Schemas['Session'];

interface SessionState {
  /** `loading` until the first probe answers. */
  status: 'loading' | 'signed-in' | 'signed-out';
  user: Me | null;
  login(username: string, password: string): Promise<void>;
  logout(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<SessionState['status']>('loading');
  const [user, setUser] = useState<Me | null>(null);

  const accept = useCallback((s: SessionBody) => {
    setCsrfToken(s.csrfToken);
    setUser(s.user);
    setStatus('signed-in');
  }, []);
  const drop = useCallback(() => {
    setCsrfToken(null);
    setUser(null);
    setStatus('signed-out');
  }, []);

  useEffect(() => {
    api.get('/api/auth/session', { quiet401: true }).then(accept, drop);
    onUnauthenticated(drop);
    return () => onUnauthenticated(null);
  }, [accept, drop]);

  const login = useCallback(async (username: string, password: string) => {
    accept(await api.post('/api/auth/login', { body: { username, password }, quiet401: true }));
  }, [accept]);

  const logout = useCallback(async () => {
    try {
      await api.post('/api/auth/logout', { quiet401: true });
    } finally {
      drop();
    }
  }, [drop]);

  const value = useMemo(() => ({ status, user, login, logout }), [status, user, login, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** The signed-in user (for pages inside the authenticated layout). */
export function useUser(): Me {
  const { user } = useSession();
  if (!user) throw new Error('useUser without a signed-in user');
  return user;
}
