/**
 * Text of a PDF (e.g. from page.pdf()) with pdfjs-dist's legacy build in Node: one string per page,
 * text items joined with spaces (line ends become spaces, so assertions should not rely on them).
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'

export async function pdfPagesText(data: Uint8Array): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(data), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise
  try {
    const pages: string[] = []
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i)
      const content = await page.getTextContent()
      const parts: string[] = []
      for (const item of content.items) {
        if ('str' in item) parts.push(item.str, item.hasEOL ? ' ' : '')
      }
      pages.push(parts.join('').replace(/\s+/g, ' ').trim())
      page.cleanup()
    }
    return pages
  } finally {
    await doc.destroy()
  }
}
