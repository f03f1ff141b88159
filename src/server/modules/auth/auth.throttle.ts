/**
 * Sign-in throttling, in process (one per app). Three counts of failed attempts:
 *  - per (account, address) and per address, over the last minute: past the limit the attempt is refused (429)
 *    until the oldest failure leaves the minute. An attempt counts from the moment it is admitted, so parallel
 *    requests cannot slip past the limit; a success takes its own attempt back and clears its pair.
 *  - per account, from any address, over `windowMs`: never refused, only slowed down. After `slowAfter` failures
 *    each further attempt waits `baseDelayMs · 2^k` (k = failures past the threshold), at most `maxDelayMs`, before its
 *    password is checked. Someone who knows a username can slow its owner down but not lock them out, from however
 *    many addresses; a success clears the count.
 * The address is the client's as Fastify sees it: the socket's, or the one a configured trusted proxy forwards
 * (`trustedProxies`, env KHCN_TRUSTED_PROXIES). Accounts are counted by the folded username typed, known or not.
 */
export interface LoginThrottleOptions {
  /** Failures per minute allowed for one account from one address; the next attempt gets 429. */
  perAccountAddress: number;
  /** Failures per minute allowed from one address over every account; the next attempt gets 429. */
  perAddress: number;
  /** Failures of one account within `windowMs` before its attempts are slowed down. */
  slowAfter: number;
  baseDelayMs: number;
  maxDelayMs: number;
  windowMs: number;
  /** Most keys kept per count (oldest dropped first), so a flood of addresses or names cannot exhaust memory. */
  maxKeys: number;
}

export const DEFAULT_LOGIN_THROTTLE: LoginThrottleOptions = {
  perAccountAddress: 10, perAddress: 30, slowAfter: 5, baseDelayMs: 250, maxDelayMs: 8000, windowMs: 15 * 60_000, maxKeys: 50_000,
};

const MINUTE = 60_000;

/** An admitted attempt: what to give back once its password has been checked. */
export interface Attempt {
  account: string;
  address: string;
  at: number;
}

export type Admission = { refused: true; retryAfterMs: number } | { refused: false; delayMs: number; attempt: Attempt };

/** Timestamps per key, oldest first, in a Map kept in insertion order (the oldest key is dropped when full). */
class Window {
  private readonly keys = new Map<string, number[]>();
  constructor(private readonly ms: number, private readonly maxKeys: number) {}

  /** The live timestamps of a key (expired ones dropped). */
  live(key: string, now: number): number[] {
    const times = this.keys.get(key);
    if (!times) return [];
    while (times.length > 0 && times[0] <= now - this.ms) times.shift();
    if (times.length === 0) this.keys.delete(key);
    return times;
  }

  add(key: string, at: number) {
    const times = this.keys.get(key);
    if (times) {
      times.push(at);
      return;
    }
    if (this.keys.size >= this.maxKeys) this.keys.delete(this.keys.keys().next().value as string);
    this.keys.set(key, [at]);
  }

  /** Takes one timestamp back (an attempt that succeeded). */
  remove(key: string, at: number) {
    const times = this.keys.get(key);
    const i = times?.indexOf(at) ?? -1;
    if (times && i >= 0) times.splice(i, 1);
    if (times?.length === 0) this.keys.delete(key);
  }

  clear(key: string) {
    this.keys.delete(key);
  }

  /** Milliseconds until the oldest timestamp leaves the window. */
  waitFor(times: number[], now: number) {
    return Math.max(1, times[0] + this.ms - now);
  }

  get size() {
    return this.keys.size;
  }
}

export class LoginThrottle {
  readonly options: LoginThrottleOptions;
  private readonly pairs: Window;
  private readonly addresses: Window;
  private readonly accounts: Window;

  constructor(options: Partial<LoginThrottleOptions> = {}, private readonly now: () => number = Date.now) {
    this.options = { ...DEFAULT_LOGIN_THROTTLE, ...options };
    this.pairs = new Window(MINUTE, this.options.maxKeys);
    this.addresses = new Window(MINUTE, this.options.maxKeys);
    this.accounts = new Window(this.options.windowMs, this.options.maxKeys);
  }

  /** Before checking a password: refused (429 after `retryAfterMs`), or admitted after waiting `delayMs`. */
  admit(username: string, address: string): Admission {
    const now = this.now();
    const account = username.trim().toLowerCase();
    const pair = `${account}\u0000${address}`;
    const o = this.options;
    const pairTimes = this.pairs.live(pair, now);
    const addressTimes = this.addresses.live(address, now);
    const waits = [
      pairTimes.length >= o.perAccountAddress ? this.pairs.waitFor(pairTimes, now) : 0,
      addressTimes.length >= o.perAddress ? this.addresses.waitFor(addressTimes, now) : 0,
    ];
    const retryAfterMs = Math.max(...waits);
    if (retryAfterMs > 0) return { refused: true, retryAfterMs };
    this.pairs.add(pair, now);
    this.addresses.add(address, now);
    const past = this.accounts.live(account, now).length - o.slowAfter;
    const delayMs = past < 0 ? 0 : Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** past);
    return { refused: false, delayMs, attempt: { account, address, at: now } };
  }

  /** The password was wrong (or the account unknown): the attempt stays counted, and the account's count grows. */
  failed(attempt: Attempt) {
    this.accounts.add(attempt.account, this.now());
  }

  /** The password was right: the attempt is taken back and the pair's and the account's failures are forgotten. */
  succeeded(attempt: Attempt) {
    this.pairs.clear(`${attempt.account}\u0000${attempt.address}`);
    this.addresses.remove(attempt.address, attempt.at);
    this.accounts.clear(attempt.account);
  }

  /** Keys held over the three counts (for tests and metrics). */
  size() {
    return this.pairs.size + this.addresses.size + this.accounts.size;
  }
}

/** `KHCN_TRUSTED_PROXIES`: addresses, CIDR ranges or proxy-addr names (`loopback`), comma- or space-separated. */
export function parseTrustedProxies(value: string | undefined): string[] {
  return (value ?? '').split(/[\s,]+/).filter(Boolean);
}
