package se.basutbud.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import se.basutbud.audit.AuditLog;
import se.basutbud.careunit.CareUnitDto;
import se.basutbud.careunit.CareUnitRequest;
import se.basutbud.careunit.CareUnitSheet;
import se.basutbud.careunit.HsaId;
import se.basutbud.careunit.UnitType;
import se.basutbud.db.JdbcBatch;

/**
 * Care units from a region's files: this service's CSV or NDJSON, or HSA's FileService export. A column the
 * file does not have leaves that value of an existing unit as it is; an empty cell clears it. A unit's type comes
 * from {@code unitType}, else from its verksamhetskod ({@code businessClassificationCode}) by the region's table
 * ({@code basutbud.imports.unit-types}); a new unit whose file says neither (HSA's FileService carries no codes)
 * gets {@code basutbud.import.default-unit-type}.
 */
final class CareUnitImporter implements Importer {

    /** The service's own column names, in the order of its exports. */
    static final List<String> FIELDS = CareUnitSheet.COLUMNS.stream()
            .map(se.basutbud.web.export.Column::name)
            .toList();

    private static final Set<String> OWN_NAMES = Set.copyOf(FIELDS);
    private static final Map<String, String> ALIASES = columnAliases();

    private static Map<String, String> columnAliases() {
        Map<String, String> aliases = new HashMap<>();
        for (String own : FIELDS) {
            aliases.put(own.toLowerCase(Locale.ROOT), own);
        }
        aliases.put("hsaidentity", "hsaId");
        aliases.put("ou", "name");
        aliases.put("publicname", "publicName");
        aliases.put("businessclassificationcode", "businessClassificationCode");
        aliases.put("orgno", "orgNo");
        aliases.put("dn", "dn");
        aliases.put("municipalityname", "municipality");
        aliases.put("street", "address");
        aliases.put("addressline", "address");
        aliases.put("telephonenumber", "phone");
        aliases.put("labeleduri", "website");
        aliases.put("startdate", "openedOn");
        aliases.put("enddate", "closedOn");
        aliases.put("ishsahealthcareunit", "isCareUnit");
        aliases.put("unitisarchived", "archived");
        // HSA elements read but not used: not "ignored columns" worth telling about.
        for (String known : List.of(
                "isHsaHealthCareProvider",
                "hsaResponsibleHealthCareProvider",
                "healthCareProviderIsArchived",
                "healthCareUnitIsArchived",
                "hsaHealthCareUnitMember")) {
            aliases.put(known.toLowerCase(Locale.ROOT), "unused");
        }
        return Map.copyOf(aliases);
    }

    /** A row as kept once read: the unit as the file has it, and which of its fields the file has at all. */
    private record Target(int line, Set<String> fields, CareUnitDto unit, boolean typeGiven) {
        boolean has(String field) {
            return fields.contains(field);
        }
    }

    private final Validator validator;
    private final ImportSettings settings;
    private final com.fasterxml.jackson.databind.ObjectMapper objectMapper;
    private final AuditLog audit;
    private final Map<String, Target> targets = new LinkedHashMap<>();
    private final Map<String, Integer> firstLine = new HashMap<>();
    private final Set<String> listed = new HashSet<>();
    private final List<CareUnitDto> toCreate = new ArrayList<>();
    private final List<CareUnitDto[]> toUpdate = new ArrayList<>();

    CareUnitImporter(
            Validator validator,
            ImportSettings settings,
            com.fasterxml.jackson.databind.ObjectMapper objectMapper,
            AuditLog audit) {
        this.validator = validator;
        this.settings = settings;
        this.objectMapper = objectMapper;
        this.audit = audit;
    }

    @Override
    public Map<String, String> aliases() {
        return ALIASES;
    }

    @Override
    public Set<String> requiredFields() {
        return Set.of("hsaId");
    }

    @Override
    public Set<String> ownNames() {
        return OWN_NAMES;
    }

    @Override
    public void row(ParsedRow row, ImportRun run) {
        String hsaId = row.hsaId();
        if (hsaId == null) {
            return;
        }
        Integer earlier = firstLine.putIfAbsent(hsaId, row.line());
        if (earlier != null) {
            row.error("hsaId", "appears twice in the file: also on line " + earlier);
            return;
        }
        listed.add(hsaId);
        if ("false".equalsIgnoreCase(row.text("isCareUnit"))) {
            // HSA lists every kind of entry; only care units (vårdenheter) are this service's.
            run.skipped++;
            return;
        }
        String name = row.text("publicName") != null ? row.text("publicName") : row.text("name");
        UnitType unitType = unitType(row);
        // Blank means what PUT does with none: the unit's own, or the organisation of its HSA-id.
        String careProvider = row.text("careProvider") != null
                ? upper(row.text("careProvider"))
                : organisationNumber(row.text("orgNo"));
        if (row.text("orgNo") != null && careProvider == null && row.text("careProvider") == null) {
            row.error("orgNo", "must be an organisation number, ten digits");
        }
        String administration =
                row.has("administration") ? row.text("administration") : administrationOf(row.text("dn"));
        LocalDate openedOn = row.date("openedOn");
        LocalDate closedOn = row.date("closedOn");
        if (closedOn == null && "true".equalsIgnoreCase(row.text("archived"))) {
            closedOn = run.importDate;
        }
        if (!row.valid()) {
            return;
        }
        CareUnitDto unit = new CareUnitDto(
                hsaId,
                name,
                unitType,
                careProvider,
                administration,
                row.text("municipality"),
                row.text("address"),
                row.text("phone"),
                row.text("website"),
                openedOn,
                closedOn);
        targets.put(
                hsaId,
                new Target(
                        row.line(), row.fields(), unit, row.has("unitType") || row.has("businessClassificationCode")));
    }

    private UnitType unitType(ParsedRow row) {
        String type = row.text("unitType");
        if (type != null) {
            try {
                return UnitType.valueOf(type.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                row.error("unitType", "must be one of " + java.util.Arrays.toString(UnitType.values()));
                return null;
            }
        }
        String code = row.text("businessClassificationCode");
        if (code != null) {
            UnitType mapped = settings.unitTypeFor(code);
            if (mapped == null) {
                row.error(
                        "businessClassificationCode",
                        "no unit type is set for verksamhetskod " + code + " (basutbud.imports.unit-types.\"" + code
                                + "\"); give unitType instead");
            }
            return mapped;
        }
        if (row.has("unitType") || row.has("businessClassificationCode")) {
            row.error(row.has("unitType") ? "unitType" : "businessClassificationCode", "is required");
        }
        return null;
    }

    /** The administration (förvaltning) is the organisational unit right above the unit in its HSA DN. */
    static String administrationOf(String dn) {
        if (dn == null) {
            return null;
        }
        String[] parts = dn.split("(?<!\\\\),");
        if (parts.length < 2) {
            return null;
        }
        String parent = parts[1].strip();
        return parent.regionMatches(true, 0, "ou=", 0, 3)
                ? parent.substring(3).replace("\\,", ",").strip()
                : null;
    }

    /** HSA's orgNo (556334-1659) as this service's care provider (SE5563341659); null if it is not one. */
    private static String organisationNumber(String orgNo) {
        if (orgNo == null) {
            return null;
        }
        String digits = orgNo.replaceAll("[^0-9]", "");
        return digits.length() == 10 ? "SE" + digits : null;
    }

    private static String upper(String value) {
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }

    @Override
    public void plan(Connection connection, ImportRun run) throws SQLException {
        Map<String, CareUnitDto> existing = load(connection);
        for (Target target : targets.values()) {
            CareUnitDto before = existing.get(target.unit().hsaId());
            CareUnitDto after = merge(before, target);
            if (!validate(after, errorsOn(target, after, run))) {
                continue;
            }
            if (before == null) {
                toCreate.add(after);
                run.change(target.line(), after.hsaId(), ChangeAction.CREATE, diff(null, after));
                run.unitChanged(after.hsaId());
            } else if (before.equals(after)) {
                run.unchanged++;
            } else {
                toUpdate.add(new CareUnitDto[] {before, after});
                run.change(target.line(), after.hsaId(), ChangeAction.UPDATE, diff(before, after));
                run.unitChanged(after.hsaId());
            }
        }
        if (run.mode == ImportMode.FULL) {
            planClosing(existing, run);
        }
    }

    /** The unit as the row would leave it: the file's values where it has the column, the unit's elsewhere. */
    private CareUnitDto merge(CareUnitDto before, Target target) {
        Target row = target;
        CareUnitDto file = target.unit();
        boolean known = before != null;
        String careProvider = file.careProvider() != null
                ? file.careProvider()
                : known ? before.careProvider() : HsaId.organisation(file.hsaId());
        UnitType unitType =
                target.typeGiven() ? file.unitType() : known ? before.unitType() : settings.defaultUnitType();
        return new CareUnitDto(
                file.hsaId(),
                row.has("name") || row.has("publicName") || !known ? file.name() : before.name(),
                unitType,
                careProvider,
                row.has("administration") || row.has("dn") || !known ? file.administration() : before.administration(),
                row.has("municipality") || !known ? file.municipality() : before.municipality(),
                row.has("address") || !known ? file.address() : before.address(),
                row.has("phone") || !known ? file.phone() : before.phone(),
                row.has("website") || !known ? file.website() : before.website(),
                row.has("openedOn") || !known ? file.openedOn() : before.openedOn(),
                row.has("closedOn") || row.has("archived") || !known ? keepClosing(before, file) : before.closedOn());
    }

    /** An archived HSA unit closes on the first import that sees it so, not again on every later one. */
    private static LocalDate keepClosing(CareUnitDto before, CareUnitDto file) {
        if (before != null
                && before.closedOn() != null
                && file.closedOn() != null
                && before.closedOn().isBefore(file.closedOn())) {
            return before.closedOn();
        }
        return file.closedOn();
    }

    /** Errors on a kept row, each with the value the unit would have had. */
    private FieldErrors errorsOn(Target target, CareUnitDto unit, ImportRun run) {
        return (field, message) -> {
            Object value = objectMapper.convertValue(unit, Map.class).get(field);
            run.fieldError(target.line(), field, value == null ? null : value.toString(), message);
        };
    }

    /** The API's rules for a unit, field by field in the file's names. */
    private boolean validate(CareUnitDto unit, FieldErrors row) {
        CareUnitRequest request = new CareUnitRequest(
                unit.name(),
                unit.unitType(),
                unit.careProvider(),
                unit.administration(),
                unit.municipality(),
                unit.address(),
                unit.phone(),
                unit.website(),
                unit.openedOn(),
                unit.closedOn());
        boolean valid = true;
        for (ConstraintViolation<CareUnitRequest> violation : validator.validate(request)) {
            String field = violation.getPropertyPath().toString();
            row.error(field, violation.getMessage());
            valid = false;
        }
        if (unit.closedOn() != null
                && unit.openedOn() != null
                && !unit.closedOn().isAfter(unit.openedOn())) {
            row.error("closedOn", "must be after openedOn (" + unit.openedOn() + ")");
            valid = false;
        }
        return valid;
    }

    private void planClosing(Map<String, CareUnitDto> existing, ImportRun run) {
        List<CareUnitDto> open = existing.values().stream()
                .filter(unit -> unit.careProvider().equalsIgnoreCase(run.careProvider))
                .filter(unit -> unit.closedOn() == null || unit.closedOn().isAfter(run.importDate))
                .toList();
        List<CareUnitDto> absent =
                open.stream().filter(unit -> !listed.contains(unit.hsaId())).toList();
        if (!run.allowMassClose && absent.size() > settings.massCloseShare() * open.size()) {
            run.fileError(
                    null,
                    "The full import would close " + absent.size() + " of the " + open.size() + " open units of "
                            + run.careProvider + ", more than " + Math.round(settings.massCloseShare() * 100)
                            + " %: a truncated file must not close a region. Check the file, or import it with"
                            + " allowMassClose=true");
            return;
        }
        for (CareUnitDto before : absent) {
            LocalDate closedOn = before.openedOn() != null && !before.openedOn().isBefore(run.importDate)
                    ? before.openedOn().plusDays(1)
                    : run.importDate;
            CareUnitDto after = withClosedOn(before, closedOn);
            toUpdate.add(new CareUnitDto[] {before, after});
            run.change(null, before.hsaId(), ChangeAction.CLOSE, diff(before, after));
            run.unitChanged(before.hsaId());
        }
    }

    private static CareUnitDto withClosedOn(CareUnitDto unit, LocalDate closedOn) {
        return new CareUnitDto(
                unit.hsaId(),
                unit.name(),
                unit.unitType(),
                unit.careProvider(),
                unit.administration(),
                unit.municipality(),
                unit.address(),
                unit.phone(),
                unit.website(),
                unit.openedOn(),
                closedOn);
    }

    private Map<String, ImportDtos.FieldChange> diff(CareUnitDto before, CareUnitDto after) {
        Map<String, Object> from = before == null ? Map.of() : objectMapper.convertValue(before, Map.class);
        Map<String, Object> to = objectMapper.convertValue(after, Map.class);
        Map<String, ImportDtos.FieldChange> fields = ImportRun.fields();
        for (String field : FIELDS) {
            ImportRun.diff(fields, field, from.get(field), to.get(field));
        }
        return fields;
    }

    /**
     * Every unit, locked until the import commits, in the order the daily card refresh locks them: a PUT that
     * comes between the plan and the writes waits for the import instead of being overwritten by it.
     */
    private static Map<String, CareUnitDto> load(Connection connection) throws SQLException {
        Map<String, CareUnitDto> units = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select " + CareUnitDto.COLUMNS + " from care_unit u order by u.hsa_id for update")) {
            select.setFetchSize(5_000);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    CareUnitDto unit = CareUnitDto.read(rows);
                    units.put(unit.hsaId(), unit);
                }
            }
        }
        return units;
    }

    @Override
    public void apply(Connection connection, ImportRun run) throws SQLException {
        Timestamp now = Timestamp.from(run.writtenAt);
        // Audit rows go out in batches as the writes do, so that none is held in memory.
        AuditLog.ImportTrail trail = audit.importTrail(connection, run.actor.subject(), run.jobId);
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into care_unit (name, unit_type, care_provider, administration, municipality, address, phone,"
                        + " website, opened_on, closed_on, created_at, updated_at, hsa_id)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            JdbcBatch batch = new JdbcBatch(insert);
            for (CareUnitDto unit : toCreate) {
                bind(insert, unit, now);
                insert.setTimestamp(12, now);
                insert.setString(13, unit.hsaId());
                batch.add();
                trail.add(new AuditLog.Entry(
                        AuditLog.EntityType.CARE_UNIT, unit.hsaId(), AuditLog.Action.CREATE, null, unit));
            }
            batch.finish();
        }
        try (PreparedStatement update = connection.prepareStatement(
                "update care_unit set name = ?, unit_type = ?, care_provider = ?, administration = ?, municipality = ?,"
                        + " address = ?, phone = ?, website = ?, opened_on = ?, closed_on = ?, updated_at = ?"
                        + " where hsa_id = ?")) {
            JdbcBatch batch = new JdbcBatch(update);
            for (CareUnitDto[] change : toUpdate) {
                bind(update, change[1], now);
                update.setString(12, change[1].hsaId());
                batch.add();
                trail.add(new AuditLog.Entry(
                        AuditLog.EntityType.CARE_UNIT,
                        change[1].hsaId(),
                        AuditLog.Action.UPDATE,
                        change[0],
                        change[1]));
            }
            batch.finish();
        }
        trail.close();
    }

    private static void bind(PreparedStatement statement, CareUnitDto unit, Timestamp now) throws SQLException {
        statement.setString(1, unit.name());
        statement.setString(2, unit.unitType().name());
        statement.setString(3, unit.careProvider());
        statement.setString(4, unit.administration());
        statement.setString(5, unit.municipality());
        statement.setString(6, unit.address());
        statement.setString(7, unit.phone());
        statement.setString(8, unit.website());
        statement.setObject(9, unit.openedOn());
        statement.setObject(10, unit.closedOn());
        statement.setTimestamp(11, now);
    }
}
