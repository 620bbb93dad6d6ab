package org.trustml.fairness.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustml.core.web.ProblemException;
import org.trustml.ml.ByteSource;

class FairProblemLoaderTest {

  private static final String TABLE =
      """
      age,race,sex,hours,work,income
      23,White,Male,40,Private,<=50K
      35,Black,Female,50,Private,>50K
      47,White,Female,38,Gov,<=50K
      61,Asian,Male,45,Gov,>50K
      29,Black,Male,?,Private,<=50K
      52,White,Male,60,Private,>50K
      """;

  private static ByteSource csv(String text) {
    return ByteSource.of(text.getBytes(StandardCharsets.UTF_8));
  }

  private static FairSchema schema(ProtectedSpec... specs) {
    return new FairSchema("income", ">50K", List.of(specs), List.of(), List.of(), null);
  }

  @Test
  void protectedColumnsBecomeGroupsAndLeaveTheFeatures() throws Exception {
    FairProblemLoader.Loaded loaded = FairProblemLoader.fit(csv(TABLE), schema(
        ProtectedSpec.of("race", "White"), ProtectedSpec.of("sex", "Male"),
        new ProtectedSpec("age", "25_60", List.of(30.0, 50.0))));
    FairProblem p = loaded.problem();

    // the row with a missing hours value is dropped
    assertThat(p.rows()).isEqualTo(5);
    assertThat(loaded.droppedRows()).isEqualTo(1);
    assertThat(p.featureNames()).containsExactly("hours", "work=Gov", "work=Private");
    assertThat(p.labels()).containsExactly(0, 1, 0, 1, 1);
    FairProblem.Attribute race = p.attributes().get(0);
    assertThat(race.values()).containsExactly("Asian", "Black", "White");
    assertThat(race.nonProtected()).containsExactly(true, false, true, false, true);
    FairProblem.Attribute age = p.attributes().get(2);
    assertThat(age.values()).containsExactly("<30", "[30, 50)", "≥50");
    assertThat(age.codes()).containsExactly(0, 1, 1, 2, 2);
    // 25 < age < 60: 23 and 61 are outside
    assertThat(age.nonProtected()).containsExactly(false, true, true, false, true);
    assertThat(p.cellNames()).isSorted().hasSize(5);
    assertThat(p.cellNames().get(p.cells()[1])).isEqualTo("race=Black & sex=Female & age=[30, 50)");
  }

  @Test
  void protectedColumnsCanBeInputsToo() throws Exception {
    FairSchema both = new FairSchema("income", ">50K", List.of(ProtectedSpec.of("sex", "Male")), List.of(),
        List.of(), null, true);
    FairProblem p = FairProblemLoader.fit(csv(TABLE), both).problem();
    assertThat(p.featureNames()).contains("hours", "sex=Male").doesNotContain("income");
    assertThat(p.attributes().get(0).name()).isEqualTo("sex");

    FairSchema listed = new FairSchema("income", ">50K", List.of(ProtectedSpec.of("sex", "Male")),
        List.of("hours", "sex"), List.of(), null, true);
    assertThat(FairProblemLoader.fit(csv(TABLE), listed).problem().featureNames())
        .containsExactly("hours", "sex=Female", "sex=Male");

    FairSchema refused = new FairSchema("income", ">50K", List.of(ProtectedSpec.of("sex", "Male")),
        List.of("hours", "sex"), List.of(), null);
    assertThatThrownBy(() -> FairProblemLoader.fit(csv(TABLE), refused))
        .isInstanceOf(ProblemException.class).hasMessageContaining("protectedAsFeatures");
  }

  @Test
  void anotherSplitIsEncodedWithTheFittedEncoding() throws Exception {
    FairProblemLoader.Loaded train = FairProblemLoader.fit(csv(TABLE), schema(ProtectedSpec.of("race", "White")));
    String test = """
        age,race,sex,hours,work,income
        40,Black,Male,41,Gov,>50K
        41,White,Female,30,Other,<=50K
        """;
    FairProblem p = FairProblemLoader.apply(csv(test), train.encoding(), train.schema()).problem();
    assertThat(p.featureNames()).isEqualTo(train.problem().featureNames());
    assertThat(p.featureNames()).containsExactly("age", "sex=Female", "sex=Male", "hours", "work=Gov",
        "work=Private");
    // an unseen category encodes as all zeros
    assertThat(p.feature(1, 4)).isZero();
    assertThat(p.feature(1, 5)).isZero();
    assertThat(p.feature(0, 4)).isEqualTo(1f);
  }

  @Test
  void aSeparatelyLoadedSplitIndexesGroupsAndCellsAsTheFittedOne() throws Exception {
    FairProblemLoader.Loaded train = FairProblemLoader.fit(csv(TABLE), schema(ProtectedSpec.of("race", "White"),
        ProtectedSpec.of("sex", "Male")));
    // no Asian row, a race training never saw, and only some of the training cells
    String test = """
        age,race,sex,hours,work,income
        40,White,Male,41,Gov,>50K
        41,Pacific,Female,30,Private,<=50K
        33,Black,Female,35,Private,<=50K
        """;
    FairProblem p = FairProblemLoader.apply(csv(test), train).problem();
    FairProblem fitted = train.problem();
    FairProblem.Attribute race = p.attributes().get(0);
    assertThat(race.values()).startsWith(fitted.attributes().get(0).values().toArray(String[]::new));
    assertThat(race.values()).containsExactly("Asian", "Black", "White", "Pacific");
    assertThat(race.codes()).containsExactly(2, 3, 1);
    assertThat(p.cellNames()).startsWith(fitted.cellNames().toArray(String[]::new));
    assertThat(p.cellNames().get(p.cells()[0])).isEqualTo("race=White & sex=Male");
    assertThat(p.cells()[0]).isEqualTo(fitted.cellNames().indexOf("race=White & sex=Male"));
    assertThat(p.cells()[2]).isEqualTo(fitted.cellNames().indexOf("race=Black & sex=Female"));
    assertThat(p.cellNames().get(p.cells()[1])).isEqualTo("race=Pacific & sex=Female");
    assertThat(p.cells()[1]).isEqualTo(fitted.cellNames().size());
  }

  @Test
  void badInputIsABadRequestNamingTheColumn() {
    assertProblem(() -> FairProblemLoader.fit(csv(TABLE), schema(ProtectedSpec.of("gender", "Male"))), "gender");
    assertProblem(() -> FairProblemLoader.fit(csv(TABLE.replace("Female", "Male")),
        schema(ProtectedSpec.of("sex", "Male"))), "sex");
    assertProblem(() -> FairProblemLoader.fit(csv(TABLE.replace("Gov,<=50K", "Gov,maybe")),
        schema(ProtectedSpec.of("sex", "Male"))), "income");
    assertProblem(() -> FairProblemLoader.fit(csv(TABLE), schema(ProtectedSpec.of("race", "Martian"))), "race");
    assertProblem(() -> FairProblemLoader.fit(csv(TABLE), schema(ProtectedSpec.of("age", "0_100"))), "age");
  }

  private static void assertProblem(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String column) {
    assertThatThrownBy(call).isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).status().value()).isEqualTo(400))
        .hasMessageContaining("'" + column + "'");
  }
}
