// Where the server may POST a push (pure): the known push services' HTTPS addresses on their default
// port, and the hosts PUSH_ENDPOINT_HOSTS adds, each at its own port. The label of a subscribed browser.
import { describe, expect, it } from 'vitest';
import { endpointProblem } from './push-endpoint';
import { browserLabel } from './push-label';

describe('endpointProblem', () => {
  it('allows the known push services on port 443 only', () => {
    expect(endpointProblem('https://fcm.googleapis.com/fcm/send/a', [])).toBeNull();
    expect(endpointProblem('https://updates.push.services.mozilla.com/wpush/v2/a', [])).toBeNull();
    expect(endpointProblem('https://eu.push.services.mozilla.com/a', [])).toBeNull();
    expect(endpointProblem('https://db5p.notify.windows.com/w/?token=a', [])).toBeNull();
    expect(endpointProblem('https://web.push.apple.com/a', [])).toBeNull();
    expect(endpointProblem('https://fcm.googleapis.com:443/a', [])).toBeNull();
    expect(endpointProblem('https://fcm.googleapis.com:444/a', [])).not.toBeNull();
    expect(endpointProblem('https://push.services.mozilla.com.evil.example/a', [])).not.toBeNull();
    expect(endpointProblem('https://notify.windows.com/a', [])).not.toBeNull();
  });

  it('adds PUSH_ENDPOINT_HOSTS entries: a host means its port 443, host:port that port', () => {
    expect(endpointProblem('https://127.0.0.1:8443/push/a', ['127.0.0.1:8443'])).toBeNull();
    expect(endpointProblem('https://127.0.0.1:8444/push/a', ['127.0.0.1:8443'])).not.toBeNull();
    expect(endpointProblem('https://push.example.org/a', ['push.example.org'])).toBeNull();
    expect(endpointProblem('https://push.example.org:8443/a', ['push.example.org'])).not.toBeNull();
    expect(endpointProblem('https://push.example.org/a', ['push.example.org:443'])).toBeNull();
    expect(endpointProblem('http://127.0.0.1:8443/push/a', ['127.0.0.1:8443'])).toBe('must be an https: URL');
  });
});

describe('browserLabel', () => {
  it.each([
    ['Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36', 'Chrome on Android'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0', 'Edge on Windows'],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 14.6; rv:133.0) Gecko/20100101 Firefox/133.0', 'Firefox on macOS'],
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1', 'Safari on iPhone'],
    ['curl/8.5.0', 'A browser'],
  ])('%s → %s', (ua, label) => expect(browserLabel(ua)).toBe(label));
});

describe('browserLabel in the person\'s language', () => {
  const android = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';
  it.each([
    ['hi', android, 'Android पर Chrome'],
    ['ta', android, 'Android-இல் Chrome'],
    ['gu', 'curl/8.5.0', 'એક બ્રાઉઝર'],
    ['te', 'Mozilla/5.0 (X11; Linux x86_64)', 'Linuxలో ఒక బ్రౌజర్'],
  ] as const)('%s: %s → %s', (locale, ua, label) => expect(browserLabel(ua, locale)).toBe(label));
});
