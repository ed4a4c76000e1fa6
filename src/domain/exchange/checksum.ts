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
