-- Webhook secrets are stored encrypted ("<key id>:<Base64 of IV + ciphertext + tag>", see
-- WebhookSecretProtector), which is longer than the clear value; rows still in clear are
-- encrypted by the service at its next start (WebhookSecretRekeyer).
alter table webhook_endpoint alter column secret type varchar(500);
comment on column webhook_endpoint.secret is 'AES-GCM encrypted signing secret, never in clear';
