// POST /api/v1/devices/:id/sync — a device pushes samples with its bearer token (see lib/ingest).
import { syncDeviceSamples } from '@/lib/ingest/sync-device';
import { route } from '@/lib/http/handler';

export const POST = route<{ id: string }>((req, { id }) => syncDeviceSamples(req, id));
