/**
 * The files of a drop: single files as they are, and for dropped folders every .json file inside
 * them (recursively), so a consultant can drop the folder the return files arrived in.
 */
interface Entry {
  isFile: boolean
  isDirectory: boolean
  name: string
  file?(ok: (f: File) => void, err: (e: unknown) => void): void
  createReader?(): { readEntries(ok: (entries: Entry[]) => void, err: (e: unknown) => void): void }
}

async function filesOf(entry: Entry): Promise<File[]> {
  if (entry.isFile && entry.file) {
    const file = await new Promise<File>((resolve, reject) => entry.file!(resolve, reject))
    return [file]
  }
  if (!entry.isDirectory || !entry.createReader) return []
  const reader = entry.createReader()
  const out: File[] = []
  // readEntries returns the entries in batches until an empty batch.
  for (;;) {
    const batch = await new Promise<Entry[]>((resolve, reject) => reader.readEntries(resolve, reject))
    if (batch.length === 0) break
    for (const child of batch) {
      const files = await filesOf(child)
      out.push(...(child.isDirectory ? files.filter((f) => f.name.toLowerCase().endsWith('.json')) : files))
    }
  }
  return out
}

export async function droppedFiles(data: DataTransfer): Promise<File[]> {
  const entries = [...data.items]
    .map((item) => (item.kind === 'file' ? (item.webkitGetAsEntry?.() as Entry | null) : null))
    .filter((e): e is Entry => e !== null)
  if (entries.length === 0 || entries.every((e) => e.isFile)) return [...data.files]
  return (await Promise.all(entries.map(filesOf))).flat()
}
