package org.trustml.fairness.data.sets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.trustml.core.dataset.CsvOptions;
import org.trustml.core.dataset.CsvReader;

/**
 * ProPublica's COMPAS two-year recidivism table, filtered as ProPublica's analysis (and MFBPP) did: screening within
 * 30 days of the arrest, a known recidivism outcome, no ordinary traffic offences, a COMPAS score present, and race
 * restricted to African-American and Caucasian. 5,278 rows; label {@code two_year_recid} (1 = reoffended), protected
 * {@code race} and {@code sex}, features the defendant's age, charge degree and criminal history.
 */
public final class Compas {

  public static final List<String> COLUMNS = List.of("sex", "age", "age_cat", "race", "juv_fel_count",
      "juv_misd_count", "juv_other_count", "priors_count", "c_charge_degree", "two_year_recid");

  private Compas() {}

  public static byte[] table(Path root) throws IOException {
    StringBuilder out = new StringBuilder(String.join(",", COLUMNS)).append('\n');
    try (InputStream in = Files.newInputStream(root.resolve("compas/compas-scores-two-years.csv"));
        CsvReader reader = CsvReader.open(in, CsvOptions.defaults().withRenamedDuplicateColumns(true))) {
      List<String> names = reader.columnNames();
      Map<String, Integer> at = new HashMap<>();
      for (int i = 0; i < names.size(); i++) {
        at.putIfAbsent(names.get(i), i);
      }
      while (reader.hasNext()) {
        String[] r = reader.next();
        String days = r[at.get("days_b_screening_arrest")].strip();
        String race = r[at.get("race")].strip();
        if (days.isEmpty() || Math.abs(Integer.parseInt(days)) > 30 || r[at.get("is_recid")].strip().equals("-1")
            || r[at.get("c_charge_degree")].strip().equals("O") || r[at.get("score_text")].strip().equals("N/A")
            || !(race.equals("African-American") || race.equals("Caucasian"))) {
          continue;
        }
        List<String> row = new ArrayList<>();
        for (String c : COLUMNS) {
          row.add(r[at.get(c)].strip());
        }
        out.append(String.join(",", row)).append('\n');
      }
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }
}
