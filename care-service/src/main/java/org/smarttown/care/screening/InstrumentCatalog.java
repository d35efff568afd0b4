package org.smarttown.care.screening;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.smarttown.care.config.CareConfig;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.Startup;

/**
 * Every known version of every instrument: the files named in instruments/catalog.txt, plus any
 * *.json in {@code care.screening.instrument-dir} (a deployment's own versions or cutoff tables).
 * New screenings use the highest version; stored ones keep the version they were scored with.
 */
@ApplicationScoped
@Startup // a broken instrument file stops the service at start, not at its first screening
public class InstrumentCatalog {

    private static final Logger LOG = Logger.getLogger(InstrumentCatalog.class);

    private final Map<String, TreeMap<Integer, Instrument>> byCode = new TreeMap<>();

    public InstrumentCatalog(ObjectMapper mapper, CareConfig config) {
        for (String file : bundledFiles()) {
            try (InputStream in = resource("instruments/" + file)) {
                add(mapper.readValue(in, Instrument.class), "instruments/" + file);
            } catch (IOException e) {
                throw new UncheckedIOException("Instrument file instruments/" + file + " cannot be read", e);
            }
        }
        Optional<String> dir = config.screening().instrumentDir();
        if (dir.isPresent()) {
            try (Stream<Path> files = Files.list(Path.of(dir.get()))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                    add(mapper.readValue(file.toFile(), Instrument.class), file.toString());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Instrument directory " + dir.get() + " cannot be read", e);
            }
        }
    }

    private void add(Instrument instrument, String source) {
        InstrumentCheck.check(instrument, source);
        byCode.computeIfAbsent(instrument.code(), code -> new TreeMap<>()).put(instrument.version(), instrument);
        LOG.debugf("Instrument %s v%d from %s", instrument.code(), instrument.version(), source);
    }

    /** The version new screenings are scored with. */
    public Optional<Instrument> latest(String code) {
        TreeMap<Integer, Instrument> versions = byCode.get(code);
        return versions == null ? Optional.empty() : Optional.of(versions.lastEntry().getValue());
    }

    /** The version a stored screening was scored with. */
    public Instrument version(String code, int version) {
        TreeMap<Integer, Instrument> versions = byCode.get(code);
        Instrument instrument = versions == null ? null : versions.get(version);
        if (instrument == null) {
            throw new IllegalStateException("Instrument " + code + " v" + version + " is no longer in the catalogue");
        }
        return instrument;
    }

    public List<String> codes() {
        return List.copyOf(byCode.keySet());
    }

    public List<Instrument> latestVersions() {
        return byCode.values().stream().map(v -> v.lastEntry().getValue())
                .sorted(Comparator.comparing(Instrument::code)).toList();
    }

    private static List<String> bundledFiles() {
        List<String> files = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(resource("instruments/catalog.txt"), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    files.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static InputStream resource(String name) {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("Missing resource " + name);
        }
        return in;
    }
}
