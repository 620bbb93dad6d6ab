package org.trustml.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** PostgreSQL from zonky's embedded binaries, its data kept in {@code var/postgres} across restarts. */
final class LocalDatabase implements AutoCloseable {

  static final String DATABASE = "trustml";

  private final EmbeddedPostgres pg;

  private LocalDatabase(EmbeddedPostgres pg) {
    this.pg = pg;
  }

  static LocalDatabase start(Path dataDir, int port) throws IOException, SQLException {
    Files.createDirectories(dataDir);
    EmbeddedPostgres pg = EmbeddedPostgres.builder()
        .setDataDirectory(dataDir)
        .setCleanDataDirectory(false)
        .setPort(port)
        .setServerConfig("max_connections", "200")
        .start();
    try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
        if (!rs.next()) {
          s.execute("CREATE DATABASE " + DATABASE);
        }
      }
    }
    return new LocalDatabase(pg);
  }

  String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + pg.getPort() + "/" + DATABASE;
  }

  @Override
  public void close() throws IOException {
    pg.close();
  }
}
