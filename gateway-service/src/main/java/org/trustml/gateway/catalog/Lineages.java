package org.trustml.gateway.catalog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.trustml.core.catalog.Lineage;
import org.trustml.core.web.ProblemException;

/** Checks that a lineage names only datasets and models its owner has. */
@Component
class Lineages {

  private final JdbcClient jdbc;

  Lineages(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void requireParents(String owner, Lineage lineage) {
    for (String parent : lineage.parents()) {
      long found = jdbc.sql("""
          SELECT (SELECT count(*) FROM dataset WHERE id = :id AND owner = :owner)
               + (SELECT count(*) FROM model WHERE id = :id AND owner = :owner)""")
          .param("id", parent).param("owner", owner).query(Long.class).single();
      if (found == 0) {
        throw ProblemException.badRequest("unknown-parent", "lineage names '" + parent
            + "', which is not a dataset or model of " + owner).with("field", "lineage.parents");
      }
    }
  }
}
