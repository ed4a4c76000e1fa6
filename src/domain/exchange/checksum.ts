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
  return checksumOfBytesAsync(new TextEncoder().encode(text), subtle)
}

/** The checksum of text already encoded as UTF-8 (no second encoding of a 20 MB file). */
export async function checksumOfBytesAsync(bytes: Uint8Array<ArrayBuffer>, subtle: Digest | undefined): Promise<string> {
  if (!subtle) return `sha256:${bytesToHex(sha256(bytes))}`
  return `sha256:${bytesToHex(new Uint8Array(await subtle.digest('SHA-256', bytes)))}`
}

const TAIL_HEAD = ',\n  "checksum": "'
const TAIL_END = '"\n}'
/** `sha256:` and 64 lower-case hex digits. */
const HEX_LENGTH = 64
const PREFIX = 'sha256:'

/**
 * The bytes the checksum covers when a file's UTF-8 bytes end exactly as the app writes them
 * (`…,\n  "checksum": "sha256:<hex>"\n}` and an optional final newline): everything before the
 * checksum line plus `\n}\n`, with the checksum the file states. Null when the file does not end
 * that way (re-formatted, CRLF line endings): then the text path decides. A leading byte-order mark
 * is skipped (the decoded text drops it too). The same bytes as the UTF-8 of the text that
 * `parse.ts` hashes on its fast path, found without decoding or encoding the file.
 */
export function checksumCoveredBytes(bytes: Uint8Array): { expected: string; covered: Uint8Array<ArrayBuffer> } | null {
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  let end = bytes.length
  if (end > start && bytes[end - 1] === 0x0a) end--
  const tailLength = TAIL_HEAD.length + PREFIX.length + HEX_LENGTH + TAIL_END.length
  const tailStart = end - tailLength
  if (tailStart < start) return null
  const ascii = (from: number, text: string): boolean => {
    for (let i = 0; i < text.length; i++) if (bytes[from + i] !== text.charCodeAt(i)) return false
    return true
  }
  if (!ascii(tailStart, TAIL_HEAD + PREFIX) || !ascii(end - TAIL_END.length, TAIL_END)) return null
  let hex = ''
  for (let i = tailStart + TAIL_HEAD.length + PREFIX.length; i < end - TAIL_END.length; i++) {
    const c = bytes[i]!
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66))) return null
    hex += String.fromCharCode(c)
  }
  const covered = new Uint8Array(tailStart - start + 3)
  covered.set(bytes.subarray(start, tailStart))
  covered.set([0x0a, 0x7d, 0x0a], tailStart - start)
  return { expected: PREFIX + hex, covered }
}
