package org.govkiosk.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govkiosk.app.config.ConfigDir.problemAt;

import java.nio.file.Path;
import java.util.List;
import org.govkiosk.api.CryptoSuite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** storage.crypto-suite: the default suite unless set, sm when asked, and a clear problem for anything else. */
class CryptoSuiteConfigTest {

    @TempDir
    Path dir;

    @Test
    void theDefaultIsEd25519Aes() {
        assertThat(new ConfigDir(dir).load().storage().cryptoSuite()).isEqualTo(CryptoSuite.ED25519_AES);
    }

    @Test
    void smIsRead() {
        TerminalConfig c = new ConfigDir(dir).terminal("platform:", "storage:\n  crypto-suite: sm\nplatform:").load();
        assertThat(c.storage().cryptoSuite()).isEqualTo(CryptoSuite.SM);
    }

    @Test
    void anUnknownSuiteIsAProblemNamingTheKeyAndTheChoices() {
        List<String> problems = new ConfigDir(dir)
                .terminal("platform:", "storage:\n  crypto-suite: sm9\nplatform:").problems();
        problemAt(problems, ConfigLoader.TERMINAL_FILE, "storage.crypto-suite", "ed25519-aes or sm", "sm9");
    }
}
