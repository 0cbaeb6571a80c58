/** FNV-1a hashing for stable finding ids (no crypto needed: ids only have to be stable and rarely collide). */

function fnv1a32(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** 16-hex-digit id: two FNV-1a 32-bit hashes of the text with different offset bases. */
export function stableHash(text: string): string {
  const a = fnv1a32(text, 0x811c9dc5).toString(16).padStart(8, "0");
  const b = fnv1a32(text, 0x050c5d1f).toString(16).padStart(8, "0");
  return a + b;
}
