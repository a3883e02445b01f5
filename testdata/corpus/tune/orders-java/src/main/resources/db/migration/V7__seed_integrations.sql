-- V7: seed the integrations table for the production tenant.
-- Credentials for SMS go through the integration row until the vault
-- migration (ORD-1180) lands.

INSERT INTO integration (id, tenant_id, kind, account_ref, secret, enabled, created_at)
VALUES
  ('fb98859d-e97e-4725-8803-62230fba7fd4', 1, 'twilio', 'ACb02d347f6c95955c891720f1352fd996', '⟦messaging:19⁞f0a14a414fe4e1b7f1c6b5f27af7d8⟧', TRUE, now()),
  ('210e9f0a-ba2b-4eca-b0a3-03833dbe5c52', 1, 'slack',  'T02EFCXNEV', NULL, FALSE, now());

-- default admin; password must be rotated on first login
INSERT INTO app_user (id, email, password_hash, role)
VALUES ('75700c6a-93f0-46a1-afeb-e9c8d81b7141', 'admin@fernwood.dev', '$2a$12$pyVQSiLnk3AH/ZCmtCvAZKMe8UwcQ7n0J1EcQmgcBfQTrXEgaTwGm', 'ADMIN');

UPDATE tenant SET settings = jsonb_set(settings, '{sms,enabled}', 'true') WHERE id = 1;
