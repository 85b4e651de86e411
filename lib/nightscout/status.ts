// What GET /api/v1/status answers: the fields cgm-remote-monitor's status endpoint sends and that
// xDrip+, AndroidAPS and Loop read (the version, whether the API and careportal are on, the units and
// thresholds in settings). Glucose is always stored and answered in mg/dL, so `units` is mg/dl.
export const NIGHTSCOUT_VERSION = '15.0.2';

export function nightscoutStatus(args: { name: string; nowMs: number }) {
  return {
    status: 'ok',
    name: args.name,
    version: NIGHTSCOUT_VERSION,
    serverTime: new Date(args.nowMs).toISOString(),
    serverTimeEpoch: args.nowMs,
    apiEnabled: true,
    careportalEnabled: true,
    boluscalcEnabled: false,
    settings: {
      units: 'mg/dl',
      timeFormat: 24,
      nightMode: false,
      editMode: true,
      showRawbg: 'never',
      customTitle: args.name,
      theme: 'default',
      alarmUrgentHigh: true,
      alarmHigh: true,
      alarmLow: true,
      alarmUrgentLow: true,
      language: 'en',
      enable: ['careportal', 'rawbg', 'iob', 'cob', 'devicestatus'],
      thresholds: { bgHigh: 260, bgTargetTop: 180, bgTargetBottom: 70, bgLow: 55 },
      authDefaultRoles: '',
    },
    extendedSettings: { devicestatus: { advanced: true } },
    authorized: null,
    runtimeState: 'loaded',
  };
}
