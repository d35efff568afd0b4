package org.smarttown.commons.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

class KeyRingTest {

    static final String K1 = Base64.getEncoder().encodeToString(new byte[32]);
    static final String K2 = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    @Test
    void aSealedValueOpensOnlyForItsOwnRowAndNamesItsKey() {
        KeyRing ring = new KeyRing("test", Map.of("k1", K1), "k1");
        String sealed = ring.seal("450302-2345678", "row-1");
        assertTrue(sealed.startsWith("k1:"));
        assertFalse(sealed.contains("450302"));
        assertNotEquals(sealed, ring.seal("450302-2345678", "row-1"), "a fresh IV each time");
        assertEquals("450302-2345678", ring.open(sealed, "row-1", "the value"));
        var e = assertThrows(IllegalStateException.class, () -> ring.open(sealed, "row-2", "the value of row-2"));
        assertEquals("the value of row-2 does not decrypt", e.getMessage());
    }

    @Test
    void afterARotationOldValuesStillOpenAndNewOnesUseTheActiveKey() {
        String old = new KeyRing("test", Map.of("k1", K1), "k1").seal("secret", "row");
        KeyRing rotated = new KeyRing("test", Map.of("k1", K1, "k2", K2), "k2");
        assertFalse(rotated.isCurrent(old));
        assertEquals("secret", rotated.open(old, "row", "it"));
        assertTrue(rotated.isCurrent(rotated.seal("secret", "row")));
        var missing = assertThrows(IllegalStateException.class,
                () -> new KeyRing("test", Map.of("k2", K2), "k2").open(old, "row", "the secret"));
        assertEquals("the secret is encrypted under key 'k1', which is not configured", missing.getMessage());
    }

    @Test
    void badKeysStopTheServiceAtStart() {
        assertThrows(IllegalStateException.class, () -> new KeyRing("test", Map.of("k1", "short"), "k1"));
        assertThrows(IllegalStateException.class, () -> new KeyRing("test", Map.of("k:1", K1), "k:1"));
        var inactive = assertThrows(IllegalStateException.class, () -> new KeyRing("test", Map.of("k1", K1), "k9"));
        assertTrue(inactive.getMessage().startsWith("test.active-key names key 'k9'"));
    }
}
