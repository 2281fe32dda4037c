package se.basutbud.sample;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

import se.basutbud.BasutbudConfig;
import se.basutbud.TimeSource;
import se.basutbud.baseline.BaselineDto;
import se.basutbud.baseline.BaselineRequests;
import se.basutbud.baseline.BaselineService;
import se.basutbud.careunit.CareUnit;
import se.basutbud.careunit.CareUnitRequest;
import se.basutbud.careunit.CareUnitService;
import se.basutbud.careunit.UnitType;
import se.basutbud.eservice.EService;
import se.basutbud.eservice.EServiceRequests;
import se.basutbud.eservice.EServiceService;
import se.basutbud.exemption.ExemptionReason;
import se.basutbud.exemption.ExemptionRequest;
import se.basutbud.exemption.ExemptionService;
import se.basutbud.offering.OfferingRequest;
import se.basutbud.offering.OfferingService;
import se.basutbud.residents.ListedResidentsRequest;
import se.basutbud.residents.ListedResidentsService;
import se.basutbud.security.Caller;

/**
 * A fictitious region to look at in dev mode: units of every type across administrations and
 * municipalities, last year's and this year's published basutbud, next year's draft, offerings with
 * history, a few exemptions and the residents listed at most health centres. Loaded through the services, so it obeys every rule; deterministic, and
 * dated relative to today so that it always looks current. Never enabled in production.
 */
@ApplicationScoped
class SampleRegion {

    private static final Logger LOG = Logger.getLogger(SampleRegion.class);

    /** Fictitious organisation numbers: the region and two private care providers. */
    private static final String REGION = "SE2320000001";

    private static final String PRIVATE_A = "SE5565000001";
    private static final String PRIVATE_B = "SE5569000002";

    private static final List<String> MUNICIPALITIES = List.of(
            "Borgholm",
            "Emmaboda",
            "Hultsfred",
            "Högsby",
            "Kalmar",
            "Mönsterås",
            "Mörbylånga",
            "Nybro",
            "Oskarshamn",
            "Torsås",
            "Vimmerby",
            "Västervik");

    private static final List<String> BASUTBUD = List.of(
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
            "bestall-nutritionsprodukter");

    private static final Map<String, List<UnitType>> LIMITED_TO = Map.of(
            "resevaccination", List.of(UnitType.PRIMARY_CARE),
            "fornya-hjalpmedel", List.of(UnitType.PRIMARY_CARE, UnitType.REHABILITATION),
            "bestall-nutritionsprodukter", List.of(UnitType.PRIMARY_CARE),
            "levnadsvanor",
                    List.of(UnitType.PRIMARY_CARE, UnitType.CHILD_HEALTH, UnitType.MATERNITY, UnitType.YOUTH_CLINIC),
            "forlang-sjukskrivning",
                    List.of(
                            UnitType.PRIMARY_CARE,
                            UnitType.SPECIALIST_CARE,
                            UnitType.PSYCHIATRY,
                            UnitType.REHABILITATION),
            "bestall-provremiss", List.of(UnitType.PRIMARY_CARE, UnitType.SPECIALIST_CARE));

    private static final List<String[]> NEW_SERVICES = List.of(
            new String[] {"tidbokning", "Boka tid", "Book an appointment online"},
            new String[] {"folja-remiss", "Följ din remiss", "Follow your referral"},
            new String[] {"ikbt", "Internetbaserad KBT", "Internet-based CBT"},
            new String[] {"videobesok", "Videobesök", "Video consultation"},
            new String[] {"journalen", "Journalen", "The medical record online"},
            new String[] {"sms-paminnelse", "SMS-påminnelse", "SMS reminder before a visit"});

    private final BasutbudConfig config;
    private final TimeSource time;
    private final EServiceService services;
    private final CareUnitService units;
    private final BaselineService baselines;
    private final OfferingService offerings;
    private final ExemptionService exemptions;
    private final ListedResidentsService residents;

    SampleRegion(
            BasutbudConfig config,
            TimeSource time,
            EServiceService services,
            CareUnitService units,
            BaselineService baselines,
            OfferingService offerings,
            ExemptionService exemptions,
            ListedResidentsService residents) {
        this.config = config;
        this.time = time;
        this.services = services;
        this.units = units;
        this.baselines = baselines;
        this.offerings = offerings;
        this.exemptions = exemptions;
        this.residents = residents;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.sampleData().enabled()
                && QuarkusTransaction.requiringNew().call(() -> CareUnit.count("careProvider", REGION) == 0)) {
            Caller.asSystem(() -> QuarkusTransaction.requiringNew().timeout(600).run(this::load));
            LOG.info("Loaded the sample region: see /api/v1/compliance and /api/v1/contact-cards");
        }
    }

    void load() {
        LocalDate today = time.today();
        for (String[] service : NEW_SERVICES) {
            if (EService.findByCode(service[0]).isEmpty()) {
                services.create(new EServiceRequests.Create(service[0], service[1], service[2], null, null));
            }
        }

        LocalDate thisYear = today.withDayOfYear(1);
        BaselineDto lastYear = baselines.create(new BaselineRequests.Create(
                "Basutbud " + thisYear.minusYears(1).getYear(),
                thisYear.minusYears(1),
                "Sjukvårdsledningen, beslut om basutbud på 1177",
                null));
        for (String code : BASUTBUD) {
            baselines.putRequirement(lastYear.id(), code, LIMITED_TO.getOrDefault(code, List.of()), null);
        }
        baselines.publish(lastYear.id(), null);
        BaselineDto current = baselines.create(new BaselineRequests.Create(
                "Basutbud " + thisYear.getYear(),
                thisYear,
                "Sjukvårdsledningen: tidbokning och följ din remiss läggs till",
                lastYear.id()));
        baselines.putRequirement(current.id(), "tidbokning", List.of(), null);
        baselines.putRequirement(
                current.id(), "folja-remiss", List.of(UnitType.SPECIALIST_CARE, UnitType.PSYCHIATRY), null);
        baselines.publish(current.id(), null);
        BaselineDto next = baselines.create(new BaselineRequests.Create(
                "Basutbud " + thisYear.plusYears(1).getYear(),
                thisYear.plusYears(1),
                "Förslag: videobesök i primärvården, iKBT i psykiatrin",
                current.id()));
        baselines.putRequirement(next.id(), "videobesok", List.of(UnitType.PRIMARY_CARE), null);
        baselines.putRequirement(next.id(), "ikbt", List.of(UnitType.PSYCHIATRY), null);

        Random random = new Random(2014);
        List<String> all = new ArrayList<>(BASUTBUD);
        all.addAll(List.of(
                "tidbokning",
                "folja-remiss",
                "sms-paminnelse",
                "videobesok",
                "journalen",
                "kontaktformular-specialist",
                "fragor-infor-operation",
                "fragor-om-operationstid",
                "fragor-om-undersokningar"));
        int number = 0;
        for (UnitPlan plan : plans()) {
            number++;
            String hsaId = plan.provider() + "-" + String.format("%04d", 1000 + number);
            String municipality = MUNICIPALITIES.get(number % MUNICIPALITIES.size());
            units.put(
                    hsaId,
                    new CareUnitRequest(
                            plan.name() + " " + municipality,
                            plan.type(),
                            null,
                            plan.administration(),
                            municipality,
                            "Storgatan " + number + ", " + municipality,
                            "0480-" + (10_000 + number * 37),
                            "https://www.1177.se/hitta-vard/kontaktkort/" + hsaId,
                            today.minusYears(6),
                            null),
                    null);
            double share = Math.min(1.0, 0.5 + random.nextDouble() * 0.6);
            for (String code : all) {
                boolean applicable =
                        !LIMITED_TO.containsKey(code) || LIMITED_TO.get(code).contains(plan.type());
                if (random.nextDouble() < (applicable ? share : 0.08)) {
                    LocalDate since = today.minusDays(20 + random.nextInt(1100));
                    offerings.offer(hsaId, code, new OfferingRequest("https://e-tjanster.1177.se/mvk/" + code, since));
                    if (random.nextDouble() < 0.12) {
                        LocalDate until =
                                since.plusDays(1 + random.nextInt((int) (today.toEpochDay() - since.toEpochDay())));
                        offerings.withdraw(hsaId, code, until);
                    }
                }
            }
            // Health centres report the residents listed at them; one in ten has not yet (unknown, not zero).
            if (plan.type() == UnitType.PRIMARY_CARE && random.nextDouble() < 0.9) {
                residents.put(
                        hsaId, new ListedResidentsRequest(1_500 + 500 * random.nextInt(40), today.minusMonths(6)));
            }
            if (plan.type() == UnitType.PRIMARY_CARE && random.nextDouble() < 0.2) {
                exemptions.put(
                        hsaId,
                        "resevaccination",
                        new ExemptionRequest(
                                "Ingen vaccinationsmottagning; hänvisar till " + municipality + " vårdcentral",
                                today.minusDays(30 + random.nextInt(700)),
                                null,
                                ExemptionReason.NOT_APPLICABLE));
            }
            if (number == 7) {
                units.put(
                        hsaId,
                        new CareUnitRequest(
                                plan.name() + " " + municipality + " (stängd)",
                                plan.type(),
                                null,
                                plan.administration(),
                                municipality,
                                null,
                                null,
                                null,
                                today.minusYears(6),
                                today.minusMonths(2)),
                        null);
            }
        }
    }

    private record UnitPlan(String provider, String administration, String name, UnitType type) {}

    private static List<UnitPlan> plans() {
        List<UnitPlan> plans = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            plans.add(new UnitPlan(REGION, "Primärvårdsförvaltningen", "Hälsocentralen", UnitType.PRIMARY_CARE));
        }
        plans.add(new UnitPlan(PRIVATE_A, "Privata vårdgivare", "Läkarhuset", UnitType.PRIMARY_CARE));
        plans.add(new UnitPlan(PRIVATE_B, "Privata vårdgivare", "Familjeläkarna", UnitType.PRIMARY_CARE));
        for (String clinic : List.of(
                "Ortopedmottagningen",
                "Kardiologmottagningen",
                "Ögonmottagningen",
                "Hudmottagningen",
                "Öron-näsa-halsmottagningen",
                "Kirurgmottagningen",
                "Urologmottagningen",
                "Gynekologmottagningen")) {
            plans.add(new UnitPlan(REGION, "Länssjukvården", clinic, UnitType.SPECIALIST_CARE));
        }
        for (String clinic : List.of(
                "Vuxenpsykiatrin",
                "Barn- och ungdomspsykiatrin",
                "Beroendemottagningen",
                "Ätstörningsenheten",
                "Psykiatriska öppenvården")) {
            plans.add(new UnitPlan(REGION, "Psykiatriförvaltningen", clinic, UnitType.PSYCHIATRY));
        }
        for (int i = 0; i < 7; i++) {
            plans.add(new UnitPlan(REGION, "Folktandvården", "Folktandvården", UnitType.DENTAL_CARE));
        }
        plans.add(new UnitPlan(PRIVATE_A, "Privata vårdgivare", "Tandläkarna", UnitType.DENTAL_CARE));
        for (int i = 0; i < 3; i++) {
            plans.add(new UnitPlan(REGION, "Primärvårdsförvaltningen", "Barnavårdscentralen", UnitType.CHILD_HEALTH));
            plans.add(new UnitPlan(REGION, "Primärvårdsförvaltningen", "Barnmorskemottagningen", UnitType.MATERNITY));
            plans.add(new UnitPlan(REGION, "Primärvårdsförvaltningen", "Ungdomsmottagningen", UnitType.YOUTH_CLINIC));
        }
        plans.add(new UnitPlan(REGION, "Länssjukvården", "Rehabiliteringsmottagningen", UnitType.REHABILITATION));
        plans.add(new UnitPlan(PRIVATE_B, "Privata vårdgivare", "Fysioterapeuterna", UnitType.REHABILITATION));
        plans.add(new UnitPlan(REGION, "Regionservice", "Hjälpmedelscentralen", UnitType.OTHER));
        return plans;
    }
}
