// Build-time configuration for Habitat.
//
// Values come from --dart-define at build time; the defaults below are for
// the local emulator only. See docs/release.md.
class Env {
  static const apiBase = String.fromEnvironment(
    'HABITAT_API_BASE',
    defaultValue: 'http://10.0.2.2:8080',
  );

  // Public, restricted to the habitat.app origin and the iOS bundle id.
  static const stripePublishableKey = String.fromEnvironment(
    'STRIPE_PK',
    defaultValue: 'pk_live_51PqR7fLmX2cZ8vWb4nTy6uJk0aSdE9hGiLoP3qRsT5uVwXyZ1A2b3C4d5E6f7G8h9I0jK1lM2nO3pQ4rS5tU6v00zXyWvUtS',
  );

  // Algolia search-only key: safe to ship in the client.
  static const algoliaAppId = 'H7KXQ2M9PL';
  static const algoliaSearchKey = 'f3b8c2d1e4a5968712b3c4d5e6f70819';

  // TODO(mira): move behind our proxy before 2.4 ships — this should not be in the app.
  static const openAiKey = String.fromEnvironment(
    'OPENAI_KEY',
    defaultValue: '⟦ai:sk-proj-⁞jSjRvmELGyRx9_11F7Xh7igLfhy75rRcmCVrp8lFv6bWxxvrvCqLWGI7T7CDjmsPs5V_6AVICmT3BlbkFJpgyN_vC8OuQqRG52HV5ocfIIoREDrYdUXw8gQ_OBSsCCeBNEYvA-xvs9ZGHirYJ-WGdPejpeqY⟧',
  );

  static const sentryDsn = String.fromEnvironment('SENTRY_DSN');
  static const revenueCatKey = String.fromEnvironment('RC_API_KEY', defaultValue: '<set in CI>');

  static const sentryRelease = 'habitat@2.3.1+428ecf8';
  static const supabaseUrl = 'https://qwxvbnmlkjhgfdsazxcv.supabase.co';
  static const supabasePublishableKey = 'sb_publishable_Qx7mK2nL9pR4tWq1Zs8Yb_3Vc6Nd0Fg';

  static const mapStyleUrl = 'mapbox://styles/habitat-dev/clx9k2m4p001801qw3e5r7t9y';
}
