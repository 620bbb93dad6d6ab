package org.trustml.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnRolesTest {

  private static final List<String> FILE = List.of("age", "sex", "race", "job", "id", "income");

  @Test
  void protectedColumnsBecomeInputsAfterTheOtherFeatures() {
    ColumnRoles roles = new ColumnRoles("income", List.of("sex", "race"), List.of(), List.of("id"));
    assertThat(roles.withProtectedAsFeatures(FILE).resolveFeatures(FILE)).containsExactly("age", "job", "sex",
        "race");
    assertThat(roles.withFeatures(List.of("job", "race")).withProtectedAsFeatures(FILE).features())
        .containsExactly("job", "race", "sex");
  }

  @Test
  void theProtectedColumnsAloneMayBeTheInputs() {
    ColumnRoles roles = new ColumnRoles("income", List.of("sex"), List.of(), List.of("age", "race", "job", "id"));
    assertThatThrownBy(() -> roles.resolveFeatures(FILE)).hasMessageContaining("no column is left");
    assertThat(roles.withProtectedAsFeatures(FILE).features()).containsExactly("sex");
  }

  @Test
  void aColumnMissingFromTheFileIsNamed() {
    ColumnRoles roles = new ColumnRoles("income", List.of("gender"), List.of(), List.of());
    assertThatThrownBy(() -> roles.withProtectedAsFeatures(FILE)).hasMessageContaining("'gender'");
  }
}
