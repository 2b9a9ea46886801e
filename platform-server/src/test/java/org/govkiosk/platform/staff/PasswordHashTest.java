package org.govkiosk.platform.staff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Staff password hashes: Argon2id with its parameters and salt in the PHC string, never the password. */
class PasswordHashTest {

    private static final String PASSWORD = "correct horse battery staple";

    @Test
    void theHashCarriesItsParametersAndASaltAndNotThePassword() {
        String a = PasswordHash.hash(PASSWORD.toCharArray());
        String b = PasswordHash.hash(PASSWORD.toCharArray());
        assertThat(a).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain(PASSWORD, "horse");
        assertThat(a.split("\\$")).hasSize(6);
        assertThat(java.util.Base64.getDecoder().decode(a.split("\\$")[4])).hasSize(16);
        assertThat(java.util.Base64.getDecoder().decode(a.split("\\$")[5])).hasSize(32);
        assertThat(a).as("a salt of its own per hash").isNotEqualTo(b);
        assertThat(PasswordHash.parameters(a)).isEqualTo("m=19456,t=2,p=1");
        assertThat(PasswordHash.outdated(a)).isFalse();
    }

    @Test
    void verifiesTheRightPasswordOnlyAndRejectsTamperedOrForeignHashes() {
        String h = PasswordHash.hash(PASSWORD.toCharArray());
        assertThat(PasswordHash.verify(PASSWORD.toCharArray(), h)).isTrue();
        assertThat(PasswordHash.verify("correct horse battery stapl".toCharArray(), h)).isFalse();
        assertThat(PasswordHash.verify(PASSWORD.toCharArray(), h.replace("t=2", "t=3"))).isFalse();
        assertThat(PasswordHash.verify(PASSWORD.toCharArray(), h.replace("m=19456", "m=99999999")))
                .as("a parameter past the bounds is refused, not computed").isFalse();
        assertThat(PasswordHash.verify(PASSWORD.toCharArray(), PASSWORD)).isFalse();
        assertThat(PasswordHash.verify(PASSWORD.toCharArray(), null)).isFalse();
        // A weaker hash of older parameters still verifies, and is marked for re-hashing.
        String weak = h.replace("m=19456", "m=4096");
        assertThat(PasswordHash.outdated(weak)).isTrue();
    }

    /** A figure, not a limit: what one sign-in's hash costs here (a guesser pays the same per guess). */
    @Test
    void printsTheCostOfOneHash() {
        PasswordHash.hash(PASSWORD.toCharArray()); // warm up
        int n = Integer.getInteger("govkiosk.bench.hashes", 5);
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            PasswordHash.hash(PASSWORD.toCharArray());
        }
        double ms = (System.nanoTime() - t0) / 1e6 / n;
        System.out.printf("Argon2id m=%d KiB t=%d p=%d: %.0f ms per hash (%d hashes; at most 2 at once)%n",
                PasswordHash.MEMORY_KIB, PasswordHash.PASSES, PasswordHash.LANES, ms, n);
        assertThat(ms).isPositive();
    }

    @Test
    void passwordRulesAskForLength() {
        assertThat(PasswordRules.problem("wang", "short".toCharArray())).isPresent();
        assertThat(PasswordRules.problem("wang", "aaaaaaaaaaaaaaaa".toCharArray())).isPresent();
        assertThat(PasswordRules.problem("wangfang1234", "WANGFANG1234".toCharArray())).isPresent();
        assertThat(PasswordRules.problem("wang", "x".repeat(129).toCharArray())).isPresent();
        assertThat(PasswordRules.problem("wang", "十二个汉字的一句话也是可以的密码".toCharArray())).isEmpty();
        assertThat(PasswordRules.problem("wang", PASSWORD.toCharArray())).isEmpty();
    }
}
