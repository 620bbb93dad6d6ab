package org.trustml.gateway.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.trustml.core.artifact.ArtifactRef;
import org.trustml.core.catalog.Lineage;
import org.trustml.core.catalog.ModelDescriptor;
import tools.jackson.databind.json.JsonMapper;

/** Registered models in the gateway's schema. */
@Repository
class ModelRepository {

  private final JdbcClient jdbc;
  private final JsonMapper json;

  ModelRepository(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  void insert(ModelDescriptor m) {
    jdbc.sql("""
        INSERT INTO model (id, owner, name, framework, sha256, size_bytes, media_type, metadata, parents,
                           produced_by_service, produced_by_job)
        VALUES (:id, :owner, :name, :framework, :sha, :size, :media, CAST(:metadata AS jsonb),
                CAST(:parents AS jsonb), :service, :job)""")
        .param("id", m.id()).param("owner", m.owner()).param("name", m.name()).param("framework", m.framework())
        .param("sha", m.artifact().sha256()).param("size", m.artifact().sizeBytes())
        .param("media", m.artifact().mediaType())
        .param("metadata", json.writeValueAsString(m.metadata() == null ? json.createObjectNode() : m.metadata()))
        .param("parents", json.writeValueAsString(m.lineage().parents()))
        .param("service", m.lineage().service()).param("job", m.lineage().jobId()).update();
  }

  Optional<ModelDescriptor> find(String owner, String id) {
    return jdbc.sql("SELECT * FROM model WHERE id = :id AND owner = :owner").param("id", id).param("owner", owner)
        .query(this::row).optional();
  }

  List<ModelDescriptor> list(String owner, int limit) {
    return jdbc.sql("SELECT * FROM model WHERE owner = :owner ORDER BY created_at DESC LIMIT :limit")
        .param("owner", owner).param("limit", limit).query(this::row).list();
  }

  private ModelDescriptor row(ResultSet rs, int n) throws SQLException {
    List<String> parents = List.of(json.readValue(rs.getString("parents"), String[].class));
    return new ModelDescriptor(rs.getString("id"), rs.getString("owner"), rs.getString("name"),
        rs.getString("framework"),
        new ArtifactRef(rs.getString("sha256").trim(), rs.getLong("size_bytes"), rs.getString("media_type"),
            rs.getString("name")),
        json.readTree(rs.getString("metadata")),
        new Lineage(parents, rs.getString("produced_by_service"), rs.getString("produced_by_job")),
        rs.getObject("created_at", OffsetDateTime.class));
  }

}
