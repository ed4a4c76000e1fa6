/**
 * Printing a screen to PDF (printToPdf) and reading the text of a PDF with pdfjs-dist's legacy build
 * in Node (pdfPagesText): one string per page, text items joined with spaces (line ends become
 * spaces, so assertions should not rely on them).
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import type { Page } from 'playwright-core'

/** Prints the open screen as the user's browser would (print media, A4); the screen media comes back even when printing fails. */
export async function printToPdf(page: Page): Promise<Buffer> {
  await page.emulateMedia({ media: 'print' })
  try {
    return await page.pdf({ format: 'A4' })
  } finally {
    await page.emulateMedia({ media: 'screen' })
  }
}

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
