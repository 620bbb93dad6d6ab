package org.trustml.gateway.auth;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** API keys in the gateway's schema, looked up by the sha256 of the presented key. */
@Repository
public class ApiKeyRepository {

  private final JdbcClient jdbc;

  ApiKeyRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(UUID id, String tenant, Role role, String keyHash, String prefix, String label, int rate) {
    jdbc.sql("""
        INSERT INTO api_key (id, tenant, role, key_hash, key_prefix, label, rate_per_minute)
        VALUES (:id, :tenant, :role, :hash, :prefix, :label, :rate)""")
        .param("id", id).param("tenant", tenant).param("role", role.name()).param("hash", keyHash)
        .param("prefix", prefix).param("label", label).param("rate", rate).update();
  }

  public Optional<ApiKey> findByHash(String keyHash) {
    return jdbc.sql("SELECT * FROM api_key WHERE key_hash = :hash").param("hash", keyHash)
        .query(ApiKeyRepository::row).optional();
  }

  public List<ApiKey> list() {
    return jdbc.sql("SELECT * FROM api_key ORDER BY created_at").query(ApiKeyRepository::row).list();
  }

  public boolean revoke(UUID id) {
    return jdbc.sql("UPDATE api_key SET revoked_at = now() WHERE id = :id AND revoked_at IS NULL")
        .param("id", id).update() == 1;
  }

  public long activeAdmins() {
    return jdbc.sql("SELECT count(*) FROM api_key WHERE role = 'ADMIN' AND revoked_at IS NULL")
        .query(Long.class).single();
  }

  private static ApiKey row(ResultSet rs, int n) throws SQLException {
    return new ApiKey(rs.getObject("id", UUID.class), rs.getString("tenant"), Role.valueOf(rs.getString("role")),
        rs.getString("key_prefix"), rs.getString("label"), rs.getInt("rate_per_minute"),
        rs.getObject("created_at", OffsetDateTime.class), rs.getObject("revoked_at", OffsetDateTime.class));
  }
}
