package org.trustml.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trustml.core.dataset.ColumnType;
import org.trustml.core.web.ProblemException;

class TabularLoaderTest {

  /** Float32 features compared with hand-computed doubles. */
  private static final float F32 = 5e-6f;

  private static final String SMALL =
      """
      age,color,member,sex,y
      1,red,true,F,yes
      2,blue,false,M,no
      3,red,true,F,yes
      6,green,false,M,no
      """;

  private static ByteSource csv(String text) {
    return ByteSource.of(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void oneHotEncodesStringsAndKeepsNumbersAndBooleans() throws Exception {
    TabularTable t = TabularLoader.load(csv(SMALL), ColumnRoles.of("y", "sex"), TabularOptions.defaults());

    // categories sorted: blue, green, red; the protected column is not a feature
    assertThat(t.encoding().featureNames())
        .containsExactly("age", "color=blue", "color=green", "color=red", "member");
    assertThat(t.rows()).isEqualTo(4);
    assertThat(row(t, 0)).containsExactly(1f, 0f, 0f, 1f, 1f);
    assertThat(row(t, 1)).containsExactly(2f, 1f, 0f, 0f, 0f);
    assertThat(row(t, 3)).containsExactly(6f, 0f, 1f, 0f, 0f);
    assertThat(t.encoding().classes()).containsExactly("no", "yes");
    assertThat(t.labelCodes()).containsExactly(1, 0, 1, 0);
    ProtectedAttribute sex = t.protectedAttributes().get(0);
    assertThat(sex.name()).isEqualTo("sex");
    assertThat(sex.categories()).containsExactly("F", "M");
    assertThat(sex.codes()).containsExactly(0, 1, 0, 1);
    assertThat(t.droppedRows()).isZero();
  }

  @Test
  void standardisesNumericFeaturesWithThePopulationStd() throws Exception {
    TabularTable t =
        TabularLoader.load(csv(SMALL), ColumnRoles.of("y", "sex"), TabularOptions.defaults().withStandardize(true));

    // ages 1, 2, 3, 6: mean 3, population variance (4 + 1 + 0 + 9) / 4 = 3.5
    double std = Math.sqrt(3.5);
    assertThat(t.feature(0, 0)).isCloseTo((float) (-2 / std), within(F32));
    assertThat(t.feature(1, 0)).isCloseTo((float) (-1 / std), within(F32));
    assertThat(t.feature(2, 0)).isCloseTo(0f, within(F32));
    assertThat(t.feature(3, 0)).isCloseTo((float) (3 / std), within(F32));
    // one-hot and boolean features are not scaled
    assertThat(row(t, 0)).endsWith(0f, 0f, 1f, 1f);
    NumericFeature age = (NumericFeature) t.encoding().features().get(0);
    assertThat(age.center()).isCloseTo(3.0, within(1e-12));
    assertThat(age.scale()).isCloseTo(std, within(1e-12));
  }

  private static final String WITH_MISSING =
      """
      age,color,sex,y
      1,red,F,yes
      ?,blue,M,no
      3,,F,yes
      5,red,?,no
      7,blue,M,
      2,blue,M,no
      4,red,F,no
      """;

  @Test
  void dropsRowsWithAnyMissingValue() throws Exception {
    TabularTable t = TabularLoader.load(csv(WITH_MISSING), ColumnRoles.of("y", "sex"), TabularOptions.defaults());

    assertThat(t.rows()).isEqualTo(3);
    assertThat(t.droppedRows()).isEqualTo(4);
    assertThat(row(t, 0)).containsExactly(1f, 0f, 1f);
    assertThat(row(t, 1)).containsExactly(2f, 1f, 0f);
    assertThat(row(t, 2)).containsExactly(4f, 0f, 1f);
    assertThat(t.labelCodes()).containsExactly(1, 0, 0);
  }

  @Test
  void imputesMeanAndModeOverTheRowsKeptButNeverTheLabel() throws Exception {
    TabularOptions impute = TabularOptions.defaults().withMissing(MissingValuePolicy.IMPUTE);
    TabularTable t = TabularLoader.load(csv(WITH_MISSING), ColumnRoles.of("y", "sex"), impute);

    // the row without a label goes; its 7 and blue count for nothing
    assertThat(t.rows()).isEqualTo(6);
    assertThat(t.droppedRows()).isEqualTo(1);
    // ages present 1, 3, 5, 2, 4: mean 3; colours red 3 x, blue 2 x: mode red; sex F 3 x, M 2 x: mode F
    assertThat(row(t, 1)).containsExactly(3f, 1f, 0f);
    assertThat(row(t, 2)).containsExactly(3f, 0f, 1f);
    assertThat(t.protectedAttributes().get(0).codes()).containsExactly(0, 1, 0, 0, 1, 0);

    TabularTable scaled = TabularLoader.load(csv(WITH_MISSING), ColumnRoles.of("y", "sex"), impute.withStandardize(true));
    // ages after imputation 1, 3, 3, 5, 2, 4: mean 3, population variance (4 + 0 + 0 + 4 + 1 + 1) / 6
    double std = Math.sqrt(10.0 / 6);
    assertThat(scaled.feature(0, 0)).isCloseTo((float) (-2 / std), within(F32));
    assertThat(scaled.feature(1, 0)).isCloseTo(0f, within(F32));
    assertThat(scaled.feature(3, 0)).isCloseTo((float) (2 / std), within(F32));
  }

  @Test
  void breaksModeTiesByOrderAndSortsNumericCategoriesAsNumbers() throws Exception {
    String text =
        """
        grp,c,y
        10,b,1
        9,a,0
        2,b,1
        9,a,0
        10,?,1
        """;
    TabularTable t =
        TabularLoader.load(
            csv(text), ColumnRoles.of("y", "grp"), TabularOptions.defaults().withMissing(MissingValuePolicy.IMPUTE));

    assertThat(t.protectedAttributes().get(0).categories()).containsExactly("2", "9", "10");
    assertThat(t.protectedAttributes().get(0).codes()).containsExactly(2, 1, 0, 1, 2);
    // a and b twice each: the first in order wins
    assertThat(((OneHotFeature) t.encoding().features().get(0)).fill()).isEqualTo("a");
    assertThat(row(t, 4)).containsExactly(1f, 0f);
    // an INTEGER label is a class label, coded in numeric order
    assertThat(t.encoding().classes()).containsExactly("0", "1");
  }

  @Test
  void encodesAnotherSplitWithTheFittedEncoding() throws Exception {
    TabularTable train = TabularLoader.load(csv(SMALL), ColumnRoles.of("y", "sex"), TabularOptions.defaults());
    String test =
        """
        y,sex,member,color,age
        no,M,true,purple,10
        yes,X,false,blue,0
        """;

    TabularTable t = TabularLoader.encode(csv(test), train.encoding(), TabularOptions.defaults().csv());

    // columns found by name; an unseen colour is all zeros; an unseen protected value becomes a new category
    assertThat(row(t, 0)).containsExactly(10f, 0f, 0f, 0f, 1f);
    assertThat(row(t, 1)).containsExactly(0f, 1f, 0f, 0f, 0f);
    assertThat(t.protectedAttributes().get(0).codes()).containsExactly(1, 2);
    assertThat(t.protectedAttributes().get(0).categories()).containsExactly("F", "M", "X");

    String badLabel = "age,color,member,sex,y\n1,red,true,F,maybe\n";
    assertThatThrownBy(() -> TabularLoader.encode(csv(badLabel), train.encoding(), TabularOptions.defaults().csv()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining("'maybe'");
  }

  @Test
  void explicitFeaturesMayIncludeAProtectedColumnAndIgnoredColumnsAreDropped() throws Exception {
    ColumnRoles roles = ColumnRoles.of("y", "sex").withFeatures(List.of("member", "sex")).withIgnored(List.of("age"));

    TabularTable t = TabularLoader.load(csv(SMALL), roles, TabularOptions.defaults());

    assertThat(t.encoding().featureNames()).containsExactly("member", "sex=F", "sex=M");
    assertThat(row(t, 1)).containsExactly(0f, 0f, 1f);
    assertThat(t.protectedAttributes()).hasSize(1);
  }

  @Test
  void aNumberLabelIsARegressionTarget() throws Exception {
    String text = "x,target\n1,0.5\n2,1.5\n";
    TabularTable t = TabularLoader.load(csv(text), ColumnRoles.of("target"), TabularOptions.defaults());

    assertThat(t.encoding().isClassification()).isFalse();
    assertThat(t.labelCodes()).isNull();
    assertThat(t.labelValues()).containsExactly(0.5f, 1.5f);
  }

  @Test
  void acceptsTypesFromTheCatalogInsteadOfInferringThem() throws Exception {
    Map<String, ColumnType> types =
        Map.of("age", ColumnType.STRING, "color", ColumnType.STRING, "member", ColumnType.BOOLEAN,
            "sex", ColumnType.STRING, "y", ColumnType.STRING);

    TabularTable t = TabularLoader.load(csv(SMALL), types, ColumnRoles.of("y", "sex"), TabularOptions.defaults());

    // age declared STRING: one-hot instead of a number
    assertThat(t.encoding().featureNames()).startsWith("age=1", "age=2", "age=3", "age=6");
  }

  @Test
  void reportsBadRolesAndMalformedFiles() {
    assertThatThrownBy(() -> TabularLoader.load(csv(SMALL), ColumnRoles.of("income"), TabularOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'income'")
        .hasMessageContaining("[age, color, member, sex, y]");
    assertThatThrownBy(() -> new ColumnRoles("y", List.of("sex"), List.of(), List.of("sex")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ColumnRoles.of("y", "y")).isInstanceOf(IllegalArgumentException.class);
    String noGroup = "a,g,y\n1,?,0\n2,?,1\n";
    assertThatThrownBy(
            () -> TabularLoader.load(csv(noGroup), ColumnRoles.of("y", "g"),
                TabularOptions.defaults().withMissing(MissingValuePolicy.IMPUTE)))
        .hasMessageContaining("protected column 'g' has no value");
    String ragged = "a,y\n1,2\n3\n";
    assertThatThrownBy(() -> TabularLoader.load(csv(ragged), ColumnRoles.of("y"), TabularOptions.defaults()))
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("line 3");
  }

  @Test
  void becomesNDArraysOfTheRightShapesAndTypes() throws Exception {
    TabularTable t = TabularLoader.load(csv(SMALL), ColumnRoles.of("y", "sex"), TabularOptions.defaults());
    MlEngine ml = MlEngine.start(MlSettings.defaults());
    try (NDManager manager = ml.newManager()) {
      TabularDataset d = t.toDataset(manager);

      assertThat(d.features().getShape()).isEqualTo(new Shape(4, 5));
      assertThat(d.features().getDataType()).isEqualTo(DataType.FLOAT32);
      assertThat(d.features().toFloatArray()).containsExactly(t.features());
      assertThat(d.labels().getDataType()).isEqualTo(DataType.INT32);
      assertThat(d.labels().toIntArray()).containsExactly(1, 0, 1, 0);
      assertThat(d.protectedAttribute("sex").toNDArray(manager).toIntArray()).containsExactly(0, 1, 0, 1);
      assertThat(d.labeled().size()).isEqualTo(4);
    }
  }

  private static float[] row(TabularTable t, int r) {
    float[] out = new float[t.width()];
    System.arraycopy(t.features(), r * t.width(), out, 0, t.width());
    return out;
  }
}
