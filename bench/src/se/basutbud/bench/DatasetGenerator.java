package se.basutbud.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * A national dataset for the benchmark: care units across 21 regions and private care providers, 40
 * e-services, three published yearly basutbud revisions and next year's draft, offerings with three years
 * of history (withdrawals included) and exemptions on about 2 % of units.
 *
 * <p>Deterministic: the same seed, size and year give the same data, byte for byte. It writes PostgreSQL
 * {@code COPY} blocks and plain statements to a {@link Sink}; the command line writes a psql script to
 * standard output, for a database the service has migrated and that holds nothing but the reference
 * e-services. Everything is keyed by natural keys (HSA-id, e-service code) and the database assigns the
 * ids, so the service answers on it as if it had been filled through the API; it computes the contact
 * cards itself.
 *
 * <p>Run it without a build: {@code java bench/src/se/basutbud/bench/DatasetGenerator.java --size S --seed 42}.
 * The test suite compiles it too and loads a small dataset through JDBC.
 */
public final class DatasetGenerator {

    /** The sizes of the benchmark, in care units. */
    public enum Size {
        XS(200),
        S(1_000),
        M(10_000),
        L(50_000);

        public final int units;

        Size(int units) {
            this.units = units;
        }
    }

    /** Where the dataset goes: a psql script, or a JDBC connection in the tests. */
    public interface Sink {
        void statement(String sql) throws IOException;

        /** Rows in PostgreSQL's text COPY format, one per line, written by {@code rows}. */
        void copy(String table, String columns, CopyRows rows) throws IOException;
    }

    public interface CopyRows {
        void writeTo(Appendable out) throws IOException;
    }

    /** The reference e-services every migrated database holds (V2), and 18 more of the benchmark's own. */
    static final List<String> REFERENCE_SERVICES = List.of(
            "av-omboka-tid",
            "begar-intyg",
            "bestall-journalkopia",
            "bestall-provremiss",
            "bestall-tid",
            "fraga-sjukskoterskan",
            "forlang-sjukskrivning",
            "fornya-hjalpmedel",
            "fornya-recept",
            "kontakta-mig",
            "radgivning",
            "provsvar",
            "hjalp-oss-bli-battre",
            "egen-vardbegaran",
            "remissforfragan",
            "resevaccination",
            "levnadsvanor",
            "bestall-nutritionsprodukter",
            "kontaktformular-specialist",
            "fragor-infor-operation",
            "fragor-om-operationstid",
            "fragor-om-undersokningar");

    static final int SERVICE_COUNT = 40;

    static final String[] UNIT_TYPES = {
        "PRIMARY_CARE",
        "SPECIALIST_CARE",
        "PSYCHIATRY",
        "DENTAL_CARE",
        "CHILD_HEALTH",
        "MATERNITY",
        "YOUTH_CLINIC",
        "REHABILITATION",
        "OTHER"
    };
    /** Shares of the unit types, in per mille, in the order above. */
    private static final int[] UNIT_TYPE_SHARES = {350, 250, 80, 120, 60, 50, 30, 40, 20};

    private static final String[] UNIT_TYPE_NAMES = {
        "Vårdcentral",
        "Specialistmottagning",
        "Psykiatrimottagning",
        "Folktandvården",
        "Barnavårdscentral",
        "Barnmorskemottagning",
        "Ungdomsmottagning",
        "Rehabiliteringsenhet",
        "Enhet"
    };
    static final int REGIONS = 21;
    private static final int PRIVATE_PROVIDERS = 60;
    static final int MUNICIPALITIES = 290;
    private static final String[] PLACE_STARTS = {
        "Ås", "Berg", "Holm", "Lund", "Sjö", "Ek", "Björk", "Gran", "Lind", "Sand", "Sten", "Dal", "Ny", "Gam", "Öster",
        "Väster", "Norr", "Söder", "Hög", "Ljung", "Al", "Ask", "Malm", "Tors", "Frö", "Hult", "Kvarn", "Rävs", "Fal"
    };
    private static final String[] PLACE_ENDS = {"by", "köping", "vik", "sjö", "hult", "ås", "ryd", "torp", "stad", "näs"
    };

    private final SplittableRandom random;
    private final Size size;
    private final int year;
    /** Offerings and exemptions span three years before 1 January of the given year, up to 1 October of it. */
    private final LocalDate historyStart;

    private final LocalDate historyEnd;
    private final List<String> services;
    private final List<Revision> revisions;

    public DatasetGenerator(long seed, Size size, int year) {
        this.random = new SplittableRandom(seed);
        this.size = size;
        this.year = year;
        this.historyStart = LocalDate.of(year - 3, 1, 1);
        this.historyEnd = LocalDate.of(year, 10, 1);
        List<String> codes = new ArrayList<>(REFERENCE_SERVICES);
        for (int i = codes.size() + 1; i <= SERVICE_COUNT; i++) {
            codes.add(String.format(Locale.ROOT, "regional-tjanst-%02d", i));
        }
        this.services = List.copyOf(codes);
        this.revisions = revisions();
    }

    record Unit(
            String hsaId,
            String name,
            String unitType,
            String careProvider,
            String administration,
            String municipality,
            String address,
            String phone,
            String website,
            LocalDate openedOn,
            LocalDate closedOn,
            double offerShare) {}

    /** A basutbud revision: code → unit types it is limited to (empty: every type). */
    record Revision(String name, LocalDate validFrom, boolean published, Map<String, List<String>> requirements) {}

    public static void main(String[] args) throws IOException {
        long seed = 42;
        Size size = Size.S;
        int year = LocalDate.now().getYear();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--size" -> size = Size.valueOf(args[++i].toUpperCase(Locale.ROOT));
                case "--year" -> year = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("usage: DatasetGenerator [--size XS|S|M|L] [--seed N] [--year YYYY]");
                    System.exit(2);
                }
            }
        }
        Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
        new DatasetGenerator(seed, size, year).writeTo(psqlScript(out));
        out.flush();
    }

    /** A psql script: one transaction, stops at the first error. */
    public static Sink psqlScript(Writer out) {
        return new Sink() {
            @Override
            public void statement(String sql) throws IOException {
                out.write(sql);
                out.write(";\n");
            }

            @Override
            public void copy(String table, String columns, CopyRows rows) throws IOException {
                out.write("copy " + table + " (" + columns + ") from stdin;\n");
                rows.writeTo(out);
                out.write("\\.\n");
            }
        };
    }

    public void writeTo(Sink sink) throws IOException {
        List<Unit> units = units();
        sink.statement("begin");
        sink.copy("e_service", "code, name, name_en, description, status", out -> {
            for (int i = REFERENCE_SERVICES.size(); i < services.size(); i++) {
                row(
                        out,
                        services.get(i),
                        "Regional e-tjänst " + (i + 1),
                        "Regional e-service " + (i + 1),
                        "En e-tjänst som regionerna erbjuder utöver 1177:s referenskatalog",
                        "ACTIVE");
            }
        });
        sink.copy(
                "care_unit",
                "hsa_id, name, unit_type, care_provider, administration, municipality, address, phone, "
                        + "website, opened_on, closed_on",
                out -> {
                    for (Unit u : units) {
                        row(
                                out,
                                u.hsaId(),
                                u.name(),
                                u.unitType(),
                                u.careProvider(),
                                u.administration(),
                                u.municipality(),
                                u.address(),
                                u.phone(),
                                u.website(),
                                text(u.openedOn()),
                                text(u.closedOn()));
                    }
                });
        for (Revision revision : revisions) {
            sink.statement(
                    "insert into baseline (name, valid_from, decision, status, published_at, published_by) values ("
                            + quote(revision.name()) + ", date '" + revision.validFrom() + "', "
                            + quote("Beslut i hälso- och sjukvårdsdirektörsnätverket inför "
                                    + revision.validFrom().getYear())
                            + (revision.published()
                                    ? ", 'PUBLISHED', timestamptz '"
                                            + revision.validFrom().minusMonths(2) + " 10:00:00+01', 'bench'"
                                    : ", 'DRAFT', null, null")
                            + ")");
            StringBuilder values = new StringBuilder();
            revision.requirements().forEach((code, types) -> values.append(values.length() == 0 ? "" : ", ")
                    .append("(")
                    .append(quote(code))
                    .append(", '{")
                    .append(String.join(",", types))
                    .append("}')"));
            sink.statement("insert into baseline_requirement (baseline_id, e_service_id, unit_types) "
                    + "select b.id, s.id, r.unit_types::varchar(32)[] from (values " + values + ") r(code, unit_types) "
                    + "join e_service s on s.code = r.code join baseline b on b.name = " + quote(revision.name()));
        }
        insertByNaturalKeys(sink, "offering", "url varchar(500), since date, until date", "url, since, until", out -> {
            for (Unit unit : units) {
                offerings(unit, out);
            }
        });
        // Exemptions as management decided them: approved.
        insertByNaturalKeys(
                sink,
                "exemption",
                "reason varchar(1000), since date, until date",
                "reason, since, until",
                new LinkedHashMap<>(Map.of(
                        "status", "'APPROVED'", "reason_code", "'DECIDED'", "decided_at", "x.since::timestamptz")),
                out -> {
                    for (Unit unit : units) {
                        exemptions(unit, out);
                    }
                });
        // Health centres list their residents (1,000 to 25,000), some with a newer figure; other units have none.
        sink.statement("create temp table staged_residents (hsa_id varchar(31), valid_from date, count integer)"
                + " on commit drop");
        sink.copy("staged_residents", "hsa_id, valid_from, count", out -> {
            for (Unit unit : units) {
                residents(unit, out);
            }
        });
        sink.statement("insert into listed_residents (care_unit_id, valid_from, count) "
                + "select u.id, x.valid_from, x.count from staged_residents x join care_unit u on u.hsa_id = x.hsa_id");
        // Loaded past the API, so no card was stored for the new units, and the cards already stored may
        // change on other days than they say (new revisions): every card is due again, readers compute each
        // on its first read, and the service's daily job stores them all (as the README says a load must).
        sink.statement("update contact_card set valid_until = date '1970-01-01'");
        sink.statement("delete from contact_card_next");
        sink.statement("update contact_card_refresh set refreshed_for = null");
        // Running replicas drop what they hold, when this commits.
        sink.statement("select pg_notify('basutbud_changes', '*')");
        sink.statement("commit");
        // After a bulk load, as a DBA would: statistics for the planner, and the visibility map for index-only scans.
        sink.statement("vacuum analyze");
    }

    /**
     * Rows of a table that belongs to a unit and an e-service, written with the HSA-id and the code: copied
     * into a staging table, then inserted with the ids the database gave them.
     */
    private static void insertByNaturalKeys(Sink sink, String table, String columnTypes, String columns, CopyRows rows)
            throws IOException {
        insertByNaturalKeys(sink, table, columnTypes, columns, Map.of(), rows);
    }

    /** As above, every row also given the constant values (SQL expressions) of {@code fixed}, by column. */
    private static void insertByNaturalKeys(
            Sink sink, String table, String columnTypes, String columns, Map<String, String> fixed, CopyRows rows)
            throws IOException {
        String staged = "staged_" + table;
        sink.statement("create temp table " + staged + " (hsa_id varchar(31), code varchar(64), " + columnTypes
                + ") on commit drop");
        sink.copy(staged, "hsa_id, code, " + columns, rows);
        String selected = String.join(
                ", ", Arrays.stream(columns.split(", ")).map(c -> "x." + c).toList());
        String fixedColumns =
                fixed.keySet().stream().map(column -> ", " + column).collect(Collectors.joining());
        String fixedValues = fixed.values().stream().map(value -> ", " + value).collect(Collectors.joining());
        sink.statement("insert into " + table + " (care_unit_id, e_service_id, " + columns + fixedColumns + ") "
                + "select u.id, s.id, " + selected + fixedValues + " from " + staged + " x "
                + "join care_unit u on u.hsa_id = x.hsa_id join e_service s on s.code = x.code");
    }

    private List<Unit> units() {
        List<Unit> units = new ArrayList<>(size.units);
        for (int n = 1; n <= size.units; n++) {
            int municipality = random.nextInt(MUNICIPALITIES);
            int region = municipality % REGIONS + 1;
            boolean privateProvider = random.nextInt(100) < 15;
            String provider = privateProvider
                    ? String.format(Locale.ROOT, "SE55690%05d", 1 + random.nextInt(PRIVATE_PROVIDERS))
                    : String.format(Locale.ROOT, "SE23210000%02d", region);
            int type = unitType();
            String place = municipalityName(municipality);
            String administration = privateProvider
                    ? null
                    : String.format(
                            Locale.ROOT,
                            "Region %02d %s",
                            region,
                            switch (UNIT_TYPES[type]) {
                                case "PRIMARY_CARE", "CHILD_HEALTH", "MATERNITY", "YOUTH_CLINIC" -> "Primärvård";
                                case "DENTAL_CARE" -> "Folktandvården";
                                case "PSYCHIATRY" -> "Psykiatri";
                                default -> "Specialiserad vård";
                            });
            String hsaId = provider + String.format(Locale.ROOT, "-E%06d", n);
            LocalDate openedOn = random.nextInt(100) < 20
                    ? null
                    : random.nextInt(100) < 3
                            ? dateBetween(historyStart.plusMonths(6), historyEnd)
                            : dateBetween(LocalDate.of(year - 20, 1, 1), historyStart);
            LocalDate closedOn = null;
            int closing = random.nextInt(100);
            if (closing < 3) {
                LocalDate from =
                        openedOn == null || openedOn.isBefore(historyStart) ? historyStart : openedOn.plusDays(1);
                closedOn = from.isBefore(historyEnd) ? dateBetween(from, historyEnd) : null;
            } else if (closing < 4) {
                closedOn = LocalDate.of(year + 1, 3, 31);
            }
            String street = PLACE_STARTS[random.nextInt(PLACE_STARTS.length)] + "vägen " + (1 + random.nextInt(120));
            units.add(new Unit(
                    hsaId,
                    UNIT_TYPE_NAMES[type] + " " + place + " " + n,
                    UNIT_TYPES[type],
                    provider,
                    administration,
                    place,
                    street + ", " + place,
                    String.format(Locale.ROOT, "0%d-%06d", 10 + random.nextInt(90), random.nextInt(1_000_000)),
                    "https://www.1177.se/hitta-vard/kontaktkort/" + hsaId,
                    openedOn,
                    closedOn,
                    0.5 + random.nextDouble() * 0.45));
        }
        return units;
    }

    /** Every unit's history per e-service: a current period, maybe an earlier one, or only a withdrawn one. */
    private void offerings(Unit unit, Appendable out) throws IOException {
        LocalDate earliest =
                unit.openedOn() == null || unit.openedOn().isBefore(historyStart) ? historyStart : unit.openedOn();
        LocalDate latest =
                unit.closedOn() == null || unit.closedOn().isAfter(historyEnd) ? historyEnd : unit.closedOn();
        if (!earliest.isBefore(latest.minusDays(2))) {
            return;
        }
        Revision current = revisions.get(2);
        for (String code : services) {
            boolean required = current.requirements().containsKey(code);
            double share = required ? Math.min(1, unit.offerShare() + 0.1) : unit.offerShare();
            String url = "https://e-tjanster.1177.se/" + code + "/" + unit.hsaId();
            if (random.nextDouble() < share) {
                LocalDate since = dateBetween(earliest, latest);
                if (random.nextInt(100) < 25 && ChronoUnit.DAYS.between(earliest, since) > 30) {
                    LocalDate earlierSince = dateBetween(earliest, since.minusDays(20));
                    LocalDate earlierUntil = dateBetween(earlierSince.plusDays(1), since);
                    row(out, unit.hsaId(), code, url, text(earlierSince), text(earlierUntil));
                }
                row(out, unit.hsaId(), code, url, text(since), null);
            } else if (random.nextInt(100) < 35) {
                LocalDate since = dateBetween(earliest, latest.minusDays(1));
                row(out, unit.hsaId(), code, url, text(since), text(dateBetween(since.plusDays(1), latest)));
            }
        }
    }

    private void exemptions(Unit unit, Appendable out) throws IOException {
        if (random.nextInt(1000) >= 20) {
            return;
        }
        List<String> applicable = new ArrayList<>();
        revisions.get(2).requirements().forEach((code, types) -> {
            if (types.isEmpty() || types.contains(unit.unitType())) {
                applicable.add(code);
            }
        });
        int count = 1 + random.nextInt(2);
        for (int i = 0; i < count && !applicable.isEmpty(); i++) {
            String code = applicable.remove(random.nextInt(applicable.size()));
            int kind = random.nextInt(10);
            LocalDate until =
                    kind < 6 ? null : kind < 9 ? LocalDate.of(year + 1, 6, 30) : LocalDate.of(year - 1, 6, 30);
            LocalDate since = dateBetween(historyStart, LocalDate.of(year - 1, 6, 29));
            row(
                    out,
                    unit.hsaId(),
                    code,
                    "Enheten saknar förutsättningar för tjänsten (beslut " + year + "-" + (i + 1) + ")",
                    text(since),
                    text(until));
        }
    }

    /** Three published yearly revisions of about 20 requirements, some limited to unit types, and a draft. */
    private List<Revision> revisions() {
        Map<String, List<String>> first = new LinkedHashMap<>();
        for (String code : REFERENCE_SERVICES.subList(0, 18)) {
            first.put(code, List.of());
        }
        first.put("resevaccination", List.of("PRIMARY_CARE"));
        first.put("fornya-hjalpmedel", List.of("PRIMARY_CARE", "REHABILITATION"));
        first.put("bestall-nutritionsprodukter", List.of("PRIMARY_CARE"));
        first.put("forlang-sjukskrivning", List.of("PRIMARY_CARE", "SPECIALIST_CARE", "PSYCHIATRY", "REHABILITATION"));
        Map<String, List<String>> second = new LinkedHashMap<>(first);
        second.put("kontaktformular-specialist", List.of("SPECIALIST_CARE", "PSYCHIATRY"));
        second.put("regional-tjanst-23", List.of());
        Map<String, List<String>> third = new LinkedHashMap<>(second);
        third.remove("hjalp-oss-bli-battre");
        third.put("levnadsvanor", List.of("PRIMARY_CARE", "CHILD_HEALTH", "MATERNITY", "YOUTH_CLINIC"));
        third.put("fragor-infor-operation", List.of("SPECIALIST_CARE"));
        third.put("regional-tjanst-24", List.of());
        Map<String, List<String>> draft = new LinkedHashMap<>(third);
        draft.put("regional-tjanst-25", List.of());
        draft.put("regional-tjanst-26", List.of("PRIMARY_CARE"));
        return List.of(
                new Revision("Basutbud " + (year - 2), LocalDate.of(year - 2, 1, 1), true, first),
                new Revision("Basutbud " + (year - 1), LocalDate.of(year - 1, 1, 1), true, second),
                new Revision("Basutbud " + year, LocalDate.of(year, 1, 1), true, third),
                new Revision("Basutbud " + (year + 1) + " (förslag)", LocalDate.of(year + 1, 1, 1), false, draft));
    }

    private int unitType() {
        int pick = random.nextInt(1000);
        for (int i = 0; i < UNIT_TYPE_SHARES.length; i++) {
            pick -= UNIT_TYPE_SHARES[i];
            if (pick < 0) {
                return i;
            }
        }
        return UNIT_TYPES.length - 1;
    }

    static String municipalityName(int index) {
        return PLACE_STARTS[index % PLACE_STARTS.length] + PLACE_ENDS[index / PLACE_STARTS.length % PLACE_ENDS.length];
    }

    /** A date in [from, to), or from when the range is empty. */
    private LocalDate dateBetween(LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to);
        return days <= 0 ? from : from.plusDays(random.nextLong(days));
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static String quote(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /**
     * A health centre's listed residents: a figure from the start of the history, and for about half of them a
     * newer one from a year before. Drawn from a generator of the unit's own, so that the rest of the dataset
     * stays as it was before residents existed.
     */
    private void residents(Unit unit, Appendable out) throws IOException {
        if (!unit.unitType().equals("PRIMARY_CARE")) {
            return;
        }
        SplittableRandom own = new SplittableRandom(unit.hsaId().hashCode() * 31L + year);
        int count = 1_000 + own.nextInt(24_001);
        row(out, unit.hsaId(), text(historyStart), String.valueOf(count));
        if (own.nextBoolean()) {
            int newer = Math.max(0, count + own.nextInt(-count / 10, count / 10 + 1));
            row(out, unit.hsaId(), text(LocalDate.of(year - 1, 1, 1)), String.valueOf(newer));
        }
    }

    /** One row in COPY's text format: tab-separated, \N for null, backslash escapes. */
    private static void row(Appendable out, String... values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            String value = values[i];
            if (value == null) {
                out.append("\\N");
                continue;
            }
            for (int c = 0; c < value.length(); c++) {
                char ch = value.charAt(c);
                switch (ch) {
                    case '\\' -> out.append("\\\\");
                    case '\t' -> out.append("\\t");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    default -> out.append(ch);
                }
            }
        }
        out.append('\n');
    }
}
