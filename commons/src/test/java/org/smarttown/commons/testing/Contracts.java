package org.smarttown.commons.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Event contracts: each producer keeps a sample of every event it publishes under
 * {@code src/test/resources/contracts/}; it tests that it still produces that shape, and each
 * consumer keeps a copy that must stay byte-for-byte equal to the producer's.
 */
public final class Contracts {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Contracts() {
    }

    /** Reads a contract sample from this module's test resources. */
    public static JsonNode sample(String fileName) {
        try (InputStream in = Contracts.class.getClassLoader().getResourceAsStream("contracts/" + fileName)) {
            if (in == null) {
                throw new IllegalArgumentException("No contract sample contracts/" + fileName);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails unless both documents have the same fields, nested alike, with the same JSON types. */
    public static void assertSameShape(JsonNode expected, JsonNode actual) {
        List<String> differences = new ArrayList<>();
        compare("$", expected, actual, differences);
        assertTrue(differences.isEmpty(), "Event differs from its contract: " + differences);
    }

    /**
     * For a consumer: fails when its copy of a producer's contract differs from the producer's
     * file in this repository (as JSON, so layout does not matter), so a changed event cannot slip
     * past the services that read it.
     */
    public static void assertCopyMatchesProducer(String producerModule, String fileName) {
        Path root = Path.of("").toAbsolutePath().getParent();
        Path producer = root.resolve(producerModule).resolve("src/test/resources/contracts").resolve(fileName);
        Path copy = Path.of("src/test/resources/contracts").resolve(fileName).toAbsolutePath();
        try {
            assertEquals(MAPPER.readTree(Files.readString(producer)), MAPPER.readTree(Files.readString(copy)),
                    copy + " is not a copy of " + producer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void compare(String path, JsonNode expected, JsonNode actual, List<String> differences) {
        if (actual == null || actual.isMissingNode()) {
            differences.add(path + " is missing");
            return;
        }
        if (expected.isNull() || actual.isNull()) {
            return; // an optional value may be null in one sample and set in the other
        }
        if (expected.getNodeType() != actual.getNodeType()) {
            differences.add(path + " is " + actual.getNodeType() + ", expected " + expected.getNodeType());
            return;
        }
        if (expected.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            for (Iterator<Map.Entry<String, JsonNode>> it = actual.fields(); it.hasNext();) {
                String name = it.next().getKey();
                if (!names.contains(name)) {
                    differences.add(path + "." + name + " is not in the contract");
                }
            }
            for (String name : names) {
                compare(path + "." + name, expected.get(name), actual.get(name), differences);
            }
        } else if (expected.isArray() && expected.size() > 0) {
            for (int i = 0; i < actual.size(); i++) {
                compare(path + "[" + i + "]", expected.get(0), actual.get(i), differences);
            }
        }
    }
}
