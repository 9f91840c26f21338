package io.github.xinfang.spring.boot;

import io.github.xinfang.cases.Actor;
import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.service.CommandResult;
import io.github.xinfang.cases.PetitionForm.FormText;
import io.github.xinfang.cases.IdempotencyKey;
import io.github.xinfang.cases.PetitionForm;
import io.github.xinfang.cases.ProcedureCommand;
import io.github.xinfang.cases.Rejection;
import io.github.xinfang.cases.Stage;
import io.github.xinfang.directory.OrganisationDirectory;
import io.github.xinfang.directory.UnitId;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.petition.Address;
import io.github.xinfang.petition.Category;
import io.github.xinfang.petition.Channel;
import io.github.xinfang.petition.FreeText;
import io.github.xinfang.petition.IdNumber;
import io.github.xinfang.petition.PersonName;
import io.github.xinfang.petition.PhoneNumber;
import io.github.xinfang.service.CaseHistory;
import io.github.xinfang.service.CaseService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * JSON through the application's own mapper, on each Boot line (Jackson 2 on 3.5, Jackson 3 on 4.0): every public
 * type of core and the storage SPI, built with generated personal data, is written without any of it in clear; the
 * per-call writer writes it in clear; every command reads back; bad input is refused without being echoed.
 */
class XinfangJsonTests {
    private final XinfangAutoConfigurationTests.MovableClock clock = new XinfangAutoConfigurationTests.MovableClock();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(BootLine.JACKSON, XinfangJsonAutoConfiguration.class, XinfangAutoConfiguration.class))
            .withBean(OrganisationDirectory.class, () -> XinfangAutoConfigurationTests.DIRECTORY)
            .withBean(InstantSource.class, () -> clock)
            .withPropertyValues("xinfang.sweep.enabled=false");

    /**
     * String components that are not personal data: codes, ids and names of the organisation, texts the library
     * writes itself. Every other String component of a public record is filled with generated personal data, so a
     * new component that carries it is found unmasked here until it is masked (or listed, with a reason).
     */
    private static final Map<String, Set<String>> NOT_PERSONAL = Map.ofEntries(
            // subject tags name a place, an employer or a project, never a person (Petition#subjectTags)
            Map.entry("PetitionForm", Set.of("subjectArea", "regionCode", "subjectTags")),
            Map.entry("Petition", Set.of("subjectArea", "subjectTags")),
            Map.entry("CorrectSubjectTags", Set.of("subjectTags")), Map.entry("SubjectTagsCorrected", Set.of("subjectTags")),
            Map.entry("Warning", Set.of("tag", "regionPrefix")), Map.entry("Policy", Set.of("offices")),
            Map.entry("StoredWarning", Set.of("id", "cluster", "regionPrefix", "payload")),   // a Warning's JSON: tags, cases
            Map.entry("Resolution", Set.of("requiredRankRules")), Map.entry("RequiredRankRaised", Set.of("rules")),
            Map.entry("Register", Set.of("profile")), Map.entry("Import", Set.of("profile")),
            Map.entry("ChangeProfile", Set.of("profile")), Map.entry("Registered", Set.of("profile")),
            Map.entry("Imported", Set.of("profile")), Map.entry("ProfileChanged", Set.of("profile")),
            Map.entry("TransferOut", Set.of("organ")), Map.entry("TransferredOut", Set.of("organ")),
            Map.entry("EnrolInBatch", Set.of("batchName")), Map.entry("BatchEnrolled", Set.of("batchName")),
            Map.entry("Batch", Set.of("name")),
            Map.entry("SystemActor", Set.of("job")), Map.entry("DutyId", Set.of("ref")),
            Map.entry("RequiredRank", Set.of("rank")),
            Map.entry("Unit", Set.of("name", "kind", "level")), Map.entry("Official", Set.of("post", "rank")),
            Map.entry("Profile", Set.of("id", "name")),
            Map.entry("Rule", Set.of("name")),
            Map.entry("Bounds", Set.of("tooFew", "tooFewChinese", "tooMany", "tooManyChinese")),
            Map.entry("Finding", Set.of("caseId", "eventType", "field", "problem")),
            Map.entry("Page", Set.of("next")), Map.entry("LateClock", Set.of("clock")), Map.entry("ClockDue", Set.of("clock")),
            Map.entry("Report", Set.of("operationId")), Map.entry("Position", Set.of("caseId")),
            Map.entry("Outcome", Set.of("commandType")), Map.entry("Ratio", Set.of("unit")),
            Map.entry("AppliedCommand", Set.of("caseId", "idempotencyKey", "commandDigest")),
            Map.entry("LeaderWorkload", Set.of("leader")), Map.entry("Entry", Set.of("id")),
            Map.entry("CaseCommit", Set.of("caseId", "links")), Map.entry("Claim", Set.of("caseId", "owner")),
            Map.entry("HandlingUnit", Set.of("unit")), Map.entry("RegionPrefix", Set.of("prefix")),
            Map.entry("ActiveLeader", Set.of("leader")),
            Map.entry("StoredEvent", Set.of("caseId", "type", "idempotencyKey")),
            Map.entry("StoredSnapshot", Set.of("caseId")), Map.entry("StoredCase", Set.of("caseId", "chainHead")),
            // the event chain and the access audit: digests, algorithm names, ids and actors as ids
            Map.entry("ChainedEvent", Set.of("idempotencyKey", "link")),
            Map.entry("ChainCheckpoint", Set.of("chainAlgorithm", "signatureAlgorithm", "signature")),
            Map.entry("AuditCheckpoint", Set.of("chainAlgorithm", "signatureAlgorithm", "signature")),
            // the access scope: region prefixes, unit and official ids
            Map.entry("AccessScope", Set.of("regionPrefixes", "units", "officials", "excludedUnits", "excludedOfficials")),
            Map.entry("Head", Set.of("caseId", "link")), Map.entry("ChainBreak", Set.of("caseId")),
            Map.entry("AuditEntry", Set.of("actor", "caseId")), Map.entry("AuditRecord", Set.of("previous", "link")),
            Map.entry("Change", Set.of("caseId")),
            Map.entry("AttentionQuery", Set.of("afterCaseId", "regionPrefix", "unitInvolved", "handlingUnit",
                    "activeLeader", "leadUnit", "batch", "trackState", "stage")));

    @Test
    void everyPublicTypeWithPersonalDataIsWrittenMaskedAndInClearOnlyPerCall() throws Exception {
        List<Class<?>> types = publicRecords();
        assertThat(types).as("the walk finds the public records").hasSizeGreaterThan(100);
        runner.run(context -> {
            List<String> unbuilt = new ArrayList<>();
            List<String> leaks = new ArrayList<>();
            java.util.concurrent.atomic.AtomicInteger cases = new java.util.concurrent.atomic.AtomicInteger();
            int withPersonalData = 0;
            for (Class<?> type : types) {
                Samples samples = new Samples(new Random(type.getName().hashCode()));
                samples.caseHistory = s -> registered(context.getBean(CaseService.class), s, new CaseId("W-" + cases.incrementAndGet()));
                Object value = samples.build(type, null, null);
                if (value == null) {
                    // a record whose constructor checks its values against each other: it must hold no personal data
                    if (canCarryPersonalData(type, null, null, new java.util.HashSet<>())) {
                        unbuilt.add(type.getName() + ": " + samples.lastRefusal);
                    }
                    continue;
                }
                String masked = BootLine.write(context, value);
                for (String secret : samples.secrets) {
                    if (masked.contains(secret)) leaks.add(type.getName() + " " + masked);
                }
                if (!samples.secrets.isEmpty()) {
                    withPersonalData++;
                    String clear = BootLine.writeInClear(context, value);
                    assertThat(samples.secrets).as("%s written in clear per call", type.getName())
                            .anySatisfy(secret -> assertThat(clear).contains(secret));
                }
            }
            assertThat(leaks).as("personal data in clear, written by the application's mapper").isEmpty();
            assertThat(unbuilt).as("public records that may hold personal data and the walk could not build").isEmpty();
            assertThat(withPersonalData).as("records carrying personal data").isGreaterThan(40);
        });
    }

    /** A case registered with a sample's personal data (petitioner, accused outsider, summary) and routed. */
    private static CaseHistory registered(CaseService service, Samples samples, CaseId id) {
        Actor clerk = Actor.official(XinfangAutoConfigurationTests.CLERK, XinfangAutoConfigurationTests.OFFICE);
        PetitionForm form = new PetitionForm(XinfangAutoConfigurationTests.DAY, Channel.VISIT, Category.CLAIM, "城乡建设",
                "450802", true, null,
                List.of(new PetitionForm.Petitioner(samples.name(), samples.idNumber(), samples.phone(), samples.address())),
                null, List.of(PetitionForm.AccusedParty.outside(samples.name())), samples.text());
        assertThat(service.handle(new ProcedureCommand.Register(id, new IdempotencyKey("r"), clerk, form, null)))
                .isInstanceOf(CommandResult.Applied.class);
        return service.history(id).orElseThrow();
    }

    @Test
    void aCasesHistoryResultsObligationsAndChangesCarryNoPersonalDataInClear() throws Exception {
        runner.run(context -> {
            Samples samples = new Samples(new Random(7));
            CaseService service = context.getBean(CaseService.class);
            CaseId id = new CaseId("J-1");
            PetitionForm form = new PetitionForm(XinfangAutoConfigurationTests.DAY, Channel.VISIT, Category.CLAIM, "城乡建设",
                    "450802", true, null,
                    List.of(new PetitionForm.Petitioner(samples.name(), samples.idNumber(), samples.phone(), samples.address())),
                    null, List.of(PetitionForm.AccusedParty.outside(samples.name())), samples.text());
            Actor clerk = Actor.official(XinfangAutoConfigurationTests.CLERK, XinfangAutoConfigurationTests.OFFICE);
            List<Object> written = new ArrayList<>();
            written.add(form);
            written.add(service.handle(new ProcedureCommand.Register(id, new IdempotencyKey("k1"), clerk, form, null)));
            written.add(service.handle(new ProcedureCommand.Route(id, new IdempotencyKey("k2"), clerk,
                    XinfangAutoConfigurationTests.HOUSING, XinfangAutoConfigurationTests.DAY)));
            // a rejected correction: the form is refused field by field, without its values
            written.add(service.handle(new ProcedureCommand.CorrectPetition(id, new IdempotencyKey("k3"), clerk,
                    new PetitionForm(XinfangAutoConfigurationTests.DAY, Channel.VISIT, Category.CLAIM, "城乡建设", "450802", true, null,
                            List.of(new PetitionForm.Petitioner(samples.name(), "X" + samples.idNumber(), "0" + samples.phone(), null)),
                            null, null, samples.text()), new FormText(samples.text()))));
            written.add(service.history(id).orElseThrow());
            written.add(service.obligations(id, clock.instant()).orElseThrow());
            written.add(service.changesAfter(0, 10));
            assertThat(((CommandResult.Rejected) written.get(3)).rejection().code().name()).isEqualTo("VALIDATION");
            for (Object value : written) {
                String json = BootLine.write(context, value);
                for (String secret : samples.secrets) assertThat(json).doesNotContain(secret);
            }
            String history = BootLine.write(context, service.history(id).orElseThrow());
            assertThat(history).as("events carry their stored type name").contains("\"type\":\"case.registered\"")
                    .contains("\"type\":\"case.routed\"");
            String clear = BootLine.writeInClear(context, service.history(id).orElseThrow());
            assertThat(clear).contains(form.petitioners().get(0).name()).contains(form.petitioners().get(0).phone());
        });
    }

    @Test
    void everyCommandReadsBackFromItsJsonAndValueTypesAreStrings() throws Exception {
        List<Class<?>> commands = publicRecords().stream().filter(CaseCommand.class::isAssignableFrom).toList();
        assertThat(commands).as("command types").hasSizeGreaterThan(30);
        runner.run(context -> {
            for (Class<?> type : commands) {
                Object command = new Samples(new Random(type.getName().hashCode())).build(type, null, null);
                String json = BootLine.writeInClear(context, command);
                assertThat(json).startsWith("{\"type\":\"");
                assertThat(BootLine.read(context, json, CaseCommand.class)).as(type.getSimpleName()).isEqualTo(command);
                assertThat(BootLine.read(context, json, type)).as(type.getSimpleName()).isEqualTo(command);
            }
            assertThat(BootLine.read(context, "\"C-9\"", CaseId.class)).isEqualTo(new CaseId("C-9"));
            assertThat(BootLine.write(context, new UnitId("housing"))).isEqualTo("\"housing\"");
            assertThat(BootLine.write(context, Actor.official(XinfangAutoConfigurationTests.CLERK, XinfangAutoConfigurationTests.OFFICE)))
                    .isEqualTo("{\"kind\":\"official\",\"official\":\"clerk\",\"unit\":\"office\"}");
            assertThat(BootLine.read(context, "{\"kind\":\"official\",\"official\":\"clerk\",\"unit\":\"office\"}", Actor.class))
                    .isEqualTo(Actor.official(XinfangAutoConfigurationTests.CLERK, XinfangAutoConfigurationTests.OFFICE));
        });
    }

    /** An application's own row, holding one of xinfang's personal values. */
    public record PortalRow(String receipt, PersonName petitioner) {}

    @Test
    void anApplicationsOwnItemsInAPageAreWrittenByItsMapperWithXinfangsValuesStillMasked() {
        runner.run(context -> {
            var page = new io.github.xinfang.service.CaseListings.Page<>(List.of(new PortalRow("R-1", new PersonName("覃建国"))),
                    java.util.Optional.of("next-page"));
            String json = BootLine.write(context, page);
            assertThat(json).contains("\"receipt\":\"R-1\"").contains("\"petitioner\":\"覃**\"").contains("\"next\":\"next-page\"")
                    .doesNotContain("覃建国");
        });
    }

    @Test
    void aRequestMayLeaveOutWhatIsOptional() {
        runner.run(context -> {
            String json = "{\"type\":\"case.register\",\"caseId\":\"C-7\",\"key\":\"k-7\","
                    + "\"actor\":{\"kind\":\"official\",\"official\":\"clerk\",\"unit\":\"office\"},"
                    + "\"petition\":{\"receivedOn\":\"2026-03-02\",\"channel\":\"LETTER\",\"category\":\"CLAIM\","
                    + "\"subjectArea\":\"城乡建设\",\"regionCode\":\"450802\",\"firstPetition\":true,\"petitioners\":[{\"name\":\"覃某\"}],"
                    + "\"summary\":\"反映拖欠工资\"}}";
            CaseCommand read = BootLine.read(context, json, CaseCommand.class);
            assertThat(read).isEqualTo(new ProcedureCommand.Register(new CaseId("C-7"), new IdempotencyKey("k-7"),
                    Actor.official(XinfangAutoConfigurationTests.CLERK, XinfangAutoConfigurationTests.OFFICE),
                    new PetitionForm(XinfangAutoConfigurationTests.DAY, Channel.LETTER, Category.CLAIM, "城乡建设", "450802", true, null,
                            List.of(new PetitionForm.Petitioner("覃某", null, null, null)), null, null, "反映拖欠工资"), null));
            // a required value left out reads as null, and the service answers it like any invalid field
            CaseCommand partial = BootLine.read(context, "{\"type\":\"case.route\",\"caseId\":\"C-7\",\"key\":\"k-8\","
                    + "\"actor\":{\"kind\":\"official\",\"official\":\"clerk\",\"unit\":\"office\"}}", CaseCommand.class);
            CaseService service = context.getBean(CaseService.class);
            assertThat(service.handle(read)).isInstanceOf(CommandResult.Applied.class);
            assertThat(service.handle(partial)).isInstanceOfSatisfying(CommandResult.Rejected.class, r -> {
                assertThat(r.rejection().code().name()).isEqualTo("VALIDATION");
                assertThat(r.rejection().field()).isPresent();
            });
        });
    }

    @Test
    void badInputIsRefusedNamingThePathWithoutEchoingIt() {
        runner.run(context -> {
            assertThatThrownBy(() -> BootLine.read(context, "{\"type\":\"case.nope\"}", CaseCommand.class))
                    .isInstanceOf(BootLine.READ_FAILURE).hasMessageContaining("type");
            assertThatThrownBy(() -> BootLine.read(context, "{\"caseId\":\"C-1\"}", CaseCommand.class))
                    .isInstanceOf(BootLine.READ_FAILURE).hasMessageContaining("type: missing");
            String secret = "覃秘密13907751234";
            assertThatThrownBy(() -> BootLine.read(context, "{\"type\":\"case.route\",\"caseId\":\"C-1\",\"key\":\"k\","
                    + "\"actor\":{\"kind\":\"official\",\"official\":\"clerk\",\"unit\":\"office\"},\"unit\":\"u\",\"receivedOn\":\""
                    + secret + "\"}", CaseCommand.class))
                    .isInstanceOf(BootLine.READ_FAILURE).hasMessageContaining("receivedOn")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secret));
            assertThatThrownBy(() -> BootLine.read(context, "\"\"", CaseId.class)).isInstanceOf(BootLine.READ_FAILURE);
        });
    }

    /** Without the application's JSON mapper the module is not defined; an application's own module wins. */
    @Test
    void theModuleIsDefinedOnlyBesideAMapperAndBacksOff() {
        runner.run(context -> assertThat(context).hasSingleBean(XinfangJacksonModule.class));
        XinfangJacksonModule own = new XinfangJacksonModule();
        runner.withBean("ownModule", XinfangJacksonModule.class, () -> own)
                .run(context -> assertThat(context.getBean(XinfangJacksonModule.class)).isSameAs(own));
    }

    private static boolean notPersonal(Class<?> owner, String component) {
        return owner != null && NOT_PERSONAL.getOrDefault(owner.getSimpleName(), Set.of()).contains(component);
    }

    /**
     * @return whether values of a type can hold personal data: a personal value, or a String component not listed
     *     in {@link #NOT_PERSONAL}, anywhere inside it
     */
    static boolean canCarryPersonalData(Type type, Class<?> owner, String component, Set<Class<?>> seen) {
        if (type instanceof ParameterizedType p) {
            for (Type argument : p.getActualTypeArguments()) {
                if (canCarryPersonalData(argument, owner, component, seen)) return true;
            }
            return canCarryPersonalData(p.getRawType(), owner, component, seen);
        }
        if (!(type instanceof Class<?> c)) return true;
        if (c == String.class) return !notPersonal(owner, component);
        if (Set.of(PersonName.class, PhoneNumber.class, IdNumber.class, Address.class, FreeText.class, FormText.class).contains(c)) return true;
        if (!c.getName().startsWith("io.github.xinfang.") || !seen.add(c)) return false;
        if (c.isSealed()) {
            for (Class<?> variant : c.getPermittedSubclasses()) {
                if (canCarryPersonalData(variant, owner, component, seen)) return true;
            }
        }
        if (c.isRecord()) {
            if (c.getRecordComponents().length == 1 && c.getRecordComponents()[0].getType() == String.class) return false;
            for (RecordComponent rc : c.getRecordComponents()) {
                if (canCarryPersonalData(rc.getGenericType(), c, rc.getName(), seen)) return true;
            }
        }
        return c.isInterface() && !c.isSealed();
    }

    /** Every public record of core and the storage SPI (nested ones included), outside internal packages. */
    static List<Class<?>> publicRecords() throws IOException, URISyntaxException {
        SortedSet<String> names = new TreeSet<>();
        for (Class<?> anchor : List.of(CaseId.class, IndexRow.class)) {
            Path source = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(source)) {
                try (Stream<Path> files = Files.walk(source)) {
                    files.map(f -> source.relativize(f).toString().replace('\\', '/')).forEach(names::add);
                }
            } else {
                try (JarFile jar = new JarFile(source.toFile())) {
                    jar.stream().map(e -> e.getName()).forEach(names::add);
                }
            }
        }
        List<Class<?>> records = new ArrayList<>();
        for (String file : names) {
            if (!file.startsWith("io/github/xinfang/") || !file.endsWith(".class") || file.contains("/internal/")
                    || file.endsWith("package-info.class") || file.endsWith("module-info.class")) {
                continue;
            }
            Class<?> type;
            try {
                type = Class.forName(file.substring(0, file.length() - 6).replace('/', '.'), false,
                        XinfangJsonTests.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(file, e);
            }
            if (type.isRecord() && isPublic(type)) records.add(type);
        }
        return records;
    }

    private static boolean isPublic(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (!Modifier.isPublic(c.getModifiers())) return false;
        }
        return true;
    }

    /**
     * Builds a sample of a type through its public constructors: generated personal data in every personal value
     * and every String component not listed in {@link #NOT_PERSONAL}, plain codes elsewhere. Remembers the personal
     * data it generated ({@link #secrets}).
     */
    static final class Samples {
        private static final String WORDS = "拖欠工资房屋征收补偿安置宅基地纠纷社保待遇医疗费用物业维修基金";
        final List<String> secrets = new ArrayList<>();
        /** Makes a real case's history with this sample's personal data (the state has no public constructor). */
        java.util.function.Function<Samples, CaseHistory> caseHistory;
        /** Why the last constructor refused the generated values, for the failure message. */
        String lastRefusal;
        private final Random random;

        Samples(Random random) {
            this.random = random;
            this.draws = io.github.xinfang.testing.Choices.from(random::nextInt);
        }

        private String remember(String secret) {
            secrets.add(secret);
            return secret;
        }

        /** The module's own generators, their draws taken from this sample's seeded random. */
        private final io.github.xinfang.testing.Choices draws;

        String name() {
            return remember(io.github.xinfang.testing.Petitions.personNames().generate(draws));
        }

        String phone() {
            return remember(io.github.xinfang.testing.Petitions.phones().generate(draws));
        }

        String idNumber() {
            return remember(io.github.xinfang.testing.Petitions.idNumbers().generate(draws));
        }

        String address() {
            return remember(io.github.xinfang.testing.Petitions.addresses().generate(draws));
        }

        String text() {
            StringBuilder sb = new StringBuilder("反映");
            for (int i = 0; i < 12; i++) sb.append(WORDS.charAt(random.nextInt(WORDS.length())));
            return remember(sb.toString());
        }

        /** @return a sample, or null when no public constructor accepts the generated values */
        Object build(Type type, Class<?> owner, String component) {
            Class<?> raw = raw(type);
            if (raw == String.class) {
                return notPersonal(owner, component) ? "x-" + component : text();
            }
            if (raw == PersonName.class) return new PersonName(name());
            if (raw == PhoneNumber.class) return new PhoneNumber(phone());
            if (raw == IdNumber.class) return new IdNumber(idNumber());
            if (raw == Address.class) return new Address(address());
            if (raw == FreeText.class) return new FreeText(text());
            if (raw == FormText.class) return new FormText(text());
            if (raw == int.class || raw == Integer.class) return 1;
            if (raw == long.class || raw == Long.class) return 1L;
            if (raw == boolean.class || raw == Boolean.class) return Boolean.FALSE;
            if (raw == double.class || raw == Double.class) return 0.5;
            if (raw == LocalDate.class) return XinfangAutoConfigurationTests.DAY;
            if (raw == Instant.class) return Instant.parse("2026-03-02T02:00:00Z");
            if (raw == Duration.class) return Duration.ofDays(1);
            if (raw.isEnum()) return raw.getEnumConstants()[0];
            if (raw == Optional.class) return Optional.ofNullable(build(argument(type), owner, component));
            if (raw == List.class || raw == Collection.class || raw == Set.class) {
                Object item = build(argument(type), owner, component);
                if (item == null) return null;
                return raw == Set.class ? Set.of(item) : List.of(item);
            }
            if (raw == Map.class) return Map.of();
            if (raw.isSealed()) {
                for (Class<?> variant : raw.getPermittedSubclasses()) {
                    Object sample = build(variant, owner, component);
                    if (sample != null) return sample;
                }
                return null;
            }
            if (raw == io.github.xinfang.persistence.CaseCommit.class) {
                return new io.github.xinfang.persistence.CaseCommit("x-caseId", 0,
                        List.of(new io.github.xinfang.persistence.StoredEvent("x-caseId", 1, "case.registered", 1, text(), Instant.EPOCH)),
                        new io.github.xinfang.persistence.StoredSnapshot("x-caseId", 1, 1, text()),
                        IndexRow.builder("x-caseId").version(1).stage("REGISTERED").regionCode("450802").build(), "k", "d");
            }
            if ((raw == CaseHistory.class || raw == io.github.xinfang.cases.CaseState.class) && caseHistory != null) {
                CaseHistory history = caseHistory.apply(this);
                return raw == CaseHistory.class ? history : history.state();
            }
            if (raw == io.github.xinfang.persistence.AppliedCommand.class) {
                return new io.github.xinfang.persistence.AppliedCommand("x-caseId", "k", "d", 1, 2,
                        List.of((io.github.xinfang.persistence.StoredEvent) build(io.github.xinfang.persistence.StoredEvent.class, null, null)));
            }
            if (raw.isRecord()) return record(raw);
            if (raw == Rejection.class) return Rejection.invalid("petition.summary", "too long", "过长", Stage.values()[0]);
            if (raw == IndexRow.class) return IndexRow.builder("x-caseId").version(1).stage("ROUTED").regionCode("450802").build();
            return null;
        }

        private Object record(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            if (components.length == 1 && components[0].getType() == String.class) {
                for (String candidate : List.of("450802", "C-1", "k-1", "A1", "CASE_NOT_FOUND:1")) {
                    Object sample = construct(type, new Object[] {candidate});
                    if (sample != null) return sample;
                }
                return null;
            }
            Object[] args = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                args[i] = build(components[i].getGenericType(), type, components[i].getName());
            }
            Object sample = construct(type, args);
            if (sample != null) return sample;
            String refusal = lastRefusal;
            // a constructor that checks its values against each other: fill what may be missing with null
            for (int i = 0; i < components.length; i++) {
                if (components[i].getType().isPrimitive()) continue;
                Object[] fewer = args.clone();
                fewer[i] = null;
                sample = construct(type, fewer);
                if (sample != null) return sample;
            }
            lastRefusal = refusal;
            return null;
        }

        private Object construct(Class<?> type, Object[] args) {
            Class<?>[] parameters = java.util.Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new);
            try {
                Constructor<?> constructor = type.getDeclaredConstructor(parameters);
                if (!Modifier.isPublic(constructor.getModifiers())) return null;
                return constructor.newInstance(args);
            } catch (java.lang.reflect.InvocationTargetException e) {
                lastRefusal = type.getSimpleName() + " " + e.getCause();
                return null;
            } catch (ReflectiveOperationException | RuntimeException e) {
                lastRefusal = type.getSimpleName() + " " + e;
                return null;
            }
        }

        private static Class<?> raw(Type type) {
            if (type instanceof Class<?> c) return c;
            if (type instanceof ParameterizedType p) return (Class<?>) p.getRawType();
            if (type instanceof WildcardType w) return raw(w.getUpperBounds()[0]);
            if (type instanceof java.lang.reflect.TypeVariable<?>) return IndexRow.class;
            return Object.class;
        }

        private static Type argument(Type type) {
            return type instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : String.class;
        }
    }
}
