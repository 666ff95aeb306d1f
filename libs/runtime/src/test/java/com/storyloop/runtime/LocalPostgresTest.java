package com.storyloop.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Both ways the platform gets a real PostgreSQL without Docker, and the data surviving a restart. */
class LocalPostgresTest {

    @TempDir
    Path folder;

    Path data() throws Exception {
        folder.toFile().setExecutable(true, false); // the postgres user must traverse it when tests run as root
        Path data = folder.resolve("pg");
        Files.createDirectories(data);
        return data;
    }

    @Test
    void embeddedBinariesFromMavenRunARealServerWhoseDataSurvivesARestart() throws Exception {
        assertDataSurvivesRestart(LocalPostgres.Binaries.EMBEDDED);
    }

    @Test
    void systemBinariesRunARealServerWhoseDataSurvivesARestart() throws Exception {
        if (LocalPostgres.systemBinaries().isEmpty()) {
            // a machine without PostgreSQL installed is the case the embedded binaries cover (test above)
            assertThatThrownBy(() -> LocalPostgres.start(new LocalPostgres.Settings(data(), Ports.free(), false), folder.resolve("pg.log"), false,
                    LocalPostgres.Binaries.SYSTEM)).isInstanceOf(RuntimeException.class);
            return;
        }
        assertDataSurvivesRestart(LocalPostgres.Binaries.SYSTEM);
    }

    private void assertDataSurvivesRestart(LocalPostgres.Binaries binaries) throws Exception {
        Path data = data();
        LocalPostgres.Settings settings = new LocalPostgres.Settings(data, Ports.free(), false);
        try (LocalPostgres postgres = LocalPostgres.start(settings, folder.resolve("pg.log"), false, binaries)) {
            assertThat(postgres.binaries()).isEqualTo(binaries);
            postgres.ensureDatabase("storyloop");
            postgres.ensureDatabase("storyloop"); // harmless twice
            try (Connection c = postgres.connect("storyloop")) {
                c.createStatement().execute("create table kept (note text); insert into kept values ('still here')");
            }
        }
        assertThat(Ports.inUse(settings.port())).isFalse();
        try (LocalPostgres restarted = LocalPostgres.start(settings, folder.resolve("pg.log"), false, binaries);
             Connection c = restarted.connect("storyloop");
             ResultSet rs = c.createStatement().executeQuery("select note from kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("still here");
        }
    }

    @Test
    void aTakenPortIsAClearError() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> LocalPostgres.start(new LocalPostgres.Settings(data(), taken.getLocalPort(), false), folder.resolve("pg.log"), false))
                    .hasMessageContaining("port " + taken.getLocalPort() + " is already in use");
        }
    }
}
