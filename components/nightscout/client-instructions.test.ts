// What the page tells each app to use, checked against how each app reads it (see the sources named in
// client-instructions.ts): xDrip+ parses the user part and wants a path ending in /v1/ (xDrip
// NightscoutUploader.java), Juggluco appends /api/v1/entries to the URL as typed (Juggluco uploader.cpp).
import { describe, expect, it } from 'vitest';
import { translator } from '@/lib/i18n/messages';
import { clientGuides, curlCommand, followerUrl, SECRET_PLACEHOLDER, xdripBaseUrl } from './client-instructions';

const BASE = 'https://pulse.example.org/ns/0b6c3d7e-1f2a-4c5b-9d8e-7f6a5b4c3d2e/';
const SECRET = '-kzm9NjLDRDqNCJ8XlU1l_H3Nf8'; // base64url: may start with "-", holds "_"

describe('xdripBaseUrl', () => {
  it('puts the secret in the user part and ends in /api/v1/, keeping the site path', () => {
    const url = xdripBaseUrl(BASE, SECRET);
    expect(url).toBe(`https://${SECRET}@pulse.example.org/ns/0b6c3d7e-1f2a-4c5b-9d8e-7f6a5b4c3d2e/api/v1/`);
    // As xDrip+ reads it: java.net.URI#getUserInfo is the secret, the path ends with "/v1/" (API v1),
    // and the upload base is the URL without the user part.
    const parsed = new URL(url);
    expect(parsed.username).toBe(SECRET);
    expect(parsed.pathname.endsWith('/v1/')).toBe(true);
    expect(url.replace(/\/\/[^@]+@/, '//')).toBe(`${BASE}api/v1/`);
  });

  it('keeps a port and plain http (a local server), and shows a placeholder without the secret', () => {
    expect(xdripBaseUrl('http://localhost:3283/ns/abc/', 'S3cret')).toBe('http://S3cret@localhost:3283/ns/abc/api/v1/');
    expect(xdripBaseUrl('http://localhost:3283/ns/abc', 'S3cret')).toBe('http://S3cret@localhost:3283/ns/abc/api/v1/');
    expect(xdripBaseUrl(BASE, null)).toBe(`https://${SECRET_PLACEHOLDER}@pulse.example.org/ns/0b6c3d7e-1f2a-4c5b-9d8e-7f6a5b4c3d2e/api/v1/`);
  });
});

describe('clientGuides', () => {
  const guides = clientGuides({ baseUrl: BASE, secret: SECRET });
  const byId = (id: string) => guides.find((g) => g.id === id)!;

  it('names every app, in its own words, and says which can reach a site today', () => {
    expect(guides.map((g) => [g.app, g.works])).toEqual([
      ['xDrip+', true],
      ['Juggluco', true],
      ['AndroidAPS', true],
      ['Loop', true],
      ['Trio', true],
    ]);
    expect(byId('xdrip').where).toEqual(['Settings', 'Cloud Upload', 'Nightscout Sync (REST-API)']);
    expect(byId('juggluco').where).toEqual(['Settings', 'Uploader']);
  });

  it('gives Juggluco the site without a trailing slash, so its /api/v1/entries lands on the site', () => {
    const juggluco = byId('juggluco');
    expect(juggluco.fields.map((f) => f.label)).toEqual(['Nightscout URL', 'api_secret']);
    const [url, secret] = juggluco.fields.map((f) => f.value);
    expect(`${url}/api/v1/entries`).toBe(`${BASE}api/v1/entries`);
    expect(secret).toBe(SECRET);
  });

  it('never asks for values an app cannot use yet, and says why in the app’s field names', () => {
    const aaps = clientGuides({ baseUrl: BASE, secret: SECRET, apiV3: false }).find((g) => g.id === 'aaps')!;
    expect(aaps.fields).toEqual([]);
    expect(aaps.note).toBe('aapsNotYet');
    expect(translator('en', 'nightscout')(`instructions.notes.${aaps.note}`)).toContain('API v3');
  });

  it('gives Loop and Trio the host alone (they drop any path and are answered at the root) and the secret', () => {
    expect(byId('loop').fields.map((f) => [f.label, f.value])).toEqual([
      ['Site URL', 'https://pulse.example.org'],
      ['API Secret', SECRET],
    ]);
    expect(byId('trio').fields.map((f) => [f.label, f.value])).toEqual([
      ['URL', 'https://pulse.example.org'],
      ['API secret', SECRET],
    ]);
  });

  it('where API v3 is served, sends AndroidAPS to NSClientV3 with the site and an admin token (never the secret)', () => {
    const aaps = clientGuides({ baseUrl: BASE, secret: SECRET, apiV3: true }).find((g) => g.id === 'aaps')!;
    expect(aaps.works).toBe(true);
    expect(aaps.fields.map((f) => f.label)).toEqual(['Nightscout URL', 'NS access token']);
    // nssdk builds `https://<url without https:// and final />/api/` and lower-cases the URL: the site's
    // path (a lower-case UUID) survives both.
    const url = aaps.fields[0]!.value;
    expect(`https://${url.toLowerCase().replace('https://', '').replace(/\/$/, '')}/api/v3/entries`).toBe(`${BASE}api/v3/entries`);
    expect(JSON.stringify(aaps)).not.toContain(SECRET);
    expect(aaps.fields[1]!.hint).toBe('adminToken');
    expect(translator('en', 'nightscout')(`instructions.notes.${aaps.note}`)).toContain('admin');
  });

  it('without the secret (after creation), shows a placeholder and offers nothing secret to copy', () => {
    const later = clientGuides({ baseUrl: BASE, secret: null });
    const fields = later.flatMap((g) => g.fields);
    expect(JSON.stringify(later)).not.toContain(SECRET);
    expect(fields.filter((f) => f.value.includes(SECRET_PLACEHOLDER)).every((f) => !f.copyable)).toBe(true);
  });
});

describe('curlCommand', () => {
  it('posts one sgv entry to <baseUrl>api/v1/entries with the api-secret header', () => {
    const atMs = Date.UTC(2026, 10, 21, 10, 0, 0);
    const curl = curlCommand({ baseUrl: BASE, secret: SECRET, atMs });
    expect(curl).toContain(`curl -X POST '${BASE}api/v1/entries'`);
    expect(curl).toContain(`-H 'api-secret: ${SECRET}'`);
    const body = JSON.parse(/-d '(.*)'$/m.exec(curl)![1]!);
    expect(body).toEqual([{ type: 'sgv', sgv: 112, direction: 'Flat', device: 'curl', date: atMs, dateString: '2026-11-21T10:00:00.000Z' }]);
    expect(curlCommand({ baseUrl: BASE, secret: null, atMs })).toContain(`-H 'api-secret: ${SECRET_PLACEHOLDER}'`);
  });
});

describe('followerUrl', () => {
  it('is the base URL with ?token=', () => {
    expect(followerUrl(BASE, 'readable-0123456789abcdef')).toBe(`${BASE}?token=readable-0123456789abcdef`);
  });
});
