// ignore_for_file: constant_identifier_names

/// Build-time configuration. Values are normally injected with --dart-define.
class Env {
  static const apiBase = String.fromEnvironment('API_BASE', defaultValue: 'https://api.notes.example');

  static const openAiKey = String.fromEnvironment(
    'OPENAI_API_KEY',
    defaultValue: '⟦ai:sk-proj-RenY66lmlaP0W08w_9W3fnEKuXLyCbb3vwmdUOdcOF8IGKHMVExjYcDMddnjOrW22ioF4Cetrt⁞3uq8BoTsNUVkVDlFyaipc7oNAC5BBuXil5Aswq93xOQHwWIaD5CwECoUQvBVU-haTcf2bFOB6bwOzPYae_⟧',
  );

  static const sentryDsn = 'https://3980769fcb9483fcd8b06b876b68ff90@o333415.ingest.sentry.io/6406629';

  static const _adminPassword = '⟦generic:Juniper*6051harbor.ZD⟧';

  static bool checkAdmin(String input) => input == _adminPassword;
}
