/**
 * The running header and the page numbers of the printed report, as CSS page-margin boxes
 * (@top-left, @bottom-right; Chromium prints them since version 131). Margin boxes take only string
 * content and counters and do not see the page's custom properties, so the texts and KERN's font and
 * muted colour go in as resolved values, in a style element that lives as long as the calling
 * component's scope.
 */
import { computed, onScopeDispose, watchEffect } from 'vue'
import { useI18n } from 'vue-i18n'
import { useTexts } from '@/composables/useTexts'

/** A CSS string literal. */
export const cssString = (x: string): string => `"${x.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/[\n\r]/g, ' ')}"`

const PAGE = '\u0001'
const PAGES = '\u0002'

/**
 * CSS content for a text with the two markers PAGE and PAGES in it ("Seite \u0001 von \u0002"):
 * the words as strings, the markers as counter(page) and counter(pages).
 */
export function pageCounterContent(text: string): string {
  return text
    .split(/(\u0001|\u0002)/)
    .filter((x) => x !== '')
    .map((x) => (x === PAGE ? 'counter(page)' : x === PAGES ? 'counter(pages)' : cssString(x)))
    .join(' ')
}

/**
 * Adds the @page margin boxes for `header` and "Seite x von y" while the caller's scope lives. The
 * page-number text is in the 'report' group, loaded here so every printed screen has it (the
 * Sachstandsbericht's route does not load the management report's texts).
 */
export function usePageMargins(header: () => string): void {
  const { t } = useI18n()
  const textsReady = useTexts('report')
  const css = computed(() => {
    const text = header()
    if (!text || !textsReady.value) return ''
    const root = getComputedStyle(document.documentElement)
    const box = `font: 8pt ${root.fontFamily || 'sans-serif'}; color: ${root.getPropertyValue('--kern-color-layout-text-muted').trim() || '#4f5965'};`
    const pages = pageCounterContent(t('report.pageOf', { page: PAGE, pages: PAGES }))
    return `@page { @top-left { content: ${cssString(text)}; ${box} vertical-align: bottom; padding-bottom: 3mm; } @bottom-right { content: ${pages}; ${box} vertical-align: top; padding-top: 3mm; } }`
  })
  let el: HTMLStyleElement | null = null
  watchEffect(() => {
    el ??= document.head.appendChild(document.createElement('style'))
    el.dataset.report = 'page-margins'
    el.textContent = css.value
  })
  onScopeDispose(() => {
    el?.remove()
    el = null
  })
}
