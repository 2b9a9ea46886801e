package org.govkiosk.platform.staff;

import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Who is acting: a person signed in with their account, or the machine token of scripted integrations (which acts
 * in every hall, with every role, and is audited as {@link #MACHINE_LOGIN}).
 *
 * @param login   the account's name (what the audit and the records of who did what keep)
 * @param name    the person's name as the hall knows it
 * @param halls   the halls the account acts in (empty for the machine: it is not bound to halls)
 * @param machine true for the shared machine token
 */
public record StaffMember(String login, String name, Role role, SortedSet<String> halls, boolean machine) {

    public static final String MACHINE_LOGIN = "machine";

    public StaffMember {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        halls = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(halls));
    }

    /** The machine token's actor. */
    public static StaffMember machineToken() {
        return new StaffMember(MACHINE_LOGIN, "machine token", Role.HALL_ADMIN, new TreeSet<>(), true);
    }

    public static StaffMember person(String login, String name, Role role, Set<String> halls) {
        return new StaffMember(login, name, role, new TreeSet<>(halls), false);
    }

    /** Whether this actor may act in {@code hall} (the machine in every hall). */
    public boolean actsIn(String hall) {
        return machine || (hall != null && halls.contains(hall));
    }

    public boolean hasRole(Role... roles) {
        if (machine) {
            return true;
        }
        for (Role r : roles) {
            if (r == role) {
                return true;
            }
        }
        return false;
    }

    /** How records of who did what name this person: {@code 张三 (zhangsan)}, at most {@code max} characters. */
    public String signature(int max) {
        String s = name + " (" + login + ")";
        if (s.length() <= max) {
            return s;
        }
        return login.length() <= max ? login : login.substring(0, max);
    }
}
