package org.govkiosk.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void anH2DatabaseIsClosedByThePlatformNotByH2sShutdownHook() {
        assertThat(Database.closedByUs("jdbc:h2:file:./data/govkiosk-platform"))
                .isEqualTo("jdbc:h2:file:./data/govkiosk-platform;DB_CLOSE_ON_EXIT=FALSE");
    }

    @Test
    void anExplicitChoiceAndOtherDatabasesAreLeftAlone() {
        assertThat(Database.closedByUs("jdbc:h2:mem:x;db_close_on_exit=true")).isEqualTo("jdbc:h2:mem:x;db_close_on_exit=true");
        assertThat(Database.closedByUs("jdbc:postgresql://db/govkiosk")).isEqualTo("jdbc:postgresql://db/govkiosk");
    }
}
