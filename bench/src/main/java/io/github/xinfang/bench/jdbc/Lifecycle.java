package io.github.xinfang.bench.jdbc;

import static io.github.xinfang.bench.Lifecycles.HOUSING;
import static io.github.xinfang.bench.Lifecycles.OFFICE;
import static io.github.xinfang.bench.Lifecycles.REGION;

import io.github.xinfang.bench.Lifecycles;
import io.github.xinfang.cases.ProcedureCommand;
import io.github.xinfang.cases.Actor;
import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.IdempotencyKey;
import io.github.xinfang.cases.Procedure.Outcome;
import io.github.xinfang.cases.PetitionForm;
import io.github.xinfang.directory.OfficialId;
import io.github.xinfang.petition.Category;
import io.github.xinfang.petition.Channel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The commands of a claim's lifecycle, over the directory and clock of {@link Lifecycles}. Stateless. */
public final class Lifecycle {
    private Lifecycle() {}

    /** Commits in {@link #commands}. */
    public static final int STEPS = 7;

    private static final Actor CLERK = Actor.official(new OfficialId("office-clerk"), OFFICE);
    private static final Actor STAFF = Actor.official(new OfficialId("housing-staff"), HOUSING);
    private static final Actor HEAD = Actor.official(new OfficialId("housing-head"), HOUSING);

    private static PetitionForm claim() {
        return new PetitionForm(LocalDate.parse("2026-03-02"), Channel.VISIT, Category.CLAIM, "城乡建设", REGION.value(), true,
                null, List.of(new PetitionForm.Petitioner("覃建国", null, "13977512345", null)), null, null, "房屋征收补偿未到位。");
    }

    private static IdempotencyKey k(CaseId id, String step) {
        return new IdempotencyKey(id.value() + "/" + step);
    }

    /** Register → route → inform the petitioner → accept → propose → approve → serve the reply: 7 commits. */
    static List<CaseCommand> commands(CaseId id) {
        return List.of(
                new ProcedureCommand.Register(id, k(id, "register"), CLERK, claim(), null),
                new ProcedureCommand.Route(id, k(id, "route"), CLERK, HOUSING, LocalDate.parse("2026-03-04")),
                new ProcedureCommand.InformPetitioner(id, k(id, "inform"), STAFF, LocalDate.parse("2026-03-06")),
                new ProcedureCommand.Accept(id, k(id, "accept"), STAFF, LocalDate.parse("2026-03-06")),
                new ProcedureCommand.ProposeConclusion(id, k(id, "propose"), STAFF, Outcome.EXPLAINED, "依法解释说明。",
                        LocalDate.parse("2026-04-20")),
                new ProcedureCommand.ApproveConclusion(id, k(id, "approve"), HEAD, LocalDate.parse("2026-04-21")),
                new ProcedureCommand.ServeReply(id, k(id, "serve"), STAFF, LocalDate.parse("2026-04-22")));
    }

    /**
     * A longer history: the lifecycle with {@code reworks} rounds of propose → return for rework before the
     * approval (7 + 2 × reworks commits, one event each).
     */
    public static List<CaseCommand> withReworks(CaseId id, int reworks) {
        List<CaseCommand> base = commands(id);
        List<CaseCommand> out = new ArrayList<>(base.subList(0, 4));
        for (int r = 0; r < reworks; r++) {
            out.add(new ProcedureCommand.ProposeConclusion(id, k(id, "propose-" + r), STAFF, Outcome.EXPLAINED, "依法解释说明（第" + r + "稿）。",
                    LocalDate.parse("2026-04-20")));
            out.add(new ProcedureCommand.ReturnForRework(id, k(id, "rework-" + r), HEAD, "请补充说明依据。"));
        }
        out.addAll(base.subList(4, 7));
        return out;
    }
}
