package org.smarttown.resident.rrn;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.smarttown.resident.config.RrnConfig;

import io.quarkus.runtime.Startup;

/**
 * Encrypts registration numbers with AES-256-GCM and finds them again by HMAC-SHA256. A stored
 * value is {@code <key id>:<Base64 of 12-byte IV + ciphertext + tag>}; the resident's id is the
 * associated data, so a ciphertext copied onto another resident's row does not decrypt. Keys are
 * checked at start (hence {@code @Startup}), so a misconfigured service fails before taking traffic.
 */
@Startup
@ApplicationScoped
public class RrnProtector {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, SecretKey> keys = new HashMap<>();
    private final String activeKey;
    private final SecretKey hmacKey;

    public RrnProtector(RrnConfig config) {
        config.keys().forEach((id, base64) -> {
            if (id.contains(":")) {
                throw new IllegalStateException("smarttown.rrn.keys: a key id may not contain ':' (" + id + ")");
            }
            keys.put(id, new SecretKeySpec(decode("smarttown.rrn.keys." + id, base64, 32, true), "AES"));
        });
        if (!keys.containsKey(config.activeKey())) {
            throw new IllegalStateException("smarttown.rrn.active-key names key '" + config.activeKey()
                    + "', which is not among smarttown.rrn.keys " + keys.keySet());
        }
        this.activeKey = config.activeKey();
        this.hmacKey = new SecretKeySpec(decode("smarttown.rrn.hmac-key", config.hmacKey(), 32, false), "HmacSHA256");
    }

    public String activeKeyId() {
        return activeKey;
    }

    /** Encrypts under the active key, bound to the resident. */
    public String encrypt(Rrn rrn, UUID residentId) {
        return seal(rrn.value(), residentId);
    }

    /**
     * The same number encrypted under the active key (after a rotation); a value already under it
     * is returned unchanged, so running a re-encryption twice changes nothing.
     */
    public String reencrypt(String stored, UUID residentId) {
        return stored.startsWith(activeKey + ":") ? stored : seal(decrypt(stored, residentId), residentId);
    }

    private String seal(String value, UUID residentId) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKey), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(residentId.toString().getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.US_ASCII));
            return activeKey + ":" + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RRN encryption failed", e);
        }
    }

    /** Decrypts with whichever key the value names. */
    public String decrypt(String stored, UUID residentId) {
        int colon = stored.indexOf(':');
        SecretKey key = colon < 0 ? null : keys.get(stored.substring(0, colon));
        if (key == null) {
            throw new IllegalStateException("RRN of resident " + residentId + " is encrypted under a key that is not configured");
        }
        byte[] all = Base64.getDecoder().decode(stored.substring(colon + 1));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            cipher.updateAAD(residentId.toString().getBytes(StandardCharsets.US_ASCII));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RRN of resident " + residentId + " does not decrypt", e);
        }
    }

    /** The keyed hash that finds a number again; digits only, so formatting never hides a duplicate. */
    public String hash(Rrn rrn) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hmacKey);
            return HexFormat.of().formatHex(mac.doFinal(rrn.value().replace("-", "").getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RRN hashing failed", e);
        }
    }

    private static byte[] decode(String key, String base64, int length, boolean exact) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(key + " is not valid Base64");
        }
        if (exact ? bytes.length != length : bytes.length < length) {
            throw new IllegalStateException(key + " must be " + (exact ? "" : "at least ") + length + " bytes (Base64)");
        }
        return bytes;
    }
}
