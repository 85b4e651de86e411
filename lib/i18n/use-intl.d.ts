// Typed keys and locales for use-intl: `t('nav.links.x')` of a key that does not exist fails type-checking.
import type { Locale } from './locales';
import type { Messages } from './messages';

declare module 'use-intl' {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
