import { describe, expect, it } from 'vitest';
import { LoginThrottle, parseTrustedProxies } from './auth.throttle.ts';

const options = { perAccountAddress: 3, perAddress: 5, slowAfter: 2, baseDelayMs: 100, maxDelayMs: 1000, windowMs: 10 * 60_000 };

function throttle() {
  const clock = { now: 1_000_000 };
  return { clock, t: new LoginThrottle(options, () => clock.now) };
}

/** One attempt that fails its password check. */
function fail(t: LoginThrottle, account: string, address: string) {
  const a = t.admit(account, address);
  if (a.refused) return a;
  t.failed(a.attempt);
  return a;
}

describe('LoginThrottle', () => {
  it('refuses an (account, address) pair after its failures of the last minute, until the oldest leaves the minute', () => {
    const { t, clock } = throttle();
    for (let i = 0; i < 3; i++) {
      expect(fail(t, 'bob', '203.0.113.1').refused).toBe(false);
      clock.now += 1000;
    }
    const refused = t.admit('bob', '203.0.113.1');
    expect(refused).toEqual({ refused: true, retryAfterMs: 57_000 });
    expect(t.admit('Bob ', '203.0.113.1').refused).toBe(true);
    expect(t.admit('bob', '203.0.113.2').refused).toBe(false);
    clock.now += 57_000;
    expect(t.admit('bob', '203.0.113.1').refused).toBe(false);
  });

  it('refuses an address after its failures over every account', () => {
    const { t } = throttle();
    for (let i = 0; i < 5; i++) expect(fail(t, `user${i}`, '198.51.100.7').refused).toBe(false);
    expect(t.admit('someone-else', '198.51.100.7').refused).toBe(true);
    expect(t.admit('someone-else', '198.51.100.8').refused).toBe(false);
  });

  it('counts attempts still in flight, so parallel requests cannot pass the limit', () => {
    const { t } = throttle();
    for (let i = 0; i < 3; i++) expect(t.admit('bob', '203.0.113.9').refused).toBe(false);
    expect(t.admit('bob', '203.0.113.9').refused).toBe(true);
  });

  it('forgets the failures of a pair and of the account once the password is right', () => {
    const { t } = throttle();
    fail(t, 'bob', '203.0.113.1');
    fail(t, 'bob', '203.0.113.1');
    fail(t, 'bob', '203.0.113.3');
    const ok = t.admit('bob', '203.0.113.1');
    expect(ok.refused).toBe(false);
    if (!ok.refused) t.succeeded(ok.attempt);
    for (let i = 0; i < 3; i++) expect(fail(t, 'bob', '203.0.113.1').refused).toBe(false);
    const next = t.admit('carol', '203.0.113.4');
    expect(next).toMatchObject({ refused: false, delayMs: 0 });
  });

  it('slows an account down from any address instead of locking it: 2^k · base after N failures, up to a cap', () => {
    const { t, clock } = throttle();
    const delays: number[] = [];
    for (let i = 0; i < 8; i++) {
      const a = t.admit('victim', `192.0.2.${i}`);
      if (a.refused) throw new Error('an account is never refused for failures from other addresses');
      delays.push(a.delayMs);
      t.failed(a.attempt);
    }
    expect(delays).toEqual([0, 0, 100, 200, 400, 800, 1000, 1000]);
    clock.now += options.windowMs + 1;
    expect(t.admit('victim', '192.0.2.99')).toMatchObject({ refused: false, delayMs: 0 });
  });

  it('keeps a bounded number of keys', () => {
    const t = new LoginThrottle({ ...options, maxKeys: 100 });
    for (let i = 0; i < 1000; i++) fail(t, `u${i}`, `10.0.${i >> 8}.${i & 255}`);
    expect(t.size()).toBeLessThanOrEqual(3 * 100);
  });
});

describe('parseTrustedProxies', () => {
  it('reads a comma- or space-separated list; empty means trust nobody', () => {
    expect(parseTrustedProxies(undefined)).toEqual([]);
    expect(parseTrustedProxies('  ')).toEqual([]);
    expect(parseTrustedProxies('10.0.0.1, 10.0.0.0/8 loopback')).toEqual(['10.0.0.1', '10.0.0.0/8', 'loopback']);
  });
});
