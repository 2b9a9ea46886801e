package org.govkiosk.device.internal.driver.smartcard;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.smartcardio.CardException;
import javax.smartcardio.TerminalFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Getting a working PC/SC context from the JDK. Two JDK quirks live here:
 * <ul>
 *   <li>The JDK looks for {@code libpcsclite.so} (the -dev name); Debian ships only {@code .so.1}. Unless
 *       {@value #LIBRARY_PROPERTY} is set, the first existing known path is set before the first PC/SC use.</li>
 *   <li>The JDK establishes one PC/SC context per JVM, in a static field, and never again: after pcscd restarts
 *       every call fails with SCARD_E_NO_SERVICE, even through a new {@link TerminalFactory}. {@link #fresh}
 *       therefore clears that field (and the cache of terminals bound to it) before making a new factory, so
 *       the factory establishes a new context. The JDK module does not open the field, so this goes through
 *       {@code sun.misc.Unsafe} (module jdk.unsupported); where that fails the driver keeps retrying with a
 *       new factory and logs once that a restart of the application is needed.</li>
 * </ul>
 */
final class PcscContext {

    static final String LIBRARY_PROPERTY = "sun.security.smartcardio.library";
    private static final Logger LOG = LoggerFactory.getLogger(PcscContext.class);
    private static final List<String> LIBRARIES = List.of(
            "/usr/lib/x86_64-linux-gnu/libpcsclite.so.1", "/usr/lib/aarch64-linux-gnu/libpcsclite.so.1",
            "/usr/lib/arm-linux-gnueabihf/libpcsclite.so.1", "/usr/lib64/libpcsclite.so.1",
            "/usr/lib/libpcsclite.so.1");
    private static volatile boolean resetUnavailableLogged;

    private PcscContext() {
    }

    static synchronized void locateLibrary() {
        if (System.getProperty(LIBRARY_PROPERTY) != null) {
            return;
        }
        for (String candidate : List.of("/usr/lib/libpcsclite.so", "/usr/lib64/libpcsclite.so")) {
            if (Files.exists(Path.of(candidate))) {
                return; // the JDK's own lookup finds it
            }
        }
        LIBRARIES.stream().filter(p -> Files.exists(Path.of(p))).findFirst().ifPresent(p -> {
            LOG.info("PC/SC library: {}", p);
            System.setProperty(LIBRARY_PROPERTY, p);
        });
    }

    /**
     * A terminal factory with a new PC/SC context when {@code discardOld} (after a failure that may have been a
     * pcscd restart), else the JDK's current one. Throws when pcscd is not reachable.
     */
    static TerminalFactory factory(boolean discardOld) throws CardException {
        locateLibrary();
        if (discardOld) {
            discardJdkContext();
        }
        try {
            return TerminalFactory.getInstance("PC/SC", null);
        } catch (java.security.NoSuchAlgorithmException | RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new CardException("PC/SC unavailable: " + cause.getMessage(), e);
        }
    }

    @SuppressWarnings("removal")
    private static void discardJdkContext() {
        try {
            Class<?> terminals = Class.forName("sun.security.smartcardio.PCSCTerminals");
            Field unsafeField = Class.forName("sun.misc.Unsafe").getDeclaredField("theUnsafe");
            unsafeField.setAccessible(true);
            sun.misc.Unsafe unsafe = (sun.misc.Unsafe) unsafeField.get(null);
            Field context = terminals.getDeclaredField("contextId");
            Field cache = terminals.getDeclaredField("terminals");
            // PCSCTerminals guards both fields with its class lock (static synchronized methods).
            synchronized (terminals) {
                unsafe.putLongVolatile(unsafe.staticFieldBase(context), unsafe.staticFieldOffset(context), 0L);
                Object map = unsafe.getObjectVolatile(unsafe.staticFieldBase(cache), unsafe.staticFieldOffset(cache));
                if (map instanceof Map<?, ?> m) {
                    m.clear();
                }
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            if (!resetUnavailableLogged) {
                resetUnavailableLogged = true;
                LOG.warn("Cannot renew the JDK's PC/SC context ({}); after a pcscd restart smart card readers may"
                        + " need an application restart", e.toString());
            }
        }
    }
}
