package org.smarttown.mentoring.webhook;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.smarttown.mentoring.config.WebhookSecretConfig;

import io.quarkus.runtime.Startup;

/**
 * Encrypts webhook signing secrets with AES-256-GCM. Signing needs the secret itself (HMAC), so it
 * cannot be hashed; encrypted, a copy of the database alone does not let anyone forge deliveries.
 * A stored value is {@code <key id>:<Base64 of 12-byte IV + ciphertext + tag>} with the endpoint's
 * id as associated data, so a value copied onto another endpoint does not decrypt. Keys are checked
 * at start (hence {@code @Startup}), so a misconfigured service fails before taking traffic.
 */
@Startup
@ApplicationScoped
public class WebhookSecretProtector {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, SecretKey> keys = new HashMap<>();
    private final String activeKey;

    public WebhookSecretProtector(WebhookSecretConfig config) {
        config.keys().forEach((id, base64) -> {
            if (id.contains(":")) {
                throw new IllegalStateException("smarttown.webhook-secrets.keys: a key id may not contain ':' (" + id + ")");
            }
            keys.put(id, new SecretKeySpec(decode("smarttown.webhook-secrets.keys." + id, base64), "AES"));
        });
        if (!keys.containsKey(config.activeKey())) {
            throw new IllegalStateException("smarttown.webhook-secrets.active-key names key '" + config.activeKey()
                    + "', which is not among smarttown.webhook-secrets.keys " + keys.keySet());
        }
        this.activeKey = config.activeKey();
    }

    public String activeKeyId() {
        return activeKey;
    }

    /** Whether a stored value is already encrypted under the active key (nothing to do for it). */
    public boolean isCurrent(String stored) {
        return stored.startsWith(activeKey + ":");
    }

    /** Encrypts under the active key, bound to the endpoint. */
    public String seal(String secret, UUID endpointId) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKey), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(endpointId.toString().getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return activeKey + ":" + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Webhook secret encryption failed", e);
        }
    }

    /**
     * Decrypts with whichever key the value names. A value that names no key is a secret stored in
     * clear before encryption existed (they all start {@code whsec_}); it is returned as it is until
     * the start-up pass has re-encrypted it.
     */
    public String open(String stored, UUID endpointId) {
        if (stored.startsWith(WebhookService.SECRET_PREFIX)) {
            return stored;
        }
        int colon = stored.indexOf(':');
        SecretKey key = colon < 0 ? null : keys.get(stored.substring(0, colon));
        if (key == null) {
            throw new IllegalStateException("The secret of webhook " + endpointId + " is encrypted under key '"
                    + (colon < 0 ? "?" : stored.substring(0, colon)) + "', which is not configured");
        }
        byte[] all = Base64.getDecoder().decode(stored.substring(colon + 1));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            cipher.updateAAD(endpointId.toString().getBytes(StandardCharsets.US_ASCII));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The secret of webhook " + endpointId + " does not decrypt", e);
        }
    }

    private static byte[] decode(String key, String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(key + " is not valid Base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(key + " must be 32 bytes (Base64)");
        }
        return bytes;
    }
}
