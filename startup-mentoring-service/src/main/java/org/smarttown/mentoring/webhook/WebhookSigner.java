package org.smarttown.mentoring.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature receivers check: hex HMAC-SHA256 with the endpoint's secret over
 * {@code <timestamp>.<body>}, sent as {@code X-SmartTown-Signature: v1=<hex>} beside
 * {@code X-SmartTown-Timestamp: <unix seconds>}. Signing the timestamp lets receivers refuse replays.
 */
public final class WebhookSigner {

    public static final String SIGNATURE = "X-SmartTown-Signature";
    public static final String TIMESTAMP = "X-SmartTown-Timestamp";
    public static final String EVENT = "X-SmartTown-Event";
    public static final String DELIVERY = "X-SmartTown-Delivery";

    private WebhookSigner() {
    }

    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "v1=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
