// Apple Health sources: each distinct (sourceName, device) pair of an export becomes one device of the
// user, with a default priority in the order dedup.md gives (watch, phone, tablet, CGM, other apps).

export type AppleSourceKind = 'watch' | 'phone' | 'tablet' | 'cgm' | 'app';
export type AppleSource = { key: string; sourceName: string; deviceName: string | null; model: string | null; kind: AppleSourceKind; priority: number };

const PRIORITY: Readonly<Record<AppleSourceKind, number>> = { watch: 100, phone: 80, tablet: 70, cgm: 60, app: 50 };

// Continuous glucose monitors' apps and devices write interstitial glucose to Apple Health with no
// specimen; imported as a generic app they would cancel the fingersticks beside them in dedup.
const CGM_NAME = /\b(dexcom|libre|eversense|guardian|simplera|cgm)/i;

// The device attribute looks like "<<HKDevice: 0x283f0a8a0>, name:Apple Watch, manufacturer:Apple Inc.,
// model:Watch, hardware:Watch6,1, software:10.1>". The pointer and the software version change from
// record to record and update to update, so they are not part of the identity.
function deviceField(device: string, name: string): string | null {
  // Values may hold commas ("hardware:Watch6,1"); a field ends where ", key:" or the final ">" starts.
  const match = new RegExp(`[<,] ?${name}:(.*?)(?:, [A-Za-z]+:|>$)`).exec(device);
  const value = match?.[1]?.trim();
  return value ? value : null;
}

function kindOf(sourceName: string, device: { name: string | null; model: string | null; hardware: string | null }): AppleSourceKind {
  const { name, model, hardware } = device;
  const hint = `${model ?? ''} ${hardware ?? ''}`;
  if (/Watch/.test(hint) || (!model && /Apple Watch/i.test(sourceName))) return 'watch';
  if (CGM_NAME.test(`${sourceName} ${name ?? ''} ${model ?? ''}`)) return 'cgm'; // before the phone it syncs through
  if (/iPhone/.test(hint)) return 'phone';
  if (/iPad/.test(hint)) return 'tablet';
  return 'app';
}

export function describeSource(sourceName: string, device: string | undefined): AppleSource {
  const deviceName = device ? deviceField(device, 'name') : null;
  const model = device ? deviceField(device, 'model') : null;
  const hardware = device ? deviceField(device, 'hardware') : null;
  const kind = kindOf(sourceName, { name: deviceName, model, hardware });
  const key = [sourceName, deviceName ?? '', model ?? '', hardware ?? ''].join('|');
  return { key, sourceName, deviceName, model, kind, priority: PRIORITY[kind] };
}

/** Remembers sources by their raw attributes so the regexes run once per distinct string. */
export function createSourceRegistry() {
  const byRaw = new Map<string, AppleSource>();
  const byKey = new Map<string, AppleSource>();
  return {
    sourceOf(sourceName: string, device: string | undefined): AppleSource {
      const raw = `${sourceName}\u0000${device ?? ''}`;
      let source = byRaw.get(raw);
      if (!source) {
        source = describeSource(sourceName, device);
        // Many raw device strings (pointers, versions) collapse onto one key; bound the cache anyway.
        if (byRaw.size < 10_000) byRaw.set(raw, source);
        if (!byKey.has(source.key)) byKey.set(source.key, source);
      }
      return byKey.get(source.key) ?? source;
    },
    list: (): AppleSource[] => [...byKey.values()],
  };
}
