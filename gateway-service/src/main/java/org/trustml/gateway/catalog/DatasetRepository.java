package org.trustml.gateway.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.trustml.core.artifact.ArtifactRef;
import org.trustml.core.catalog.ColumnInfo;
import org.trustml.core.catalog.DatasetDescriptor;
import org.trustml.core.catalog.Lineage;
import org.trustml.core.dataset.ImageClass;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Registered datasets in the gateway's schema. */
@Repository
class DatasetRepository {

  private final JdbcClient jdbc;
  private final JsonMapper json;

  DatasetRepository(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  void insert(DatasetDescriptor d, List<List<String>> preview) {
    jdbc.sql("""
        INSERT INTO dataset (id, owner, name, format, sha256, size_bytes, media_type, row_count, column_count,
                             schema, label_column, protected_columns, shape, dtype, preview, parents,
                             produced_by_service, produced_by_job, classes)
        VALUES (:id, :owner, :name, :format, :sha, :size, :media, :rows, :columns, CAST(:schema AS jsonb),
                :label, CAST(:protected AS jsonb), CAST(:shape AS jsonb), :dtype, CAST(:preview AS jsonb),
                CAST(:parents AS jsonb), :service, :job, CAST(:classes AS jsonb))""")
        .param("id", d.id()).param("owner", d.owner()).param("name", d.name()).param("format", d.format())
        .param("sha", d.artifact().sha256()).param("size", d.artifact().sizeBytes())
        .param("media", d.artifact().mediaType()).param("rows", d.rows()).param("columns", d.columns())
        .param("schema", json.writeValueAsString(d.schema())).param("label", d.labelColumn())
        .param("protected", json.writeValueAsString(d.protectedColumns()))
        .param("shape", json.writeValueAsString(d.shape())).param("dtype", d.dtype())
        .param("preview", json.writeValueAsString(preview))
        .param("parents", json.writeValueAsString(d.lineage().parents()))
        .param("service", d.lineage().service()).param("job", d.lineage().jobId())
        .param("classes", json.writeValueAsString(d.classes())).update();
  }

  Optional<DatasetDescriptor> find(String owner, String id) {
    return jdbc.sql("SELECT * FROM dataset WHERE id = :id AND owner = :owner").param("id", id)
        .param("owner", owner).query(this::row).optional();
  }

  Optional<List<List<String>>> preview(String owner, String id) {
    return jdbc.sql("SELECT preview::text FROM dataset WHERE id = :id AND owner = :owner").param("id", id)
        .param("owner", owner).query(String.class).optional()
        .map(text -> json.readValue(text, new TypeReference<List<List<String>>>() {}));
  }

  List<DatasetDescriptor> list(String owner, int limit) {
    return jdbc.sql("SELECT * FROM dataset WHERE owner = :owner ORDER BY created_at DESC LIMIT :limit")
        .param("owner", owner).param("limit", limit).query(this::row).list();
  }

  private DatasetDescriptor row(ResultSet rs, int n) throws SQLException {
    return new DatasetDescriptor(rs.getString("id"), rs.getString("owner"), rs.getString("name"),
        rs.getString("format"),
        new ArtifactRef(rs.getString("sha256").trim(), rs.getLong("size_bytes"), rs.getString("media_type"),
            rs.getString("name")),
        rs.getLong("row_count"), rs.getInt("column_count"),
        json.readValue(rs.getString("schema"), new TypeReference<List<ColumnInfo>>() {}),
        rs.getString("label_column"),
        json.readValue(rs.getString("protected_columns"), new TypeReference<List<String>>() {}),
        json.readValue(rs.getString("shape"), new TypeReference<List<Integer>>() {}),
        rs.getString("dtype"),
        new Lineage(json.readValue(rs.getString("parents"), new TypeReference<List<String>>() {}),
            rs.getString("produced_by_service"), rs.getString("produced_by_job")),
        rs.getObject("created_at", OffsetDateTime.class),
        json.readValue(rs.getString("classes"), new TypeReference<List<ImageClass>>() {}));
  }
}
