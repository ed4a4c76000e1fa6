/**
 * Reads a file as UTF-8, strictly: bytes that are not valid UTF-8 (a Windows-1252 "Großbürgermeisterei
 * Müllheim" saved by an old editor) are refused instead of turning into "Gro�b�rgermeisterei". A
 * leading byte-order mark is dropped. Used for backups, packages, returns and catalogues.
 */
export async function readUtf8(file: Blob): Promise<{ ok: true; text: string } | { ok: false }> {
  const read = await readUtf8WithBytes(file)
  return read.ok ? { ok: true, text: read.text } : read
}

/** As `readUtf8`, and the file's bytes as read (an exchange file's checksum is taken over them). */
export async function readUtf8WithBytes(file: Blob): Promise<{ ok: true; text: string; bytes: Uint8Array<ArrayBuffer> } | { ok: false }> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), bytes }
  } catch {
    return { ok: false }
  }
}
