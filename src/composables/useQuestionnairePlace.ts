/**
 * Where the questionnaire stands, kept in the address so that a reload or a bookmark comes back to
 * it: ?d=<dimensionId> for the dimension on screen and ?item=<itemId> for a question moved to.
 * ?resume (from "Weitermachen") asks for the first question not dealt with – "weiß nicht" is a
 * deliberate answer (see resumeItem) – else the first open one; it is replaced by ?d and ?item.
 */
import { computed, nextTick, watch, type Ref } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { firstUnanswered } from '@/domain/model/answers'
import { resumeItem } from '@/domain/model/resume'
import type { Answer, CatalogItem } from '@/domain/model/types'

export interface PlaceOptions<D extends { dim: { id: string }; items: CatalogItem[] }> {
  /** The dimensions on offer, in order, each with its questions. */
  dimensions: Readonly<Ref<readonly D[]>>
  answers: Readonly<Ref<Readonly<Record<string, Answer>>>>
  /** True once the answers are loaded (the opening place depends on them). */
  ready: () => boolean
  /** Focuses the heading of the dimension (after a change of dimension). */
  focusHeading: () => void
}

export function useQuestionnairePlace<D extends { dim: { id: string }; items: CatalogItem[] }>(options: PlaceOptions<D>) {
  const route = useRoute()
  const router = useRouter()
  const { dimensions, answers } = options

  /** The questions in the order they are shown (dimension by dimension). */
  const ordered = computed(() => dimensions.value.flatMap((x) => x.items))
  const dimensionOf = (itemId: string) => dimensions.value.findIndex((x) => x.items.some((i) => i.id === itemId))
  const queryString = (key: string) => {
    const value = route.query[key]
    return typeof value === 'string' ? value : undefined
  }
  /** The address with some query parameters set (a string) or removed (undefined). */
  function withQuery(patch: Record<string, string | undefined>) {
    const query = { ...route.query }
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) delete query[key]
      else query[key] = value
    }
    return { query }
  }

  const openingItem = computed(() => {
    if (route.query.resume !== undefined) return resumeItem(ordered.value, answers.value) ?? firstUnanswered(ordered.value, answers.value)
    const wanted = queryString('item')
    return ordered.value.find((i) => i.id === wanted) ?? firstUnanswered(ordered.value, answers.value)
  })
  const currentIndex = computed(() => {
    const byQuery = dimensions.value.findIndex((x) => x.dim.id === queryString('d'))
    if (byQuery >= 0) return byQuery
    return Math.max(0, openingItem.value ? dimensionOf(openingItem.value.id) : -1)
  })
  const current = computed<D | undefined>(() => dimensions.value[currentIndex.value])

  /** Scrolls a question into view and focuses its Ist choice (the chosen one, else the first). */
  async function revealItem(itemId: string): Promise<void> {
    await nextTick()
    // After the router's own scroll to the top on a change of the address (router.ts scrollBehavior).
    await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()))
    const card = document.getElementById(`item-${itemId}`)
    if (!card) return
    card.scrollIntoView({ block: 'start' })
    const radios = [...card.querySelectorAll<HTMLInputElement>(`input[name="item-${itemId}-ist"]`)]
    ;(radios.find((r) => r.checked) ?? radios[0])?.focus({ preventScroll: true })
  }

  // Pin the opening step in the address as soon as the answers are there. Otherwise answering the
  // last open question of a dimension would switch the screen to the next dimension under the user's
  // hands (focus lost, Bedarf/Potenzial/comment of that question no longer reachable). On opening, a
  // question named by the address (or found by ?resume) gets the focus.
  let opened = false
  watch(
    () => (options.ready() && current.value && (!opened || !queryString('d')) ? current.value.dim.id : undefined),
    async (dimId) => {
      if (!dimId) return
      const opening = !opened
      opened = true
      const resume = route.query.resume !== undefined
      const itemId = resume ? openingItem.value?.id : queryString('item')
      if (!queryString('d') || resume) await router.replace(withQuery({ d: dimId, item: itemId, resume: undefined }))
      if (opening && itemId && current.value?.items.some((i) => i.id === itemId)) await revealItem(itemId)
    },
    { immediate: true },
  )

  /** Goes to a question (in whatever dimension), names it in the address and focuses it. */
  async function showItem(itemId: string): Promise<void> {
    const target = dimensions.value[dimensionOf(itemId)]
    if (!target) return
    await router.replace(withQuery({ d: target.dim.id, item: itemId }))
    await revealItem(itemId)
  }

  /** Goes to the top of a dimension and focuses its heading. */
  async function goTo(index: number): Promise<void> {
    const target = dimensions.value[index]
    if (!target) return
    await router.replace(withQuery({ d: target.dim.id, item: undefined }))
    await nextTick()
    options.focusHeading()
    window.scrollTo({ top: 0 })
  }

  /** Goes to the first question without a level or "nicht zutreffend". */
  async function goFirstOpen(): Promise<void> {
    const open = firstUnanswered(ordered.value, answers.value)
    if (open) await showItem(open.id)
  }

  /**
   * Goes to the question after (`by` 1) or before (-1) `from`, across dimensions; from no question
   * (null), to the first question of the dimension on screen.
   */
  async function step(from: string | null, by: 1 | -1): Promise<void> {
    const list = ordered.value
    const at = from === null ? -1 : list.findIndex((i) => i.id === from)
    const target = at < 0 ? current.value?.items[0] : list[at + by]
    if (target) await showItem(target.id)
  }

  return { currentIndex, current, goTo, showItem, goFirstOpen, step }
}
