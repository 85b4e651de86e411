// A device's name is encrypted with its owner's data key, bound to the device row. (The identifier
// column holds only the app's manual-entry marker, a constant that is looked up in SQL: not personal.)
import { decryptField, decryptOrNull, encryptField } from '../crypto/fields';

const ref = (deviceId: string) => ({ table: 'devices', column: 'name', rowId: deviceId });

export const encryptDeviceName = (userId: string, deviceId: string, name: string) => encryptField(userId, ref(deviceId), name);
export const decryptDeviceName = (userId: string, deviceId: string, ciphertext: string) => decryptField(userId, ref(deviceId), ciphertext);
export const searchableDeviceName = (userId: string, deviceId: string, ciphertext: string) => decryptOrNull(userId, ref(deviceId), ciphertext);

/** The row with its name decrypted (rows carry their owner as `userId`). */
export async function withDeviceName<T extends { id: string; name: string }>(userId: string, device: T): Promise<T> {
  return { ...device, name: await decryptDeviceName(userId, device.id, device.name) };
}
