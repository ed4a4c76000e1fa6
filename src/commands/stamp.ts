/**
 * Makes the provenance stamp for a change: now, the user's name or role, this browser's device id.
 * The identity is read once from the database and cached (no read per change); `setUserName`
 * updates both.
 */
import { loadDeviceIdentity, saveUserName, type DeviceIdentity } from '@/db/device'
import { nowIso } from '@/db/ids'
import type { Stamp } from '@/domain/model/types'

let identity: Promise<DeviceIdentity> | undefined
/** The identity once `identity` has resolved (lets `cachedStamp` answer without waiting). */
let known: DeviceIdentity | undefined

export function deviceIdentity(): Promise<DeviceIdentity> {
  if (!identity) {
    const loading = loadDeviceIdentity().then(
      (id) => {
        if (identity === loading) known = id
        return id
      },
      (e: unknown) => {
        if (identity === loading) identity = undefined
        throw e
      },
    )
    identity = loading
  }
  return identity
}

const stampOf = ({ deviceId, userName }: DeviceIdentity): Stamp => ({ at: nowIso(), by: userName, deviceId })

export async function makeStamp(): Promise<Stamp> {
  return stampOf(known ?? (await deviceIdentity()))
}

/** The stamp at once when the identity is already known (every change after the first), else undefined. */
export function cachedStamp(): Stamp | undefined {
  return known && stampOf(known)
}

export async function setUserName(name: string): Promise<void> {
  await saveUserName(name)
  resetIdentityCache()
}

/** Forgets the cached identity (after "delete all data", and in tests with a fresh database). */
export function resetIdentityCache(): void {
  identity = undefined
  known = undefined
}
