package org.smarttown.resident.risk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.smarttown.resident.config.RiskConfig;
import org.smarttown.resident.resident.Category;
import org.smarttown.resident.resident.Resident;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** The City Map and the console's counts, over active residents only. */
@ApplicationScoped
public class NeedsService {

    private final RiskConfig config;

    public NeedsService(RiskConfig config) {
        this.config = config;
    }

    /**
     * One feature per building with at least {@code map-min-residents} residents in care; smaller
     * buildings are merged into one feature for their complex, and a complex remainder that is
     * still smaller is left out (counted in {@code suppressedResidents}), so no feature describes
     * fewer people than the threshold.
     */
    @WithSession
    public Uni<Map<String, Object>> map(String dong) {
        String where = "status = ?1 and lat is not null" + (dong == null || dong.isBlank() ? "" : " and dong = ?2");
        Uni<List<Resident>> residents = dong == null || dong.isBlank()
                ? Resident.list(where + " order by dong, complex, building", Resident.Status.ACTIVE)
                : Resident.list(where + " order by dong, complex, building", Resident.Status.ACTIVE, dong.strip());
        return residents.map(list -> {
            int min = config.mapMinResidents();
            List<Map<String, Object>> features = new ArrayList<>();
            int suppressed = 0;
            Map<String, List<Resident>> byComplex = list.stream()
                    .collect(Collectors.groupingBy(r -> r.dong + "\u0000" + r.complex, TreeMap::new, Collectors.toList()));
            for (List<Resident> complex : byComplex.values()) {
                Map<String, List<Resident>> byBuilding = complex.stream().collect(Collectors.groupingBy(
                        r -> r.building == null ? "" : r.building, TreeMap::new, Collectors.toList()));
                List<Resident> merged = new ArrayList<>();
                int mergedBuildings = 0;
                for (Map.Entry<String, List<Resident>> building : byBuilding.entrySet()) {
                    if (building.getValue().size() >= min && !building.getKey().isEmpty()) {
                        features.add(feature(building.getValue(), building.getKey(), 0));
                    } else {
                        merged.addAll(building.getValue());
                        mergedBuildings++;
                    }
                }
                if (merged.size() >= min) {
                    features.add(feature(merged, null, mergedBuildings));
                } else {
                    suppressed += merged.size();
                }
            }
            Map<String, Object> collection = new LinkedHashMap<>();
            collection.put("type", "FeatureCollection");
            collection.put("features", features);
            collection.put("minResidentsPerFeature", min);
            collection.put("suppressedResidents", suppressed);
            return collection;
        });
    }

    /** Counts of active residents by dong, complex, category and risk level. */
    @WithSession
    public Uni<Map<String, Object>> stats() {
        return Resident.<Resident> list("status", Resident.Status.ACTIVE).map(list -> {
            Map<String, Object> stats = new LinkedHashMap<>();
            stats.put("total", list.size());
            stats.put("byDong", count(list, r -> r.dong));
            stats.put("byComplex", count(list, r -> r.dong + " " + r.complex));
            Map<Category, Long> byCategory = new EnumMap<>(Category.class);
            for (Category c : Category.values()) {
                byCategory.put(c, list.stream().filter(r -> r.categories().contains(c)).count());
            }
            stats.put("byCategory", byCategory);
            Map<RiskAssessment.Level, Long> byLevel = new EnumMap<>(RiskAssessment.Level.class);
            for (RiskAssessment.Level l : RiskAssessment.Level.values()) {
                byLevel.put(l, list.stream().filter(r -> l.name().equals(r.riskLevel)).count());
            }
            stats.put("byRiskLevel", byLevel);
            return stats;
        });
    }

    private static Map<String, Long> count(List<Resident> list, Function<Resident, String> key) {
        return list.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
    }

    private static Map<String, Object> feature(List<Resident> residents, String building, int mergedBuildings) {
        double lat = residents.stream().mapToDouble(r -> r.lat).average().orElseThrow();
        double lon = residents.stream().mapToDouble(r -> r.lon).average().orElseThrow();
        Map<RiskAssessment.Level, Long> levels = new EnumMap<>(RiskAssessment.Level.class);
        for (RiskAssessment.Level l : RiskAssessment.Level.values()) {
            levels.put(l, residents.stream().filter(r -> l.name().equals(r.riskLevel)).count());
        }
        Map<String, Long> needs = new TreeMap<>();
        for (Resident r : residents) {
            r.categories().forEach(c -> needs.merge(c.name(), 1L, Long::sum));
            if (r.emergencyContacts.isEmpty()) {
                needs.merge("NO_EMERGENCY_CONTACT", 1L, Long::sum);
            }
        }
        List<Map<String, Object>> top = needs.entrySet().stream()
                .sorted(Map.Entry.<String, Long> comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .limit(3)
                .map(e -> Map.<String, Object> of("need", e.getKey(), "residents", e.getValue()))
                .toList();
        Map<String, Object> properties = new LinkedHashMap<>();
        Resident any = residents.get(0);
        properties.put("dong", any.dong);
        properties.put("complex", any.complex);
        properties.put("building", building);
        properties.put("mergedBuildings", mergedBuildings);
        properties.put("residents", residents.size());
        properties.put("averageRiskScore", Math.round(residents.stream().mapToInt(r -> r.riskScore).average().orElse(0)));
        properties.put("riskLevels", levels);
        properties.put("topNeeds", top);
        Map<String, Object> feature = new LinkedHashMap<>();
        feature.put("type", "Feature");
        // GeoJSON orders coordinates longitude first.
        feature.put("geometry", Map.of("type", "Point", "coordinates", List.of(round(lon), round(lat))));
        feature.put("properties", properties);
        return feature;
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1_000_000d) / 1_000_000d;
    }
}
