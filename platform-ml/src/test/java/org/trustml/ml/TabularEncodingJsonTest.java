package org.trustml.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class TabularEncodingJsonTest {

  private static final String TABLE =
      """
      age,color,member,sex,y
      1,red,true,F,yes
      2,blue,false,M,no
      3,red,true,F,yes
      6,?,false,M,no
      """;

  private static TabularTable load(TabularOptions options) throws Exception {
    return TabularLoader.load(ByteSource.of(TABLE.getBytes(StandardCharsets.UTF_8)), ColumnRoles.of("y", "sex"),
        options);
  }

  @Test
  void aStoredEncodingEncodesRowsAsTheFittedOneDid() throws Exception {
    TabularTable t = load(TabularOptions.defaults().withStandardize(true).withMissing(MissingValuePolicy.IMPUTE));
    String text = JsonMapper.builder().build().writeValueAsString(TabularEncodingJson.toJson(t.encoding()));
    TabularEncoding back = TabularEncodingJson.fromJson(JsonMapper.builder().build().readTree(text));

    assertThat(back.featureNames()).isEqualTo(t.encoding().featureNames());
    assertThat(back.classes()).isEqualTo(t.encoding().classes());
    assertThat(back.protectedAttributes()).isEqualTo(t.encoding().protectedAttributes());
    List<Map<String, String>> rows = new ArrayList<>();
    String[] lines = TABLE.strip().split("\n");
    String[] header = lines[0].split(",");
    for (int i = 1; i < lines.length; i++) {
      String[] values = lines[i].split(",");
      Map<String, String> row = new LinkedHashMap<>();
      for (int c = 0; c < header.length; c++) {
        row.put(header[c], values[c]);
      }
      rows.add(row);
    }
    // the missing colour takes the fitted mode under IMPUTE, as the file loader filled it
    assertThat(RowEncoder.features(back, rows)).containsExactly(t.features());
  }

  @Test
  void aMissingValueIsRefusedWhenTheModelDroppedSuchRows() throws Exception {
    TabularTable t = load(TabularOptions.defaults());
    Map<String, String> row = new LinkedHashMap<>(Map.of("age", "4", "member", "true"));
    assertThatThrownBy(() -> RowEncoder.features(t.encoding(), List.of(row)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'color'");
  }

  @Test
  void aFormThatIsNotAnEncodingIsRefused() {
    assertThatThrownBy(() -> TabularEncodingJson.fromJson(JsonMapper.builder().build().readTree("{\"label\":\"y\"}")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("features");
  }
}
