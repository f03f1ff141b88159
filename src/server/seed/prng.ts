/** Deterministic pseudo-random numbers (mulberry32 seeded by an FNV-1a hash of a text), so every demo database is the same. */
export function random(seedText: string): () => number {
  let a = [...seedText].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16_777_619) >>> 0, 2_166_136_261);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A whole number in [min, max] from the generator. */
export const between = (rnd: () => number, min: number, max: number): number => min + Math.floor(rnd() * (max - min + 1));

/** One element of a list from the generator. */
export const pick = <T>(rnd: () => number, items: readonly T[]): T => items[Math.floor(rnd() * items.length)];
