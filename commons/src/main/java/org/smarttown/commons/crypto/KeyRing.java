package org.smarttown.commons.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM under named keys, one of them active, for the few values a service must keep
 * secret yet read back (registration numbers, webhook signing secrets). A sealed value is
 * {@code <key id>:<Base64 of 12-byte IV + ciphertext + tag>}, so it names the key that opens it
 * and keys can rotate; it is bound to associated data (the owning row's id), so a value copied
 * onto another row does not open. Keys are checked when the ring is made, so a misconfigured
 * service fails at start, before it takes traffic.
 */
public final class KeyRing {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BYTES = 32;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, SecretKey> keys = new HashMap<>();
    private final String activeKey;

    /**
     * @param configPrefix the configuration keys' prefix, for messages ({@code smarttown.rrn})
     * @param keys key id → Base64 of 32 bytes
     * @param activeKey the id new values are sealed under
     */
    public KeyRing(String configPrefix, Map<String, String> keys, String activeKey) {
        keys.forEach((id, base64) -> {
            if (id.contains(":")) {
                throw new IllegalStateException(configPrefix + ".keys: a key id may not contain ':' (" + id + ")");
            }
            this.keys.put(id, new SecretKeySpec(decodeKey(configPrefix + ".keys." + id, base64, KEY_BYTES, true), "AES"));
        });
        if (!this.keys.containsKey(activeKey)) {
            throw new IllegalStateException(configPrefix + ".active-key names key '" + activeKey + "', which is not among "
                    + configPrefix + ".keys " + this.keys.keySet());
        }
        this.activeKey = activeKey;
    }

    public String activeKeyId() {
        return activeKey;
    }

    public Set<String> keyIds() {
        return Set.copyOf(keys.keySet());
    }

    /** Whether a sealed value is already under the active key (nothing to do for it on rotation). */
    public boolean isCurrent(String sealed) {
        return sealed.startsWith(activeKey + ":");
    }

    /** Seals the text under the active key, bound to {@code boundTo}. */
    public String seal(String text, String boundTo) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKey), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(text.getBytes(StandardCharsets.UTF_8));
            return activeKey + ":" + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    /**
     * Opens a sealed value with whichever key it names; {@code what} names the value in the
     * message of a failure (never the value itself).
     */
    public String open(String sealed, String boundTo, String what) {
        int colon = sealed.indexOf(':');
        SecretKey key = colon < 0 ? null : keys.get(sealed.substring(0, colon));
        if (key == null) {
            throw new IllegalStateException(what + " is encrypted under key '" + (colon < 0 ? "?" : sealed.substring(0, colon))
                    + "', which is not configured");
        }
        try {
            byte[] all = Base64.getDecoder().decode(sealed.substring(colon + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(what + " does not decrypt", e);
        }
    }

    /** Decodes a Base64 key from configuration: exactly, or at least, {@code length} bytes. */
    public static byte[] decodeKey(String name, String base64, int length, boolean exact) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(name + " is not valid Base64");
        }
        if (exact ? bytes.length != length : bytes.length < length) {
            throw new IllegalStateException(name + " must be " + (exact ? "" : "at least ") + length + " bytes (Base64)");
        }
        return bytes;
    }
}
