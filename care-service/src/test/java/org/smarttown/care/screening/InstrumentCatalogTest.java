package org.smarttown.care.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smarttown.care.config.CareConfig;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The catalogue: bundled versions, and a deployment's own files from care.screening.instrument-dir. */
class InstrumentCatalogTest {

    static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();

    /** Only the key the catalogue reads; the rest of the configuration plays no part here. */
    static CareConfig config(Optional<String> dir) {
        return new CareConfig() {
            public Profile profile() {
                return null;
            }

            public Detection detection() {
                return null;
            }

            public Alerts alerts() {
                return null;
            }

            public Screening screening() {
                return () -> dir;
            }

            public Visits visits() {
                return null;
            }
        };
    }

    @Test
    void theBundledInstrumentsAreVersionOne() {
        InstrumentCatalog catalog = new InstrumentCatalog(MAPPER, config(Optional.empty()));
        assertEquals(List.of("COGNITIVE", "GDS-15", "PHQ-9"), catalog.codes());
        assertEquals(1, catalog.latest("PHQ-9").orElseThrow().version());
        assertTrue(catalog.latest("BDI-II").isEmpty());
    }

    @Test
    void aDeploymentsOwnCutoffTableBecomesTheNewVersionAndTheOldOneStaysReadable(@TempDir Path dir) throws Exception {
        String v1 = new String(getClass().getClassLoader().getResourceAsStream("instruments/COGNITIVE.v1.json").readAllBytes());
        // The programme's own table: one row for every age and education, cutoff 24.
        String v2 = v1.replace("\"version\": 1", "\"version\": 2")
                .replaceAll("(?s)\"cutoffs\": \\[.*?\\]", "\"cutoffs\": [{\"minAge\": 0, \"maxAge\": 130, \"minEducation\": 0, "
                        + "\"maxEducation\": 40, \"cutoff\": 24}]");
        Files.writeString(dir.resolve("COGNITIVE.v2.json"), v2);

        InstrumentCatalog catalog = new InstrumentCatalog(MAPPER, config(Optional.of(dir.toString())));
        Instrument latest = catalog.latest("COGNITIVE").orElseThrow();
        assertEquals(2, latest.version());
        Scoring.Result result = Scoring.score(latest, new Scoring.Form(null, 23, 85, 0));
        assertEquals("IMPAIRED", result.band());
        assertEquals(24, result.cutoff());
        // Version 1 scored the same total for the same resident as NORMAL (cutoff 17).
        assertEquals("NORMAL", Scoring.score(catalog.version("COGNITIVE", 1), new Scoring.Form(null, 23, 85, 0)).band());
    }

    @Test
    void aBrokenInstrumentFileStopsTheCatalogue(@TempDir Path dir) throws Exception {
        String v1 = new String(getClass().getClassLoader().getResourceAsStream("instruments/PHQ-9.v1.json").readAllBytes());
        Files.writeString(dir.resolve("PHQ-9.v2.json"), v1.replace("\"version\": 1", "\"version\": 2")
                .replace("\"from\": 5, \"to\": 9", "\"from\": 6, \"to\": 9"));
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new InstrumentCatalog(MAPPER, config(Optional.of(dir.toString()))));
        assertTrue(refused.getMessage().contains("total 5 is in 0 bands"), refused.getMessage());
    }
}
