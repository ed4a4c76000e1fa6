/**
 * Reads a file as UTF-8, strictly: bytes that are not valid UTF-8 (a Windows-1252 "Großbürgermeisterei
 * Müllheim" saved by an old editor) are refused instead of turning into "Gro�b�rgermeisterei". A
 * leading byte-order mark is dropped. Used for backups, packages, returns and catalogues.
 */
export async function readUtf8(file: Blob): Promise<{ ok: true; text: string } | { ok: false }> {
  const bytes = await file.arrayBuffer()
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) }
  } catch {
    return { ok: false }
  }
}
