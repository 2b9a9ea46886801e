package org.govkiosk.platform.store;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * The departments of a joint case (联办件): the lead department (牵头部门, the catalog's {@code department}) and the
 * joint ones ({@code co-departments}), each of which gets its own step at intake.
 */
public record JointDepartments(String lead, List<String> joint) {

    public JointDepartments {
        Objects.requireNonNull(lead, "lead");
        joint = List.copyOf(joint);
        if (lead.isBlank() || lead.length() > 200 || joint.stream().anyMatch(d -> d.isBlank() || d.length() > 200)) {
            throw new IllegalArgumentException("a department is named in 1 to 200 characters");
        }
        HashSet<String> all = new HashSet<>(joint);
        all.add(lead);
        if (all.size() != joint.size() + 1) {
            throw new IllegalArgumentException("a joint case names each department once: " + lead + ", " + joint);
        }
    }
}
