package org.trustml.fhe.keys;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Key-set rows in the service's schema; every query is scoped to the owner. */
@Repository
class KeySetRepository {

  private final JdbcClient jdbc;

  KeySetRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts the set; false if the owner already has one with this id (the same keys). */
  boolean insert(String owner, KeySet k) {
    KeySet.GaloisPart g = k.galoisKeys();
    return jdbc.sql("""
        INSERT INTO key_set (owner, id, parameter_set, parameter_id, public_key_sha256, public_key_bytes,
                             relinearization_sha256, relinearization_bytes, galois_keys_sha256, galois_keys_bytes,
                             galois_steps, conjugation)
        VALUES (:owner, :id, :set, :pid, :pk, :pkBytes, :rk, :rkBytes, :gk, :gkBytes, CAST(:steps AS int[]), :conj)
        ON CONFLICT (owner, id) DO NOTHING""")
        .param("owner", owner).param("id", k.id()).param("set", k.parameterSet()).param("pid", k.parameterId())
        .param("pk", k.publicKey().sha256()).param("pkBytes", k.publicKey().bytes())
        .param("rk", k.relinearizationKey().sha256()).param("rkBytes", k.relinearizationKey().bytes())
        .param("gk", g == null ? null : g.sha256()).param("gkBytes", g == null ? 0L : g.bytes())
        .param("steps", g == null ? "{}" : g.rotationSteps().stream().map(String::valueOf)
            .collect(Collectors.joining(",", "{", "}")))
        .param("conj", g != null && g.conjugation())
        .update() == 1;
  }

  Optional<KeySet> find(String owner, String id) {
    return jdbc.sql("SELECT * FROM key_set WHERE owner = :owner AND id = :id").param("owner", owner)
        .param("id", id).query(KeySetRepository::row).optional();
  }

  List<KeySet> list(String owner, int limit) {
    return jdbc.sql("SELECT * FROM key_set WHERE owner = :owner ORDER BY created_at DESC, id LIMIT :limit")
        .param("owner", owner).param("limit", limit).query(KeySetRepository::row).list();
  }

  boolean delete(String owner, String id) {
    return jdbc.sql("DELETE FROM key_set WHERE owner = :owner AND id = :id").param("owner", owner).param("id", id)
        .update() == 1;
  }

  private static KeySet row(ResultSet rs, int n) throws SQLException {
    String galois = rs.getString("galois_keys_sha256");
    Array steps = rs.getArray("galois_steps");
    List<Integer> stepList = Arrays.asList((Integer[]) steps.getArray());
    return new KeySet(rs.getString("id"), rs.getString("parameter_set"), rs.getString("parameter_id"),
        new KeySet.Part(rs.getString("public_key_sha256"), rs.getLong("public_key_bytes")),
        new KeySet.Part(rs.getString("relinearization_sha256"), rs.getLong("relinearization_bytes")),
        galois == null ? null : new KeySet.GaloisPart(galois, rs.getLong("galois_keys_bytes"), List.copyOf(stepList),
            rs.getBoolean("conjugation")),
        rs.getObject("created_at", OffsetDateTime.class));
  }
}
