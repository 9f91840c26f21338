package io.github.xinfang.service;

import io.github.xinfang.cases.Actor;
import io.github.xinfang.cases.CaseActivity;
import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseState;
import io.github.xinfang.cases.Petition;
import io.github.xinfang.cases.ProcedureCommand;
import io.github.xinfang.cases.Resolution;
import io.github.xinfang.cases.ResolutionCommand;
import io.github.xinfang.directory.OfficialId;
import io.github.xinfang.directory.OrganisationDirectory;
import io.github.xinfang.directory.UnitId;
import io.github.xinfang.persistence.AccessScope;
import io.github.xinfang.petition.RegionCode;

import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** The shipped {@link AccessPolicy} implementations. */
final class AccessPolicies {
    private AccessPolicies() {}

    /** Every actor may do everything. */
    enum Unrestricted implements AccessPolicy {
        INSTANCE;

        @Override
        public boolean mayRead(Actor actor, CaseState state) {
            return true;
        }

        @Override
        public boolean mayIssue(Actor actor, CaseCommand command, CaseState state) {
            return true;
        }

        @Override
        public AccessScope scope(Actor actor) {
            Objects.requireNonNull(actor, "actor");
            return AccessScope.everything();
        }
    }

    /** The standard rules. */
    static final class Standard implements AccessPolicy {
        private final OrganisationDirectory directory;
        private final Set<String> officeKinds;

        Standard(OrganisationDirectory directory, Set<String> officeKinds) {
            this.directory = directory;
            this.officeKinds = officeKinds;
        }

        @Override
        public boolean mayRead(Actor actor, CaseState state) {
            Objects.requireNonNull(state, "state");
            if (!(Objects.requireNonNull(actor, "actor") instanceof Actor.OfficialActor a)) return true;
            if (accused(a, state.petition())) return false;
            return officeOver(a.unit(), state.petition().region()) || involved(a, state);
        }

        @Override
        public boolean mayIssue(Actor actor, CaseCommand command, CaseState state) {
            Objects.requireNonNull(command, "command");
            if (!(Objects.requireNonNull(actor, "actor") instanceof Actor.OfficialActor a)) return true;
            if (state == null) {
                // No case: a command that would create one is checked against the petition's region; any other is
                // answered by the lifecycle (CASE_NOT_FOUND), exactly as for a case the actor may not read.
                Optional<RegionCode> region = regionOfANewCase(command);
                return region.isEmpty() || officeOver(a.unit(), region.get()) || unitOver(a.unit(), region.get());
            }
            if (!mayRead(actor, state)) return false;
            if (officeOnly(command)) return officeOver(a.unit(), state.petition().region());
            return true;
        }

        @Override
        public AccessScope scope(Actor actor) {
            if (!(Objects.requireNonNull(actor, "actor") instanceof Actor.OfficialActor a)) return AccessScope.everything();
            Set<String> excludedUnits = new HashSet<>();
            excludedUnits.add(a.unit().value());
            unitOf(a.official()).ifPresent(u -> excludedUnits.add(u.value()));
            Set<String> prefixes = directory.unit(a.unit()).filter(u -> officeKinds.contains(u.kind()))
                    .map(u -> Set.of(prefixOf(u.region()))).orElse(Set.of());
            return new AccessScope(prefixes, Set.of(a.unit().value()), Set.of(a.official().value()), excludedUnits,
                    Set.of(a.official().value()));
        }

        /** The digits every code within a region starts with, as {@link RegionCode#isWithin} reads them. */
        private static String prefixOf(RegionCode region) {
            String p = region.value();
            int len = 6;
            while (len > 2 && p.startsWith("00", len - 2)) len -= 2;
            return p.substring(0, len);
        }

        private static boolean officeOnly(CaseCommand command) {
            return command instanceof ResolutionCommand.AssignPackageLeader || command instanceof ResolutionCommand.ReplacePackageLeader
                    || command instanceof ResolutionCommand.EnrolInBatch;
        }

        private static Optional<RegionCode> regionOfANewCase(CaseCommand command) {
            String code = null;
            if (command instanceof ProcedureCommand.Register r && r.petition() != null) code = r.petition().regionCode();
            if (command instanceof ProcedureCommand.Import i && i.petition() != null) code = i.petition().regionCode();
            try {
                return code == null ? Optional.empty() : Optional.of(new RegionCode(code));
            } catch (IllegalArgumentException e) {
                return Optional.empty();   // an invalid form: the input rules answer it (VALIDATION) before the policy
            }
        }

        private boolean officeOver(UnitId unit, RegionCode region) {
            return directory.unit(unit).map(u -> officeKinds.contains(u.kind()) && region.isWithin(u.region())).orElse(false);
        }

        private boolean unitOver(UnitId unit, RegionCode region) {
            return directory.unit(unit).map(u -> region.isWithin(u.region())).orElse(false);
        }

        /** The unit or the official is involved in handling the case. */
        private boolean involved(Actor.OfficialActor a, CaseState s) {
            UnitId unit = a.unit();
            if (unit.equals(s.handlingUnit())) return true;
            Resolution r = s.resolution();
            if (r != null && r.activeAssignment().isPresent()) {
                Resolution.Assignment as = r.activeAssignment().get();
                if (as.leadUnit().equals(unit) || as.coUnits().contains(unit)) return true;
                if (as.leader().equals(a.official()) || as.taskForce().contains(a.official())) return true;
                if (unitOf(as.leader()).map(unit::equals).orElse(false)) return true;
                for (OfficialId member : as.taskForce()) {
                    if (unitOf(member).map(unit::equals).orElse(false)) return true;
                }
            }
            for (CaseActivity.Supervision sup : s.activity().supervisions()) {
                if (sup.addressee().equals(unit)) return true;
            }
            return false;
        }

        private Optional<UnitId> unitOf(OfficialId official) {
            return directory.official(official).map(OrganisationDirectory.Official::unit);
        }

        /** An accused official, or one of (or acting for) an accused unit or an accused official's unit. */
        private boolean accused(Actor.OfficialActor a, Petition petition) {
            if (petition.accused().isEmpty()) return false;
            Set<UnitId> units = new HashSet<>();
            for (Petition.AccusedParty p : petition.accused()) {
                if (p instanceof Petition.AccusedParty.AccusedOfficial o) {
                    if (o.official().equals(a.official())) return true;
                    unitOf(o.official()).ifPresent(units::add);
                }
                if (p instanceof Petition.AccusedParty.AccusedUnit u) units.add(u.unit());
            }
            return units.contains(a.unit()) || unitOf(a.official()).map(units::contains).orElse(false);
        }

        @Override
        public String toString() {
            return "AccessPolicy.standard" + officeKinds;
        }
    }
}
