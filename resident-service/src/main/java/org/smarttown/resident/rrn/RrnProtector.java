package org.smarttown.resident.rrn;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.smarttown.commons.crypto.KeyRing;
import org.smarttown.resident.config.RrnConfig;

import io.quarkus.runtime.Startup;

/**
 * Encrypts registration numbers with AES-256-GCM (commons' {@link KeyRing}: the value names its
 * key, the resident's id is the associated data, so a ciphertext copied onto another resident's
 * row does not decrypt) and finds them again by HMAC-SHA256. Keys are checked at start (hence
 * {@code @Startup}), so a misconfigured service fails before taking traffic.
 */
@Startup
@ApplicationScoped
public class RrnProtector {

    private final KeyRing keys;
    private final SecretKey hmacKey;

    public RrnProtector(RrnConfig config) {
        this.keys = new KeyRing("smarttown.rrn", config.keys(), config.activeKey());
        this.hmacKey = new SecretKeySpec(KeyRing.decodeKey("smarttown.rrn.hmac-key", config.hmacKey(), 32, false),
                "HmacSHA256");
    }

    public String activeKeyId() {
        return keys.activeKeyId();
    }

    /** Encrypts under the active key, bound to the resident. */
    public String encrypt(Rrn rrn, UUID residentId) {
        return keys.seal(rrn.value(), residentId.toString());
    }

    /**
     * The same number encrypted under the active key (after a rotation); a value already under it
     * is returned unchanged, so running a re-encryption twice changes nothing.
     */
    public String reencrypt(String stored, UUID residentId) {
        return keys.isCurrent(stored) ? stored : keys.seal(decrypt(stored, residentId), residentId.toString());
    }

    /** Decrypts with whichever key the value names. */
    public String decrypt(String stored, UUID residentId) {
        return keys.open(stored, residentId.toString(), "RRN of resident " + residentId);
    }

    /** The keyed hash that finds a number again; digits only, so formatting never hides a duplicate. */
    public String hash(Rrn rrn) {
        return hmac(rrn.value().replace("-", ""));
    }

    /**
     * The keyed hash of whatever was sent as a number, valid or not, to stand for it where a request
     * is fingerprinted (Idempotency-Key): a plain digest of a request whose other fields are stored in
     * clear could be reversed by trying the million numbers that fit its birth date and sex.
     */
    public String fingerprint(String sent) {
        return hmac(sent);
    }

    private String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hmacKey);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RRN hashing failed", e);
        }
    }
}
