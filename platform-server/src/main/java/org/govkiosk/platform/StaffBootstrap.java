package org.govkiosk.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.govkiosk.platform.staff.PasswordHash;
import org.govkiosk.platform.staff.PasswordRules;
import org.govkiosk.platform.staff.Role;
import org.govkiosk.platform.staff.StaffMember;
import org.govkiosk.platform.store.Database;
import org.govkiosk.platform.store.StaffAccounts;

/**
 * The first hall administrator, made from the command line before anyone can sign in:
 * {@code java -jar govkiosk-platform.jar add-staff --login=wangfang --name=王芳 --role=hall-admin --halls=H001
 * [--config=platform.yaml ...]}. The password comes from the environment ({@value #PASSWORD_ENV}) or the first line
 * of standard input, never from the command line (which every user of the machine can read in the process list).
 * The same platform options as {@code serve} say which database. Any role can be made this way; afterwards hall
 * administrators make the others through {@code /api/v1/staff/accounts}.
 */
public final class StaffBootstrap {

    public static final String COMMAND = "add-staff";
    public static final String PASSWORD_ENV = "GOVKIOSK_STAFF_PASSWORD";
    static final String USAGE = """
            usage: govkiosk-platform add-staff --login=NAME --name=PERSON --role=ROLE --halls=HALL[,HALL...]
                   [platform options: --config=FILE, --db-url=..., as for serving]
              ROLE: hall-admin, clerk, supervisor, technician
              The password is read from GOVKIOSK_STAFF_PASSWORD, else from the first line of standard input
              (at least 12 characters); never give it on the command line.""";
    private static final Pattern LOGIN = Pattern.compile("[a-z0-9][a-z0-9._-]{1,31}");
    private static final Pattern HALL = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private StaffBootstrap() {
    }

    /** Makes an account; checks login, name, halls and the password rules first. */
    public static StaffMember add(Database db, String login, String name, Role role, Set<String> halls,
            char[] password, Instant now) {
        if (login == null || !LOGIN.matcher(login).matches()) {
            throw new IllegalArgumentException("--login must be 2 to 32 of a-z, 0-9, '.', '_', '-'");
        }
        if (name == null || name.isBlank() || name.strip().length() > 64) {
            throw new IllegalArgumentException("--name must be 1 to 64 characters");
        }
        if (halls.isEmpty() || halls.stream().anyMatch(h -> !HALL.matcher(h).matches())) {
            throw new IllegalArgumentException("--halls must name one or more hall codes (A-Z, a-z, 0-9, . _ -)");
        }
        PasswordRules.problem(login, password).ifPresent(p -> {
            throw new IllegalArgumentException("password: " + p);
        });
        StaffMember m = StaffMember.person(login, name.strip(), role, halls);
        new StaffAccounts(db).create(m, PasswordHash.hash(password), now);
        return m;
    }

    /** {@code add-staff ARGS}: exit status 0 made, 64 bad usage, 65 refused (login taken), 78 bad configuration. */
    static int run(String[] args, Map<String, String> env, InputStream stdin, PrintStream out, PrintStream err) {
        String login = null;
        String name = null;
        String roleText = null;
        String hallsText = null;
        List<String> platformArgs = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("--login=")) {
                login = a.substring(8);
            } else if (a.startsWith("--name=")) {
                name = a.substring(7);
            } else if (a.startsWith("--role=")) {
                roleText = a.substring(7);
            } else if (a.startsWith("--halls=")) {
                hallsText = a.substring(8);
            } else if (a.startsWith("--password")) {
                err.println("govkiosk-platform add-staff: the password is never given on the command line; set "
                        + PASSWORD_ENV + " or type it on standard input");
                return 64;
            } else {
                platformArgs.add(a);
            }
        }
        var role = Role.parse(roleText);
        if (login == null || name == null || role.isEmpty() || hallsText == null) {
            err.println(USAGE);
            return 64;
        }
        Set<String> halls = new TreeSet<>(Arrays.asList(hallsText.split(",")));
        halls.removeIf(String::isBlank);
        PlatformConfigLoader.Loaded loaded;
        try {
            loaded = PlatformConfigLoader.load(platformArgs.toArray(String[]::new), env);
        } catch (PlatformConfigLoader.HelpRequested h) {
            out.println(USAGE);
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("govkiosk-platform add-staff: " + e.getMessage());
            return 78;
        }
        var config = loaded.config();
        char[] password = password(env, stdin);
        try (Database db = Database.open(config.dbUrl(), config.dbUser().orElse(null),
                config.dbPassword().orElse(null))) {
            StaffMember m = add(db, login, name, role.get(), halls, password, Instant.now());
            out.println("staff account " + m.login() + " (" + m.role() + " of " + String.join(", ", m.halls())
                    + ") made; password hashed with Argon2id m=" + PasswordHash.MEMORY_KIB + " KiB, t="
                    + PasswordHash.PASSES + ", p=" + PasswordHash.LANES);
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("govkiosk-platform add-staff: " + e.getMessage());
            return 64;
        } catch (org.govkiosk.platform.store.StoreConflict e) {
            err.println("govkiosk-platform add-staff: " + e.getMessage());
            return 65;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static char[] password(Map<String, String> env, InputStream stdin) {
        String fromEnv = env.get(PASSWORD_ENV);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv.toCharArray();
        }
        try {
            String line = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
            return line == null ? new char[0] : line.toCharArray();
        } catch (IOException e) {
            return new char[0];
        }
    }
}
