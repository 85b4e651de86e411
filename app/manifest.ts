// GET /manifest.webmanifest — what a browser needs to install Pulse as an app (Next.js links it from every
// page's head). It opens on the patient's dashboard, standalone; offline, the service worker answers
// with the app shell (public/sw.js). The name is the product's, the same in every language.
import type { MetadataRoute } from 'next';
import { APP_NAME, THEME_COLOR } from '@/lib/offline/app-identity';

export default function manifest(): MetadataRoute.Manifest {
  return {
    id: '/',
    name: APP_NAME,
    short_name: APP_NAME,
    description: 'Your health data, merged and private: log readings and doses, even offline.',
    start_url: '/dashboard',
    scope: '/',
    display: 'standalone',
    background_color: '#f8fafc',
    theme_color: THEME_COLOR,
    icons: [
      { src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
}
