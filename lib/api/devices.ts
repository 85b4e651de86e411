// Device registration and listing as documented in the OpenAPI description.
import { z } from 'zod';
import { DEVICE_TYPE_ALIASES, DEVICE_TYPES, PRIORITY_RANGE } from '../devices/device-types';
import { freeText } from '../http/text';
import { nullableInstant, instantSchema, uuidSchema } from './common';

const deviceType = z.enum(DEVICE_TYPES).meta({ id: 'DeviceType', description: 'Device kind; sets the default dedup priority.' });
const priority = z.int().min(PRIORITY_RANGE.min).max(PRIORITY_RANGE.max).meta({ description: 'Dedup priority: higher wins when sources overlap.' });

export const registerDeviceRequest = z
  .object({
    name: freeText(100),
    type: z.enum([...DEVICE_TYPES, ...(Object.keys(DEVICE_TYPE_ALIASES) as [string, ...string[]])]).meta({
      description: `A device type; the aliases ${Object.keys(DEVICE_TYPE_ALIASES).join(', ')} are accepted too.`,
    }),
    priority: priority.optional().meta({ description: 'Defaults to the type’s priority (watch 100, phone 80, …).' }),
  })
  .meta({ id: 'RegisterDeviceRequest', example: { name: 'My watch', type: 'watch' } });

export const registeredDevice = z
  .object({
    id: uuidSchema,
    name: z.string(),
    type: deviceType,
    priority,
    token: z.string().meta({ description: 'The bearer token for sync. Shown only in this response; store it on the device.' }),
  })
  .meta({ id: 'RegisteredDevice' });

const device = z
  .object({ id: uuidSchema, name: z.string(), type: deviceType, priority, lastSyncAt: nullableInstant, createdAt: instantSchema, revokedAt: nullableInstant })
  .meta({ id: 'Device' });

export const deviceList = z.object({ devices: z.array(device) }).meta({ id: 'DeviceList' });
