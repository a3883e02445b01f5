-- Seed data for the integrations admin page (staging snapshot, 2024-09-02).
-- NOTE: secrets column should be encrypted by the app; these rows predate that.
BEGIN;

INSERT INTO integrations (id, provider, display_name, config, secret, created_at) VALUES
  ('a4146cd3-8f32-44a6-903a-d155ab96c54c', 'postman',   'API monitor',        '{"workspace":"tidewatch"}', '⟦saas:PMAK-3b9982d083dc4b8b98eb9c1c-27⁞23ef86249202a9e45cc930b07340311a⟧', '2023-02-11 10:02:00+00'),
  ('17955519-fad7-4aec-8e67-2f2d8bc731f5', 'okta',      'Staff SSO sync',     '{"org":"kelpie.okta.com"}', '⟦saas:00oBdCvJ_6l8U4XxbvfsK⁞psCmwJPPFzmmxqHAq66-2⟧', '2023-04-19 08:40:12+00'),
  ('c7f6c4dd-3012-467b-916a-1c84a02e0956', 'atlassian', 'Jira incident sync', '{"site":"kelpie.atlassian.net"}', '⟦saas:ATATT3xFfGF0nMkHinoxoGxFbWQ7G8DYc1O6BUWSVdDXLygQcQZk_0_PVrk9Simml95NalTrELEl0YLWqakOd2-Co8_Mnfs⁞0lzMIjWrCev4OuHLW8SPgv2ltTQr08yoKRHudEUOEU1ioOtoop1Aft01DleyYfe2em_5bt2uowuhvktNHwf0ydQ=2C1D025E⟧', '2023-06-01 14:15:59+00'),
  ('0874ee86-0298-4416-b892-9eec0727e96a', 'dynatrace', 'APM export',         '{"env":"wtpbuqik"}', '⟦saas:dt0c01.NCMKTGPLR0YEAATE3MYZIXGI.L71A4DUYJL7V9S6R⁞0E0JHAQW93LHWIHL0QKNKI37R1XPIYOMH9ZWH8M94CTUKOOK⟧', '2024-01-22 16:30:00+00'),
  ('747f4658-e873-4c12-a0f2-3354797db3a4', 'pagerduty', 'On-call',            '{"service":"PCJB9W1"}', NULL, '2024-03-03 09:00:00+00');

INSERT INTO users (id, email, password_hash, role) VALUES
  (1, 'ops@kelpie-labs.io',  '$argon2id$v=19$m=65536,t=3,p=4$e0vYHkhVbGgvajcq5TmF+A$DTpCMTv17y6CdK9/yrDoZQivequv9Pde9aVLCMQwuDk', 'admin'),
  (2, 'demo@kelpie-labs.io', '$2b$12$CFxx84QVlUvdui6rbM86Fu9B7Kam.gaBZIfOHxzcVeTPaU1LQ.fl8', 'viewer');

UPDATE integrations SET secret = NULL WHERE provider = 'pagerduty';
COMMIT;
