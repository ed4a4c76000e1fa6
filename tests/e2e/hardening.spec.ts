/**
 * Hardening against what testers found (issue "Hardening and polish"), in the production build:
 * a comment typed just before the browser closes is not lost.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { removeProfile } from './support.mjs'
import { gotoApp, loadDemoFromStart, openBrowser, readAssessmentFromIndexedDb, type BrowserSession } from './browser'

/** A specialist department's questionnaire of the demo (Standesamt, one anonymous respondent). */
const ASSESSMENT_ID = 'demo-musterstadt-dep-34-a1'
const TEXT = 'Abstimmung mit dem Standesamt des Kreises läuft noch'

describe('Härtung im echten Browser', () => {
  const sessions: BrowserSession[] = []
  let profile = ''
  afterAll(async () => {
    for (const s of sessions) await s.close()
    if (profile) removeProfile(profile)
  })

  it('eine Anmerkung, getippt 50 ms bevor der Browser schließt, ist nach dem Neustart da', async () => {
    const first = await openBrowser({ keepProfile: true })
    sessions.push(first)
    profile = first.userDataDir
    await loadDemoFromStart(first.page)
    await gotoApp(first.page, `/assessment/${ASSESSMENT_ID}`)
    const comment = first.page.getByLabel('Anmerkung (optional)').first()
    await comment.waitFor()
    await comment.fill('')
    await comment.pressSequentially(TEXT)
    await first.page.waitForTimeout(50)
    await first.close()

    const second = await openBrowser({ userDataDir: profile, keepProfile: true })
    sessions.push(second)
    await gotoApp(second.page, `/assessment/${ASSESSMENT_ID}`)
    const again = second.page.getByLabel('Anmerkung (optional)').first()
    await again.waitFor()
    await expect.poll(() => again.inputValue()).toBe(TEXT)
    const stored = await readAssessmentFromIndexedDb(second.page, ASSESSMENT_ID)
    expect(Object.values(stored?.answers ?? {}).some((a) => a.comment === TEXT)).toBe(true)
    second.assertClean()
  })
})
