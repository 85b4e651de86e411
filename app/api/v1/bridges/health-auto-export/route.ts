// POST /api/v1/bridges/health-auto-export — the iOS app Health Auto Export's REST automation (JSON) with a
// device token (Authorization: Bearer or X-Device-Token); stored like a sync (lib/bridges).
import { after } from 'next/server';
import { dispatch } from '@/inngest/dispatch';
import { route } from '@/lib/http/handler';
import { mapHealthAutoExport } from '@/lib/bridges/health-auto-export';
import { handleBridge } from '@/lib/bridges/routes';

const BRIDGE = { name: 'health-auto-export', map: mapHealthAutoExport, shape: 'Health Auto Export JSON ({"data": {"metrics": [...], "workouts": [...]}})' };

export const POST = route('device', (req) =>
  handleBridge(req, BRIDGE, (userId) => after(() => dispatch([{ key: 'samplesSynced', data: { userId } }]))),
);
