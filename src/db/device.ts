/** This browser profile's identity for provenance: a random device id and an optional user name. */
import { db, DEVICE_ID_KEY } from './database'
import { newDeviceId } from './ids'

export const USER_NAME_KEY = 'userName'

export interface DeviceIdentity {
  deviceId: string
  userName: string
}

/** Reads the identity, creating the device id on first use (one transaction, so two tabs agree). */
export async function loadDeviceIdentity(): Promise<DeviceIdentity> {
  return db.transaction('rw', db.meta, async () => {
    let deviceId = (await db.meta.get(DEVICE_ID_KEY))?.value
    if (typeof deviceId !== 'string' || deviceId === '') {
      deviceId = newDeviceId()
      await db.meta.put({ key: DEVICE_ID_KEY, value: deviceId })
    }
    const userName = (await db.meta.get(USER_NAME_KEY))?.value
    return { deviceId: deviceId as string, userName: typeof userName === 'string' ? userName : '' }
  })
}

export async function saveUserName(name: string): Promise<void> {
  await db.meta.put({ key: USER_NAME_KEY, value: name.trim() })
}
