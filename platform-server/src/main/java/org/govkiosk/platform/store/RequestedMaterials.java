package org.govkiosk.platform.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.govkiosk.api.CaseState;
import org.govkiosk.api.CaseSubmission;
import org.govkiosk.api.CaseTransition;
import org.govkiosk.api.ErrorCodes;
import org.govkiosk.api.Material;

/**
 * A clerk's 补正 that names materials: turned into the filing a terminal's own 补正 gets at intake, so the case
 * waits for exactly those materials and a terminal can take them in ({@link SupplementStore}).
 */
final class RequestedMaterials {

    private RequestedMaterials() {
    }

    /**
     * The filing that moves the case to NEEDS_SUPPLEMENT waiting for the named materials, in the order of the
     * case's submission (the order the citizen saw them in), each with the name from that submission. The note
     * is the written request listing them all (一次性告知), then the clerk's own words, if any.
     *
     * @throws StoreConflict if a code is not one of the case's materials; nothing is written then
     */
    static Filing filing(Connection c, String caseNumber, CaseTransition t) throws SQLException {
        List<Material> ofCase = submission(c, caseNumber).materials();
        Set<String> known = new LinkedHashSet<>();
        ofCase.forEach(m -> known.add(m.code()));
        for (String code : t.materials()) {
            if (!known.contains(code)) {
                throw new StoreConflict(ErrorCodes.UNKNOWN_MATERIAL, "material " + code
                        + " is not one of the case's materials; its materials are " + known);
            }
        }
        Set<String> asked = Set.copyOf(t.materials());
        Set<String> taken = new LinkedHashSet<>();
        List<Material> missing = ofCase.stream()
                .filter(m -> asked.contains(m.code()) && taken.add(m.code()))
                .map(m -> new Material(m.code(), m.name(), Material.Status.MISSING, null, null))
                .toList();
        String note = Supplements.request(missing);
        if (t.note() != null && !t.note().isBlank()) {
            note = note + t.note().strip();
        }
        return new Filing(List.of(new Filing.Step(CaseState.NEEDS_SUPPLEMENT, note)), missing, Optional.empty());
    }

    private static CaseSubmission submission(Connection c, String caseNumber) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT submission FROM cases WHERE case_number = ?")) {
            ps.setString(1, caseNumber);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFoundException(ErrorCodes.NOT_FOUND, "no case with this number");
                }
                return CaseStore.storedSubmission(rs.getString(1), caseNumber);
            }
        }
    }
}
