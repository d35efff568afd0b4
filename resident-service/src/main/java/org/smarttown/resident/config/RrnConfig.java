package org.smarttown.resident.config;

import java.util.Map;

import io.smallrye.config.ConfigMapping;

/**
 * Keys that protect resident registration numbers (PIPA Art. 24-2). There are deliberately no
 * defaults: dev and test keys live under {@code %dev}/{@code %test} in application.properties, and
 * a production start without keys fails naming the missing key. In Kubernetes set
 * {@code SMARTTOWN_RRN_ACTIVE_KEY}, {@code SMARTTOWN_RRN_KEYS_<ID>} (the id in lower case) and
 * {@code SMARTTOWN_RRN_HMAC_KEY}
 * from a Secret.
 */
@ConfigMapping(prefix = "smarttown.rrn")
public interface RrnConfig {

    /** The id of the key new numbers are encrypted with; it must be one of {@link #keys()}. */
    String activeKey();

    /**
     * AES-256 keys by id, each 32 bytes in Base64. Keep retired keys here until every number they
     * encrypted has been re-encrypted: each stored number names the key it was encrypted with.
     */
    Map<String, String> keys();

    /** HMAC-SHA256 key (Base64, at least 32 bytes) for finding duplicates without decrypting. */
    String hmacKey();
}
