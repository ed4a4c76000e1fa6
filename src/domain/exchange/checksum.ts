/**
 * Checksum of exchange files: SHA-256 (via @noble/hashes, pure JS, same result in every browser
 * and in Node) over the file's canonical text without the checksum field. It detects files that were
 * changed by hand or damaged in transit; it is not a signature.
 */
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'

export function checksumOf(text: string): string {
  return `sha256:${bytesToHex(sha256(utf8ToBytes(text)))}`
}

/** The part of WebCrypto's SubtleCrypto that is used (passed in: the domain touches no platform API). */
export interface Digest {
  digest(algorithm: 'SHA-256', data: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer>
}

/**
 * The same checksum with a native SHA-256 when one is given (WebCrypto: several times faster on a
 * 20 MB backup). Without one — WebCrypto exists only in secure contexts, and a municipal intranet
 * may serve the app over plain http — the pure-JS hash is used.
 */
export async function checksumOfAsync(text: string, subtle: Digest | undefined): Promise<string> {
  if (!subtle) return checksumOf(text)
  const bytes = new TextEncoder().encode(text)
  return `sha256:${bytesToHex(new Uint8Array(await subtle.digest('SHA-256', bytes)))}`
}
