/**
 * Makes the provenance stamp for a change: now, the user's name or role, this browser's device id.
 * The identity is read once from the database and cached; `setUserName` updates both.
 */
import { loadDeviceIdentity, saveUserName, type DeviceIdentity } from '@/db/device'
import { nowIso } from '@/db/ids'
import type { Stamp } from '@/domain/model/types'

let identity: Promise<DeviceIdentity> | undefined

export function deviceIdentity(): Promise<DeviceIdentity> {
  identity ??= loadDeviceIdentity().catch((e: unknown) => {
    identity = undefined
    throw e
  })
  return identity
}

export async function makeStamp(): Promise<Stamp> {
  const { deviceId, userName } = await deviceIdentity()
  return { at: nowIso(), by: userName, deviceId }
}

export async function setUserName(name: string): Promise<void> {
  await saveUserName(name)
  identity = undefined
}

/** Forgets the cached identity (after "delete all data", and in tests with a fresh database). */
export function resetIdentityCache(): void {
  identity = undefined
}
