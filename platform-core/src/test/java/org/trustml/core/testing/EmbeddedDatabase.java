package org.trustml.core.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PostgreSQL server (zonky's embedded binaries) shared by every test in a JVM, with a fresh database per
 * caller, so tests are isolated without paying the server's start-up each time.
 */
public final class EmbeddedDatabase {

  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static EmbeddedPostgres server;

  private EmbeddedDatabase() {}

  private static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        long t0 = System.nanoTime();
        server = EmbeddedPostgres.builder()
            .setServerConfig("max_connections", "300")
            .setServerConfig("fsync", "off")
            .setServerConfig("synchronous_commit", "off")
            .start();
        System.err.printf("embedded PostgreSQL on port %d started in %d ms%n", server.getPort(),
            (System.nanoTime() - t0) / 1_000_000);
        EmbeddedPostgres started = server;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            started.close();
          } catch (IOException ignored) {
            // the JVM is ending anyway
          }
        }));
      } catch (IOException e) {
        throw new UncheckedIOException("could not start embedded PostgreSQL", e);
      }
    }
    return server;
  }

  /** Creates an empty database and returns its JDBC URL (user {@code postgres}, no password). */
  public static String newDatabase() {
    EmbeddedPostgres pg = server();
    String name = "t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create database " + name, e);
    }
    return "jdbc:postgresql://localhost:" + pg.getPort() + "/" + name;
  }

  public static String user() {
    return "postgres";
  }

  public static String password() {
    return "postgres";
  }

  /** A pooled data source on a database, optionally with a default schema. */
  public static DataSource dataSource(String jdbcUrl, String schema) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(jdbcUrl);
    ds.setUser(user());
    ds.setPassword(password());
    if (schema != null) {
      ds.setCurrentSchema(schema);
    }
    // a connection per statement would run out of ephemeral ports under a busy queue
    HikariConfig pool = new HikariConfig();
    pool.setDataSource(ds);
    pool.setMaximumPoolSize(16);
    pool.setMinimumIdle(0);
    return new HikariDataSource(pool);
  }
}
