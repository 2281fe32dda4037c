package se.basutbud.imports;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import se.basutbud.BasutbudConfig;
import se.basutbud.careunit.UnitType;

/** The region's settings for imports, with the rule that reads its table of verksamhetskoder. */
@ApplicationScoped
class ImportSettings {

    private final BasutbudConfig.Imports config;
    private final Map<String, UnitType> unitTypes;

    ImportSettings(BasutbudConfig config) {
        this.config = config.imports();
        this.unitTypes = Map.copyOf(this.config.unitTypes());
    }

    /** The type for a verksamhetskod: the code's own entry, else its group's (first two digits); null if neither. */
    UnitType unitTypeFor(String code) {
        String trimmed = code.strip();
        UnitType exact = unitTypes.get(trimmed);
        if (exact != null || trimmed.length() < 2) {
            return exact;
        }
        return unitTypes.get(trimmed.substring(0, 2));
    }

    UnitType defaultUnitType() {
        return config.defaultUnitType();
    }

    double massCloseShare() {
        return config.massCloseShare();
    }

    long maxFileSize() {
        return config.maxFileSize().asLongValue();
    }

    java.time.Duration transactionTimeout() {
        return config.transactionTimeout();
    }

    java.time.Duration staleAfter() {
        return config.staleAfter();
    }
}
