/**
 * Reactive reads from IndexedDB: runs `query` through Dexie's liveQuery, re-runs it when any table
 * it read changes (also from another tab), resubscribes when the reactive inputs it uses change and
 * unsubscribes when the component's scope ends.
 */
import { getCurrentScope, onScopeDispose, shallowRef, watch, type Ref, type ShallowRef } from 'vue'
import { liveQuery } from '@/db/live'

export interface LiveQueryResult<T> {
  data: ShallowRef<T | undefined>
  error: Ref<unknown>
  /** True until the first result arrived. */
  loading: Ref<boolean>
}

export function useLiveQuery<T>(query: () => Promise<T> | T, deps: () => unknown = () => undefined): LiveQueryResult<T> {
  const data = shallowRef<T | undefined>(undefined)
  const error = shallowRef<unknown>(null)
  const loading = shallowRef(true)
  let sub: { unsubscribe(): void } | undefined

  const stop = watch(
    deps,
    () => {
      sub?.unsubscribe()
      loading.value = true
      sub = liveQuery(query).subscribe({
        next: (value) => {
          data.value = value
          error.value = null
          loading.value = false
        },
        error: (err: unknown) => {
          error.value = err
          loading.value = false
        },
      })
    },
    { immediate: true },
  )

  if (getCurrentScope()) {
    onScopeDispose(() => {
      stop()
      sub?.unsubscribe()
    })
  }
  return { data, error, loading }
}
