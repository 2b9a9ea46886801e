package org.govkiosk.testkit;

import java.util.Random;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * The seed of a test's random choices: new for every test, named when the test fails, and given back by
 * {@code -Dgovkiosk.test.seed=N} to replay a failure. Every random a test draws from comes from here, never from
 * {@code new Random()}, {@code Math.random()} or {@code ThreadLocalRandom}.
 *
 * <pre>{@code @RegisterExtension
 * static final TestSeed SEED = new TestSeed();
 * ... Random random = SEED.random();}</pre>
 */
public final class TestSeed implements BeforeEachCallback, TestExecutionExceptionHandler {

    public static final String PROPERTY = "govkiosk.test.seed";

    private volatile long seed = fresh();

    private static long fresh() {
        String given = System.getProperty(PROPERTY);
        if (given != null && !given.isBlank()) {
            return Long.parseLong(given.strip());
        }
        return new Random().nextLong(); // the one unseeded random: it only picks the seed, which is then told
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        seed = fresh();
    }

    /** This test's seed. */
    public long value() {
        return seed;
    }

    /** A random generator on this test's seed (a new one each call, each starting from the seed). */
    public Random random() {
        return new Random(seed);
    }

    /** How to replay this test, for an assertion's description. */
    public String replay() {
        return "seed " + seed + " (replay: -D" + PROPERTY + "=" + seed + ")";
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        String line = context.getDisplayName() + " failed with random " + replay();
        System.err.println(line);
        failure.addSuppressed(new SeedNote(line));
        throw failure;
    }

    /** Carries the seed in the failure's report; no stack of its own. */
    private static final class SeedNote extends RuntimeException {
        SeedNote(String message) {
            super(message, null, false, false);
        }
    }
}
