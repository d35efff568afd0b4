package org.smarttown.resident.rrn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.smarttown.resident.config.RrnConfig;
import org.smarttown.resident.resident.Resident.Sex;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/** Encryption, rotation and the production start without keys, without starting the service. */
class RrnProtectorTest {

    private static final String K1 = "0RSJnDx+vOD9J+tRynzOeIvcZ98L3g5Yu6ey1zPeSGg=";
    private static final String K2 = "fkol9sK+pFPW/WNVTFLrYNWFUlBgmxhPQ7oild1DnTY=";
    private static final String HMAC = "U7bWQ98ON30NAOFhuKQ55kRojK+iOBHeW0f7mRdMwio=";
    private static final Rrn RRN = Rrn.parse("450302-2345678", LocalDate.of(1945, 3, 2), Sex.F);

    @Test
    void aNumberEncryptedUnderARetiredKeyStillDecryptsAfterRotation() {
        UUID resident = UUID.randomUUID();
        String old = protector("k1", Map.of("k1", K1)).encrypt(RRN, resident);
        RrnProtector rotated = protector("k2", Map.of("k1", K1, "k2", K2));

        assertTrue(old.startsWith("k1:"));
        assertFalse(old.contains("345678"));
        assertEquals("450302-2345678", rotated.decrypt(old, resident));
        assertTrue(rotated.encrypt(RRN, resident).startsWith("k2:"));
        assertNotEquals(rotated.encrypt(RRN, resident), rotated.encrypt(RRN, resident), "a fresh IV each time");
        assertEquals(protector("k1", Map.of("k1", K1)).hash(RRN), rotated.hash(RRN), "the hash does not depend on the key id");
    }

    @Test
    void aCiphertextMovedToAnotherResidentDoesNotDecrypt() {
        RrnProtector protector = protector("k1", Map.of("k1", K1));
        String sealed = protector.encrypt(RRN, UUID.randomUUID());
        assertThrows(IllegalStateException.class, () -> protector.decrypt(sealed, UUID.randomUUID()));
    }

    @Test
    void aShortKeyOrAnActiveKeyThatIsNotConfiguredStopsTheStart() {
        assertThrows(IllegalStateException.class, () -> protector("k1", Map.of("k1", "c2hvcnQ=")));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> protector("k9", Map.of("k1", K1)));
        assertTrue(e.getMessage().contains("smarttown.rrn.active-key"));
    }

    @Test
    void theProductionProfileHasNoKeyAndFailsNamingIt() throws Exception {
        var builder = new SmallRyeConfigBuilder().withProfile("prod")
                .withSources(new PropertiesConfigSource(getClass().getClassLoader().getResource("application.properties")))
                .withMapping(RrnConfig.class);
        Exception e = assertThrows(Exception.class, builder::build);
        assertTrue(e.getMessage().contains("smarttown.rrn.active-key"), e.getMessage());

        var test = new SmallRyeConfigBuilder().withProfile("test")
                .withSources(new PropertiesConfigSource(getClass().getClassLoader().getResource("application.properties")))
                .withMapping(RrnConfig.class).build();
        assertEquals("test2", test.getConfigMapping(RrnConfig.class).activeKey());
    }

    @Test
    void kubernetesEnvironmentVariablesFillTheKeyRing() {
        // As the chart sets them: SMARTTOWN_RRN_KEYS_<ID> becomes key id <id> in lower case.
        var config = new SmallRyeConfigBuilder()
                .withSources(new io.smallrye.config.EnvConfigSource(Map.of("SMARTTOWN_RRN_ACTIVE_KEY", "primary",
                        "SMARTTOWN_RRN_KEYS_PRIMARY", K1, "SMARTTOWN_RRN_HMAC_KEY", HMAC), 300) {
                })
                .withMapping(RrnConfig.class).build().getConfigMapping(RrnConfig.class);
        assertEquals(Map.of("primary", K1), config.keys());
        assertTrue(new RrnProtector(config).encrypt(RRN, UUID.randomUUID()).startsWith("primary:"));
    }

    private static RrnProtector protector(String active, Map<String, String> keys) {
        return new RrnProtector(new RrnConfig() {
            @Override
            public String activeKey() {
                return active;
            }

            @Override
            public Map<String, String> keys() {
                return keys;
            }

            @Override
            public String hmacKey() {
                return HMAC;
            }
        });
    }
}
