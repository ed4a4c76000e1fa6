/**
 * Random ids. `crypto.randomUUID` needs a secure context, but a municipal intranet server may serve
 * the app over plain http, so ids come from `crypto.getRandomValues`, which works everywhere.
 */
export function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  bytes[6] = (bytes[6]! & 0x0f) | 0x40
  bytes[8] = (bytes[8]! & 0x3f) | 0x80
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

export function nowIso(): string {
  return new Date().toISOString()
}

const DEVICE_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'

/**
 * A short random id for this browser profile (12 characters, 60 bits): it appears in every answer's
 * version vector, so it is kept short to keep backups small.
 */
export function newDeviceId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12))
  return Array.from(bytes, (b) => DEVICE_ALPHABET[b & 31]).join('')
}
