package org.jicha.facts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jicha.facts.StoredRecords.Tariff;

/**
 * The stored tariffs (电价) with every version of each tariff code, and what pricing needs from them: the version
 * valid in a billing period or on a date, and the energy charge of a number of kWh under a version. Thread-safe:
 * the versions found per period are kept, the same few answers serve every bill of a run.
 */
public final class TariffCatalogue {

    private final Map<String, List<Tariff>> byCode;
    /** tariff code -> period -> the version valid in it (empty: none). */
    private final Map<String, Map<String, Optional<Tariff>>> validIn = new ConcurrentHashMap<>();

    public TariffCatalogue(List<Tariff> tariffs) {
        Map<String, List<Tariff>> codes = new HashMap<>();
        for (Tariff t : tariffs) {
            codes.computeIfAbsent(t.tariffCode(), k -> new ArrayList<>()).add(t);
        }
        this.byCode = codes;
    }

    /** The version of a tariff valid in a period: the one valid on its last day, else on its first; null if none. */
    public Tariff validIn(String tariffCode, String period) {
        if (tariffCode == null || period == null) {
            return findValidIn(tariffCode, period);
        }
        return validIn.computeIfAbsent(tariffCode, code -> new ConcurrentHashMap<>())
                .computeIfAbsent(period, p -> Optional.ofNullable(findValidIn(tariffCode, p)))
                .orElse(null);
    }

    /** The first stored version of a tariff valid on a date, if any. */
    public Optional<Tariff> validOn(String tariffCode, LocalDate date) {
        return byCode.getOrDefault(tariffCode, List.of()).stream()
                .filter(t -> t.validOn(date))
                .findFirst();
    }

    private Tariff findValidIn(String tariffCode, String period) {
        List<Tariff> versions = byCode.getOrDefault(tariffCode, List.of());
        LocalDate end = Periods.end(period);
        LocalDate start = Periods.start(period);
        return versions.stream()
                .filter(t -> t.validOn(end))
                .findFirst()
                .or(() -> versions.stream().filter(t -> t.validOn(start)).findFirst())
                .orElse(null);
    }

    /**
     * kWh priced with a tariff version: flat energy_price, or monthly tiers (up to tier1_limit_kwh at
     * energy_price, up to tier2_limit_kwh at tier2_price, above at tier3_price; a missing tier price falls
     * back to the tier below, a missing tier-2 bound leaves tier 2 open-ended).
     */
    public static double energyCharge(Tariff t, double kwh) {
        if (t.tier1LimitKwh() == null) {
            return kwh * t.energyPrice();
        }
        double t1 = t.tier1LimitKwh();
        double t2 = t.tier2LimitKwh() == null ? Double.POSITIVE_INFINITY : Math.max(t1, t.tier2LimitKwh());
        double p2 = t.tier2Price() == null ? t.energyPrice() : t.tier2Price();
        double p3 = t.tier3Price() == null ? p2 : t.tier3Price();
        return Math.min(kwh, t1) * t.energyPrice()
                + Math.max(0, Math.min(kwh, t2) - t1) * p2
                + (kwh > t2 ? (kwh - t2) * p3 : 0);
    }
}
